package dev.winnow.web;

import dev.winnow.account.AccountService;
import dev.winnow.dedup.DedupService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore.Study;
import dev.winnow.store.UserStore.User;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A small project for the full-text, dedup, reports and protocol pages: two exports (synthetic
 * records written here) deduplicated into studies with one "maybe" pair, a protocol with one
 * unblinded reviewer per record, and two records included at title/abstract (so at full text).
 * Users: olive (owner), ann (reviewer), vic (viewer), nora (not a member); password "NAME password 123".
 */
final class ReviewPagesFixture {
    static final String TRIAL = "Early palliative care in general practice: a randomised controlled trial";
    static final String UNIQUE = "Advance care planning conversations in rural hospices";
    static final String NURSE = "Nurse-led telephone follow-up after chemotherapy for lung cancer patients";
    static final String PROTOCOL = """
            title: Early palliative care models
            stages:
              - name: title-abstract
                reviewersPerRecord: 1
                blinded: false
                exclusionReasons: [wrong population]
              - name: full-text
                reviewersPerRecord: 1
                blinded: false
                exclusionReasons: [wrong population, no model of care]
            """;

    final Project project;
    final long trial;
    final long unique;

    private ReviewPagesFixture(Project project, long trial, long unique) {
        this.project = project;
        this.trial = trial;
        this.unique = unique;
    }

    static String password(String user) {
        return user + " password 123";
    }

    static ReviewPagesFixture create(Database db, Path dir) throws IOException {
        AccountService accounts = new AccountService(db);
        User olive = accounts.addUser("olive", null, password("olive"), true, "test");
        for (String u : List.of("ann", "vic", "nora")) {
            accounts.addUser(u, null, password(u), false, "test");
        }
        Project p = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        team.put(p, "olive", Role.OWNER, null);
        team.put(p, "ann", Role.REVIEWER, null);
        team.put(p, "vic", Role.VIEWER, null);
        ImportService imports = new ImportService(db);
        ImportService.Actor actor = new ImportService.Actor(olive.id(), "olive");
        imports.importFile(p, SourceSpec.database("MEDLINE"), write(dir.resolve("medline.ris"),
                ris(TRIAL, "Smith, John; Lee, Kim", 2020, "10.1000/trial", "100-110"),
                ris(NURSE, "White, Carol; Black, David", 2018, "10.1000/nurse", "300-309"),
                ris(UNIQUE, "Young, Erin; Old, Frank", 2021, "10.1000/acp", "400-412")),
                ImportService.Options.DEFAULT, actor);
        // the same nurse-led study with another DOI: the rules stop short of merging it, a person decides
        imports.importFile(p, SourceSpec.database("Embase"), write(dir.resolve("embase.ris"),
                ris(NURSE, "White, Carol; Black, David", 2018, "10.1000/nurse-2", "300-309")),
                ImportService.Options.DEFAULT, actor);
        new DedupService(db).run(p, actor);
        new ProtocolService(db).save(p, ProtocolYaml.read(PROTOCOL, "protocol.yaml"), "olive");
        List<Study> studies = new ProjectService(db).studies(p, 0, 100);
        long trial = studies.stream().filter(s -> TRIAL.equals(s.record().title())).findFirst().orElseThrow().id();
        long unique = studies.stream().filter(s -> UNIQUE.equals(s.record().title())).findFirst().orElseThrow().id();
        ScreeningService screening = new ScreeningService(db);
        for (long id : List.of(trial, unique)) {
            screening.decide(Viewer.reviewer(olive.id(), "olive"), p, StageName.TITLE_ABSTRACT, id,
                    ScreeningService.Input.of(Verdict.INCLUDE));
        }
        return new ReviewPagesFixture(p, trial, unique);
    }

    private static Path write(Path file, String... records) throws IOException {
        return Files.writeString(file, String.join("", records));
    }

    private static String ris(String title, String authors, int year, String doi, String pages) {
        StringBuilder sb = new StringBuilder("TY  - JOUR\nTI  - ").append(title).append('\n');
        for (String a : authors.split(";")) {
            sb.append("AU  - ").append(a.trim()).append('\n');
        }
        return sb.append("PY  - ").append(year).append("\nJO  - Palliative Medicine\nVL  - 12\nSP  - ").append(pages)
                .append("\nDO  - ").append(doi).append("\nER  - \n\n").toString();
    }

    /** A one-page PDF holding this text, made with PDFBox. */
    static byte[] pdf(String text) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(72, 700);
                s.showText(text);
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
