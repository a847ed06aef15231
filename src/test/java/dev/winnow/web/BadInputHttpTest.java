package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input over HTTP is a 4xx that says what was wrong, never a 500 (issue 21, items 4 and 5). */
class BadInputHttpTest {
    static final long LIMIT = 64 * 1024;
    static Database db;
    static WebServer server;
    static Project project;
    static WebClient admin;
    static String token;

    @BeforeAll
    static void start() {
        db = TestDb.SQLITE.fresh();
        AccountService accounts = new AccountService(db);
        accounts.addUser("ada", null, "ada password 123", true, "test");
        project = new ProjectService(db).create("Bad input", ProjectKind.SCOPING, null);
        new TeamService(db).put(project, "ada", Role.OWNER, null);
        token = accounts.createApiToken("ada", "test", "test");
        // a small upload limit stands in for the 512 MB one
        server = new WebServer(db, new WebOptions("auto", LIMIT, Set.of())).start("127.0.0.1", 0);
        admin = new WebClient(server.port());
        assertThat(admin.signIn("ada", "ada password 123").statusCode()).isEqualTo(302);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            db.close();
        }
    }

    static byte[] ris(int records) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < records; i++) {
            b.append("TY  - JOUR\nTI  - Palliative care record number ").append(i).append("\nPY  - 2020\nER  - \n\n");
        }
        return b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anUploadOverTheLimitIs413NamingTheLimit() {
        byte[] big = ris(2000);
        assertThat((long) big.length).isGreaterThan(LIMIT);
        var web = admin.postFile("/p/" + project.key() + "/sources/upload",
                Map.of("_csrf", admin.csrf, "source", "MEDLINE"), "file", "big.ris", big);
        assertThat(web.statusCode()).isEqualTo(413);
        assertThat(web.body()).contains("64 KB");
        WebClient api = new WebClient(server.port());
        var viaApi = api.postFile("/api/v1/projects/" + project.key() + "/imports", Map.of("source", "MEDLINE"),
                "file", "big.ris", big, "Authorization", "Bearer " + token);
        assertThat(viaApi.statusCode()).isEqualTo(413);
        assertThat(viaApi.body()).startsWith("{\"error\":").contains("64 KB");
        // under the limit it imports
        var small = admin.postFile("/p/" + project.key() + "/sources/upload",
                Map.of("_csrf", admin.csrf, "source", "MEDLINE"), "file", "small.ris", ris(3));
        assertThat(small.statusCode()).isEqualTo(200);
    }

    /** Far over the limit: the answer must still reach a client that is still sending (not a reset connection). */
    @org.junit.jupiter.api.RepeatedTest(20)
    void anUploadFarOverTheLimitStillGets413() {
        byte[] huge = ris(400_000);
        var web = admin.postFile("/p/" + project.key() + "/sources/upload",
                Map.of("_csrf", admin.csrf, "source", "MEDLINE"), "file", "huge.ris", huge);
        assertThat(web.statusCode()).isEqualTo(413);
        assertThat(web.body()).contains("64 KB");
        // the connection is not reused after a refused upload: the next request opens a new one
        assertThat(web.headers().firstValue("connection")).hasValue("close");
        assertThat(admin.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aGzipOrPdfUploadIsRefusedByNameAndStoresNothing() throws java.io.IOException {
        Project other = new ProjectService(db).create("Binary uploads", ProjectKind.SCOPING, null);
        new TeamService(db).put(other, "ada", Role.OWNER, null);
        byte[] gz = dev.winnow.ingest.BinaryFilesTest.gzip(dev.winnow.ingest.BinaryFilesTest.RIS);
        var web = admin.postFile("/p/" + other.key() + "/sources/upload",
                Map.of("_csrf", admin.csrf, "source", "MEDLINE"), "file", "medline.ris.gz", gz);
        assertThat(web.statusCode()).isEqualTo(400);
        assertThat(web.body()).contains("medline.ris.gz: a gzip-compressed file, not a bibliographic export: "
                + "decompress it first (gunzip medline.ris.gz)");
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var viaApi = new WebClient(server.port()).postFile("/api/v1/projects/" + other.key() + "/imports",
                Map.of("source", "MEDLINE"), "file", "<b>paper</b>.pdf", pdf, "Authorization", "Bearer " + token);
        assertThat(viaApi.statusCode()).isEqualTo(400);
        assertThat(viaApi.body()).contains("a PDF document, not a bibliographic export").doesNotContain("Exception");
        assertThat(new dev.winnow.importing.ImportService(db).reports(other)).isEmpty();
        assertThat(new dev.winnow.importing.ImportService(db).sources(other)).isEmpty();
    }

    @Test
    void anUnknownReviewKindIs400NamingTheKinds() {
        var form = admin.postForm("/projects", Map.of("_csrf", admin.csrf, "title", "Meta", "kind", "meta-analysis"));
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("scoping, systematic, rapid or other");
        var api = new WebClient(server.port()).json("POST", "/api/v1/projects",
                "{\"title\":\"Meta\",\"kind\":\"meta-analysis\"}", "Authorization", "Bearer " + token);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("scoping, systematic, rapid or other");
    }

    @Test
    void aTargetRecallOfNaNIsRefused() {
        String yaml = dev.winnow.protocol.ProtocolYaml.exampleText().replace("targetRecall: 0.95", "targetRecall: .nan");
        var r = admin.postForm("/p/" + project.key() + "/protocol", Map.of("_csrf", admin.csrf, "yaml", yaml));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("stoppingRule.targetRecall");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("_csrf", admin.csrf, "title", "P",
                "question", "Q", "stop.name", "buscar", "stop.recall", "NaN", "stop.confidence", "0.95"));
        for (String stage : java.util.List.of("title-abstract", "full-text")) {
            fields.put("s." + stage + ".reviewers", "2");
            fields.put("s." + stage + ".assignment", "all");
        }
        var form = admin.postForm("/p/" + project.key() + "/protocol/form", fields);
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(form.body()).contains("stoppingRule.targetRecall: expected a number in (0, 1]");
    }

    @Test
    void negativeSecondsTakenAreRefused() {
        long study = db.inTransaction(h -> dev.winnow.store.StudyStore.insert(h, project.id(),
                dev.winnow.record.Record.builder().title("Timed record").build()).id());
        var r = new WebClient(server.port()).json("POST", "/api/v1/projects/" + project.key()
                        + "/stages/title-abstract/decisions",
                "{\"studyId\":" + study + ",\"verdict\":\"include\",\"secondsTaken\":-5}",
                "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("seconds taken is a whole number from 0 to 86400");
    }

    @Test
    void titlesWithNulOrBidiOverridesAreRefused() {
        WebClient api = new WebClient(server.port());
        var nul = api.json("POST", "/api/v1/projects", "{\"title\":\"Care\\u0000models\"}",
                "Authorization", "Bearer " + token);
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("NUL character");
        var form = admin.postForm("/projects", Map.of("_csrf", admin.csrf, "title", "Care\u0000models"));
        assertThat(form.statusCode()).isEqualTo(400);
        var bidi = api.json("POST", "/api/v1/projects", "{\"title\":\"Care \u202Eslaitnesse\"}",
                "Authorization", "Bearer " + token);
        assertThat(bidi.statusCode()).isEqualTo(400);
        assertThat(bidi.body()).contains("bidirectional override");
        assertThat(dev.winnow.record.Record.builder().title("Care \u202Eslaitnesse\u202C").build().title())
                .isEqualTo("Care slaitnesse");
    }

    @Test
    void aPageThatIsNotThereSaysWhichPagesExist() {
        String records = "/p/" + project.key() + "/records";
        for (String bad : java.util.List.of("abc", "0", "-1")) {
            var r = admin.get(records + "?page=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.body()).as(bad).contains("is not a page: pages are numbered 1 to 1.");
        }
        var beyond = admin.get(records + "?page=99");
        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(beyond.body()).contains("There is no page 99").contains("fill 1 page.");
        var first = admin.get(records + "?page=1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("page 1 of 1");
    }

    @Test
    void knownMarkupInAbstractsIsShownAsTextWithItsLabelsAndTheRawValueKept() {
        String jats = "<jats:sec><jats:title>Background</jats:title><jats:p>Carers &amp;amp; nurses in "
                + "<jats:italic>rural</jats:italic> areas.</jats:p></jats:sec>";
        var p = new ProjectService(db).create("Markup", ProjectKind.SCOPING, null);
        new TeamService(db).put(p, "ada", Role.OWNER, null);
        long study = db.inTransaction(h -> dev.winnow.store.StudyStore.insert(h, p.id(),
                dev.winnow.record.Record.builder().title("Rural carers").abstractText(jats).build()).id());
        var page = admin.get("/p/" + p.key() + "/screen/title-abstract?study=" + study);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Background: Carers &amp; nurses in rural areas.")
                .doesNotContain("jats:").doesNotContain("&amp;amp;");
        var records = admin.get("/p/" + p.key() + "/records");
        assertThat(records.body()).contains("Background: Carers &amp; nurses in rural areas.").doesNotContain("jats:");
        var api = new WebClient(server.port()).get("/api/v1/projects/" + p.key() + "/records",
                "Authorization", "Bearer " + token);
        assertThat(api.body()).contains("\"abstractText\":\"Background: Carers & nurses in rural areas.\"")
                .contains("\"abstractRaw\":\"<jats:sec>");
    }

    @Test
    void theReportsPageShowsThePrismaDiagramInline() {
        var fresh = new ProjectService(db).create("Reports inline", ProjectKind.SCOPING, null);
        new TeamService(db).put(fresh, "ada", Role.OWNER, null);
        var page = admin.get("/p/" + fresh.key() + "/reports");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"prisma-diagram\"").contains("/reports/prisma.svg\"");
        var svg = admin.get("/p/" + fresh.key() + "/reports/prisma.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg");
    }

    @Test
    void aRecordIdInThePathThatIsNotANumberIsNotFoundOnTheFormAndTheApiAlike() {
        var form = admin.postForm("/p/" + project.key() + "/conflicts/title-abstract/abc",
                Map.of("_csrf", admin.csrf, "verdict", "include"));
        assertThat(form.statusCode()).isEqualTo(404);
        assertThat(form.body()).doesNotContain("For input string");
        var api = new WebClient(server.port()).json("POST", "/api/v1/projects/" + project.key()
                + "/stages/title-abstract/conflicts/abc/resolution", "{\"verdict\":\"include\"}",
                "Authorization", "Bearer " + token);
        assertThat(api.statusCode()).isEqualTo(404);
    }

    @Test
    void theFaviconIsServed() {
        var icon = new WebClient(server.port()).get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    }
}
