package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.store.Database;
import dev.winnow.store.FullTextStore;
import dev.winnow.testing.TestDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Full texts and PRISMA's screening counts, on both databases. */
class FullTextServiceTest {
    private static final StageName TA = StageName.TITLE_ABSTRACT;
    private static final StageName FT = StageName.FULL_TEXT;

    static byte[] pdf(String... pages) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void attachesAPdfExtractsItsTextAndTracksRetrieval(TestDb kind, @TempDir Path dir) throws Exception {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 2);
            FullTextService service = new FullTextService(db);
            Path file = dir.resolve("swenne.pdf");
            byte[] bytes = pdf("Early palliative care shared by general practice", "and oncology in Vejle");
            Files.write(file, bytes);
            service.markSought(f.project, f.study(0), "alice");
            FullTextStore.FullTextRow row = service.attach(f.project, f.study(0), file, "alice");
            assertThat(row.status()).isEqualTo("retrieved");
            assertThat(row.pageCount()).isEqualTo(2);
            assertThat(row.sizeBytes()).isEqualTo(bytes.length);
            assertThat(row.sha256()).isEqualTo(FullTextService.sha256(bytes));
            assertThat(service.text(f.project, f.study(0)).orElseThrow())
                    .contains("Early palliative care shared by general practice").contains("oncology in Vejle");
            assertThat(service.pdf(f.project, f.study(0)).orElseThrow()).isEqualTo(bytes);

            assertThatThrownBy(() -> service.markNotRetrieved(f.project, f.study(1), " ", "alice"))
                    .isInstanceOf(UserError.class).hasMessageContaining("say why");
            service.markNotRetrieved(f.project, f.study(1), "not held by any library", "alice");
            assertThat(service.status(f.project, f.study(1)).orElseThrow().reason()).isEqualTo("not held by any library");
            assertThat(service.statuses(f.project)).extracting(FullTextStore.FullTextRow::status)
                    .containsExactly("retrieved", "not-retrieved");

            Path notPdf = dir.resolve("paper.pdf");
            Files.writeString(notPdf, "<html>login required</html>");
            assertThatThrownBy(() -> service.attach(f.project, f.study(1), notPdf, "alice"))
                    .hasMessage("paper.pdf: not a PDF (it does not start with %PDF-)");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void prismaCountsComeFromTheDerivedOutcomes(TestDb kind) {
        try (Database db = kind.fresh()) {
            ScreeningFixture f = new ScreeningFixture(db, 8);
            f.rules(1, false, "all", List.of("any-reviewer"));
            Viewer alice = f.reviewer("alice");
            // title/abstract: 0..4 included, 5..6 excluded, 7 undecided
            for (int i = 0; i < 7; i++) {
                f.decide(alice, TA, f.study(i), i < 5 ? Verdict.INCLUDE : Verdict.EXCLUDE);
            }
            new FullTextService(db).markNotRetrieved(f.project, f.study(4), "paywalled", "alice");
            f.decide(alice, FT, f.study(0), Verdict.INCLUDE);
            f.decide(alice, FT, f.study(1), Verdict.EXCLUDE, "single sector only");
            f.decide(alice, FT, f.study(2), Verdict.EXCLUDE, "wrong population", "no model of care");
            // record 3: awaiting its full-text decision
            ScreeningService.ScreeningCounts c = f.screening.prismaCounts(alice, f.project);
            assertThat(c.recordsScreened()).isEqualTo(7);
            assertThat(c.recordsExcluded()).isEqualTo(2);
            assertThat(c.recordsUndecided()).isEqualTo(1);
            assertThat(c.reportsSought()).isEqualTo(5);
            assertThat(c.reportsNotRetrieved()).isEqualTo(1);
            assertThat(c.reportsAssessed()).isEqualTo(3);
            assertThat(c.reportsExcluded()).isEqualTo(2);
            assertThat(c.excludedByReason()).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of("single sector only", 1L, "wrong population", 1L));
            assertThat(c.reportsUndecided()).isEqualTo(1);
            assertThat(c.studiesIncluded()).isEqualTo(1);
            assertThatThrownBy(() -> f.decide(alice, FT, f.study(4), Verdict.INCLUDE))
                    .hasMessageContaining("not screened at full-text");
        }
    }
}
