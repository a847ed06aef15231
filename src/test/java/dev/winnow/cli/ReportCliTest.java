package dev.winnow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.report.ReportFixture;
import dev.winnow.report.render.SvgText;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** winnow report … and winnow archive … as scripts drive them. */
class ReportCliTest {

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void reportAndArchiveCommands(TestDb kind, @TempDir Path dir) throws Exception {
        String url = kind.freshUrl();
        try (Database db = Database.open(url)) {
            ReportFixture.build(db, "fixture");
        }
        Path svg = dir.resolve("prisma.svg");
        CliTest.Run r = CliTest.run(url, "report", "prisma", "--project", "fixture", "--format", "svg", "-o",
                svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> text = SvgText.lines(Files.readString(svg));
        assertThat(SvgText.number(text, "Records screened")).isEqualTo(7);

        assertThat(CliTest.run(url, "report", "prisma", "--project", "fixture", "--format", "png").err())
                .contains("PNG is binary: give -o FILE");
        CliTest.Run json = CliTest.run(url, "report", "prisma", "--project", "fixture");
        assertThat(json.out()).contains("\"records_screened\" : 7");
        CliTest.Run check = CliTest.run(url, "report", "check", "--project", "fixture");
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("The numbers add up");
        CliTest.Run checklist = CliTest.run(url, "report", "checklist", "--project", "fixture", "--format", "html");
        assertThat(checklist.out()).startsWith("<!DOCTYPE html>");

        Path zip = dir.resolve("fixture.zip");
        assertThat(CliTest.run(url, "archive", "export", "--project", "fixture", "-o", zip.toString()).code()).isZero();
        CliTest.Run imported = CliTest.run(url, "archive", "import", zip.toString(), "--key", "copy");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("The PRISMA numbers match the archive's.");
        assertThat(imported.lastLine()).isEqualTo("copy");
        assertThat(CliTest.run(url, "report", "prisma", "--project", "copy").out()).isEqualTo(json.out());
        CliTest.Run clash = CliTest.run(url, "archive", "import", zip.toString());
        assertThat(clash.code()).isEqualTo(1);
        assertThat(clash.err()).contains("already exists here: import with --key NEWKEY");

        // a record that nobody screened: the diagram is refused with the reason, exit 1
        try (Database db = Database.open(url)) {
            db.useTransaction(h -> h.createUpdate("insert into study (project_id, fields, created_at, updated_at) "
                    + "select id, '{}', 'x', 'x' from project where key = 'fixture'").execute());
        }
        CliTest.Run refused = CliTest.run(url, "report", "prisma", "--project", "fixture", "--format", "svg");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("the PRISMA numbers do not add up")
                .contains("every study record comes from a source");
        assertThat(CliTest.run(url, "report", "check", "--project", "fixture").code()).isEqualTo(1);
    }
}
