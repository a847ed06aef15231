package dev.winnow.report.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.winnow.report.FlowNotBalanced;
import dev.winnow.report.flow.FlowCalculator;
import dev.winnow.report.flow.FlowDiagram;
import dev.winnow.report.flow.FlowFacts;
import dev.winnow.report.flow.FlowFixtures;
import dev.winnow.report.flow.OtherMethod;
import dev.winnow.report.flow.SourceTally;
import dev.winnow.report.flow.StudyTrail;
import dev.winnow.report.flow.StudyTrail.Eligibility;
import dev.winnow.report.flow.StudyTrail.Removal;
import dev.winnow.report.flow.StudyTrail.Retrieval;
import dev.winnow.report.flow.StudyTrail.Screening;
import dev.winnow.store.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** SVG, PNG, PDF, JSON and CSV from hand-built diagrams. */
class RenderersTest {

    @Test
    void theSvgShowsEveryBoxOfTheNewReviewTemplateWithItsNumber() {
        List<String> text = SvgText.lines(SvgFlowRenderer.render(FlowFixtures.newReviewDiagram()));

        assertThat(text).contains("Identification of studies via databases and registers", "Identification",
                "Screening", "Included", "Records identified from:", "Records removed before screening:",
                "MEDLINE (Ovid) (n = 60)", "CINAHL (n = 40)");
        assertThat(SvgText.number(text, "Databases")).isEqualTo(100);
        assertThat(SvgText.number(text, "Registers")).isZero();
        assertThat(SvgText.number(text, "Duplicate records removed")).isEqualTo(20);
        assertThat(SvgText.number(text, "Records screened")).isEqualTo(77);
        assertThat(SvgText.number(text, "Records excluded")).isEqualTo(65);
        assertThat(SvgText.number(text, "by reviewers")).isEqualTo(60);
        assertThat(SvgText.number(text, "Reports sought for retrieval")).isEqualTo(12);
        assertThat(SvgText.number(text, "Reports not retrieved")).isEqualTo(2);
        assertThat(SvgText.number(text, "Reports assessed for eligibility")).isEqualTo(10);
        assertThat(SvgText.number(text, "Wrong population")).isEqualTo(3);
        assertThat(SvgText.number(text, "Studies included in review")).isEqualTo(5);
        assertThat(SvgText.number(text, "Reports of included studies")).isEqualTo(6);
        assertThat(text).noneMatch(l -> l.contains("other methods") || l.contains("Previous"));
    }

    @Test
    void updatedReviewsAndOtherMethodsGetTheirColumnsAndUntrustedTextIsEscaped() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        long web = t.id();
        long prev = t.id();
        t.add(new StudyTrail(web, web, 0, 0, 1, 0, Removal.NONE, Screening.NOT_SCREENED, Retrieval.RETRIEVED,
                Eligibility.EXCLUDED, "<script>alert('x')</script> & \"quoted\""));
        t.add(new StudyTrail(prev, prev, 0, 0, 0, 1, Removal.NONE, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT,
                Eligibility.NOT_ASSESSED, null));
        List<SourceTally> sources = new ArrayList<>(FlowFixtures.twoDatabases());
        sources.add(SourceTally.other("Guideline <b>site</b>", OtherMethod.WEBSITES, 1));
        sources.add(SourceTally.other("Review 2019", OtherMethod.PREVIOUS_REVIEW, 1));
        FlowDiagram d = FlowCalculator.compute(new FlowFacts(sources, t.list));

        String svg = SvgFlowRenderer.render(d);
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>");
        List<String> text = SvgText.lines(svg);
        assertThat(text).contains("Identification of new studies via databases and registers",
                "Identification of new studies via other methods", "Previous studies");
        assertThat(SvgText.number(text, "Websites")).isEqualTo(1);
        assertThat(String.join(" ", text)).contains("<script>alert('x')</script> & \"quoted\" (n = 1)");
        assertThat(SvgText.number(text, "Studies included in previous version of review")).isEqualTo(1);
        assertThat(SvgText.number(text, "New studies included in review")).isEqualTo(5);
        assertThat(SvgText.number(text, "Total studies included in review")).isEqualTo(6);
        assertThat(SvgText.number(text, "Reports of total included studies")).isEqualTo(7);
    }

    @Test
    void eachPhaseLabelFitsInsideItsBar() {
        String svg = SvgFlowRenderer.render(FlowFixtures.newReviewDiagram());
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile("<rect x=\"12\" y=\"([\\d.]+)\" width=\"28\" "
                + "height=\"([\\d.]+)\"[^>]*/>\\s*<text[^>]*rotate\\(-90[^>]*>([^<]+)</text>").matcher(svg);
        int bars = 0;
        while (bar.find()) {
            bars++;
            String label = bar.group(3);
            // bold Arial 12 px: about 7.4 px a letter ("Identification" and "Included" overflowed before)
            assertThat(Double.parseDouble(bar.group(2))).as(label).isGreaterThanOrEqualTo(label.length() * 7.4);
        }
        assertThat(bars).isEqualTo(3);
    }

    @Test
    void anUnbalancedFlowIsRefusedWithTheList() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        t.add(4, 1, Screening.NOT_SCREENED, Retrieval.NOT_SOUGHT, Eligibility.NOT_ASSESSED, null);
        FlowDiagram d = FlowCalculator.compute(new FlowFacts(
                List.of(SourceTally.database("MEDLINE", 64), SourceTally.database("CINAHL", 40)), t.list));

        assertThatThrownBy(() -> SvgFlowRenderer.render(d)).isInstanceOf(FlowNotBalanced.class)
                .hasMessageContaining("do not add up")
                .hasMessageContaining("records screened = records identified − records removed before screening")
                .hasMessageContaining("4 records have not been screened");
    }

    @Test
    void pngAndPdfAreRenderedFromTheSvg() throws Exception {
        String svg = SvgFlowRenderer.render(FlowFixtures.newReviewDiagram());
        byte[] png = PngRenderer.render(svg, 1f);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo((int) PngRenderer.widthOf(svg));
        // boxes and text are drawn: a fair share of the pixels is dark
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 200) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(image.getWidth() * (long) image.getHeight() / 100);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "test-output"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "test-output", "prisma-new-review.png"), png);

        byte[] pdf = PdfRenderer.render(svg, "PRISMA 2020 flow diagram");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("PRISMA 2020 flow diagram");
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(PngRenderer.widthOf(svg) * 0.75f,
                    org.assertj.core.data.Offset.offset(1f));
        }
    }

    @Test
    void jsonUsesThePrisma2020PackageKeys() throws Exception {
        JsonNode j = Json.MAPPER.readTree(Json.write(PrismaData.json(FlowFixtures.newReviewDiagram())));
        assertThat(j.get("database_results").asLong()).isEqualTo(100);
        assertThat(j.get("database_specific_results").asText()).isEqualTo("MEDLINE (Ovid), 60; CINAHL, 40");
        assertThat(j.get("duplicates").asLong()).isEqualTo(20);
        assertThat(j.get("excluded_automatic").asLong()).isEqualTo(2);
        assertThat(j.get("records_screened").asLong()).isEqualTo(77);
        assertThat(j.get("records_excluded").asLong()).isEqualTo(65);
        assertThat(j.get("dbr_sought_reports").asLong()).isEqualTo(12);
        assertThat(j.get("dbr_notretrieved_reports").asLong()).isEqualTo(2);
        assertThat(j.get("dbr_assessed").asLong()).isEqualTo(10);
        assertThat(j.get("dbr_excluded").asText()).isEqualTo("Wrong population, 3; Wrong concept, 1");
        assertThat(j.get("new_studies").asLong()).isEqualTo(5);
        assertThat(j.get("new_reports").asLong()).isEqualTo(6);
        assertThat(j.get("winnow").get("records_excluded_by_stopping_rule").asLong()).isEqualTo(5);
        assertThat(j.get("winnow").get("databases").get(0).get("name").asText()).isEqualTo("MEDLINE (Ovid)");
    }

    @Test
    void csvFollowsThePackageTemplateAndNeutralisesFormulas() {
        FlowFixtures.Trails t = FlowFixtures.newReview();
        for (StudyTrail s : List.copyOf(t.list)) {
            if ("Wrong concept".equals(s.exclusionReason())) {
                t.list.set(t.list.indexOf(s), new StudyTrail(s.studyId(), s.group(), 1, 0, 0, 0, Removal.NONE,
                        s.screening(), s.retrieval(), s.eligibility(), "=HYPERLINK(\"x\"), bad; reason"));
            }
        }
        String csv = PrismaCsv.write(FlowCalculator.compute(new FlowFacts(FlowFixtures.twoDatabases(), t.list)));
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo("data,node,box,description,boxtext,tooltips,url,n");
        assertThat(lines).contains("records_screened,node9,box4,Records screened (databases and registers),"
                + "Records screened,Records screened (databases and registers),NA,77");
        assertThat(lines).anyMatch(l -> l.startsWith("duplicates,node8,box3,") && l.endsWith(",20"));
        assertThat(lines).anyMatch(l -> l.startsWith("dbr_excluded,") && l.endsWith(
                ",\"Wrong population, 3; =HYPERLINK(\"\"x\"\") bad reason, 1\""));
        assertThat(lines).anyMatch(l -> l.startsWith("database_specific_results,NA,box2,")
                && l.endsWith("\"MEDLINE (Ovid), 60; CINAHL, 40\""));
        assertThat(PrismaCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(PrismaCsv.cell("-3")).isEqualTo("-3");
    }
}
