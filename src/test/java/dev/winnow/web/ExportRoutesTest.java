package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /p/{key}/export}: members download a file, outsiders see nothing, bad values are a 400. */
class ExportRoutesTest {
    static Database db;
    static WebServer server;
    static Project project;

    @BeforeAll
    static void start() throws Exception {
        db = TestDb.SQLITE.fresh();
        AccountService accounts = new AccountService(db);
        accounts.addUser("olive", null, "owner password 1", false, "test");
        accounts.addUser("rita", null, "viewer password 1", false, "test");
        accounts.addUser("nora", null, "outsider password 1", false, "test");
        project = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        team.put(project, "olive", Role.OWNER, null);
        team.put(project, "rita", Role.VIEWER, null);
        Path file = Files.createTempFile("medline", ".ris");
        Files.writeString(file, "TY  - JOUR\nTI  - Early palliative care in general practice\nAU  - Jensen, L\n"
                + "PY  - 2019\nDO  - 10.1/m\nER  - \nTY  - JOUR\nTI  - Shared oncology care\nPY  - 2020\nER  - \n");
        new ImportService(db).importFile(project, SourceSpec.database("MEDLINE"), file, ImportService.Options.DEFAULT,
                ImportService.Actor.commandLine());
        Files.delete(file);
        server = new WebServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void aMemberDownloadsTheFile() throws Exception {
        WebClient web = new WebClient(server.port());
        web.signIn("rita", "viewer password 1");
        var r = web.get("/p/" + project.key() + "/export?subset=source:MEDLINE&format=ris");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v ->
                assertThat(v).startsWith("application/x-research-info-systems"));
        assertThat(r.headers().firstValue("content-disposition"))
                .hasValue("attachment; filename=\"" + project.key() + "-source-MEDLINE.ris\"");
        assertThat(Ingest.readAll(new StringReader(r.body()), "x.ris", Format.RIS)).map(ParsedRecord::record)
                .extracting(Record::title).containsExactly("Early palliative care in general practice", "Shared oncology care");

        var csv = web.get("/p/" + project.key() + "/export?subset=records&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("type,title,authors").contains("Shared oncology care");
        assertThat(csv.headers().firstValue("content-security-policy")).isPresent();
    }

    @Test
    void badValuesAreA400NamingTheValidOnes() {
        WebClient web = new WebClient(server.port());
        web.signIn("olive", "owner password 1");
        var subset = web.get("/p/" + project.key() + "/export?subset=everything&format=ris");
        assertThat(subset.statusCode()).isEqualTo(400);
        assertThat(subset.body()).contains("unknown subset").contains("included[:STAGE]");
        var format = web.get("/p/" + project.key() + "/export?subset=all&format=docx");
        assertThat(format.statusCode()).isEqualTo(400);
        assertThat(format.body()).contains("unknown format").contains("csl-json");
        var owner = web.get("/p/" + project.key() + "/export?subset=included&format=bibtex");
        assertThat(owner.statusCode()).isEqualTo(200);
        assertThat(owner.headers().firstValue("content-disposition")).hasValueSatisfying(v ->
                assertThat(v).endsWith("-included-full-text.bib\""));
    }

    @Test
    void outsidersAndStrangersGetNothing() {
        WebClient nora = new WebClient(server.port());
        nora.signIn("nora", "outsider password 1");
        var r = nora.get("/p/" + project.key() + "/export?subset=records&format=ris");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("Shared oncology care");
        var anonymous = new WebClient(server.port()).get("/p/" + project.key() + "/export?subset=records&format=ris");
        assertThat(anonymous.statusCode()).isIn(302, 401);
        assertThat(anonymous.body()).doesNotContain("Shared oncology care");
    }
}
