package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.dedup.DedupService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.screen.FullTextService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-text, dedup, reports and protocol routes over plain HTTP: membership, roles, CSRF, bad input, headers. */
class ReviewPagesTest {
    @TempDir
    static Path dir;
    static Database db;
    static WebServer server;
    static ReviewPagesFixture f;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        db = TestDb.SQLITE.fresh();
        f = ReviewPagesFixture.create(db, dir);
        server = new WebServer(db).start("127.0.0.1", 0);
        base = "/p/" + f.project.key();
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static WebClient as(String user) {
        WebClient web = new WebClient(server.port());
        assertThat(web.signIn(user, ReviewPagesFixture.password(user)).statusCode()).isEqualTo(302);
        return web;
    }

    long pair() {
        return new DedupService(db).openPairs(f.project).get(0).pair().id();
    }

    @Test
    void nonMembersGetNotFoundOnEveryNewPageAndPost() {
        WebClient nora = as("nora");
        for (String path : List.of("/full-text", "/full-text/" + f.trial + "/pdf", "/dedup", "/reports",
                "/reports/prisma.svg", "/reports/included.ris", "/protocol", "/protocol?version=1")) {
            assertThat(nora.get(base + path).statusCode()).as(path).isEqualTo(404);
        }
        Map<String, String> form = Map.of("_csrf", nora.csrf, "reason", "x", "yaml", "title: x");
        for (String path : List.of("/full-text/" + f.trial + "/sought", "/full-text/" + f.trial + "/not-retrieved",
                "/dedup/run", "/dedup/pairs/" + pair() + "/merge", "/protocol", "/protocol/form")) {
            assertThat(nora.postForm(base + path, form).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(new FullTextService(db).status(f.project, f.trial)).isEmpty();
    }

    @Test
    void postsWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        WebClient olive = as("olive");
        int protocolVersion = new ProtocolService(db).current(f.project).version();
        for (String path : List.of("/full-text/" + f.trial + "/sought", "/full-text/" + f.trial + "/not-retrieved",
                "/dedup/run", "/dedup/pairs/" + pair() + "/merge", "/dedup/pairs/" + pair() + "/keep-apart",
                "/protocol", "/protocol/form")) {
            var r = olive.postForm(base + path, Map.of("reason", "x", "yaml", ReviewPagesFixture.PROTOCOL));
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(r.body()).contains("security token (CSRF)");
        }
        var upload = olive.postFile(base + "/full-text/" + f.trial + "/pdf", Map.of(), "pdf", "a.pdf",
                ReviewPagesFixture.pdf("x"));
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(new FullTextService(db).status(f.project, f.trial)).isEmpty();
        assertThat(new DedupService(db).openPairs(f.project)).hasSize(1);
        assertThat(new ProtocolService(db).current(f.project).version()).isEqualTo(protocolVersion);
    }

    @Test
    void viewersReadButCannotChange() {
        WebClient vic = as("vic");
        assertThat(vic.get(base + "/full-text").statusCode()).isEqualTo(200);
        assertThat(vic.get(base + "/dedup").body()).contains(ReviewPagesFixture.NURSE).doesNotContain("Merge (same study)")
                .contains("Titles and authors agree but the DOIs differ"); // each maybe pair says why it is uncertain
        assertThat(vic.get(base + "/protocol").body()).contains("id=\"protocol-yaml\"").doesNotContain("protocol-form");
        assertThat(vic.postForm(base + "/full-text/" + f.trial + "/sought", Map.of("_csrf", vic.csrf)).statusCode())
                .isEqualTo(403);
        assertThat(vic.postForm(base + "/dedup/pairs/" + pair() + "/merge", Map.of("_csrf", vic.csrf)).statusCode())
                .isEqualTo(403);
        WebClient ann = as("ann");
        assertThat(ann.postForm(base + "/protocol", Map.of("_csrf", ann.csrf, "yaml", ReviewPagesFixture.PROTOCOL))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void badIdsAndBadFilesAreClearFourHundredsAndChangeNothing() {
        WebClient ann = as("ann");
        Map<String, String> csrf = Map.of("_csrf", ann.csrf);
        assertThat(ann.postForm(base + "/full-text/abc/sought", csrf).statusCode()).isEqualTo(404);
        assertThat(ann.postForm(base + "/full-text/999999/sought", csrf).statusCode()).isEqualTo(404);
        assertThat(ann.get(base + "/full-text/" + f.trial + "/pdf").body()).contains("No PDF is attached");
        var noReason = ann.postForm(base + "/full-text/" + f.unique + "/not-retrieved", Map.of("_csrf", ann.csrf, "reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("say why the full text of record " + f.unique);
        var notPdf = ann.postFile(base + "/full-text/" + f.trial + "/pdf", Map.of("_csrf", ann.csrf), "pdf",
                "notes.pdf", "just some text".getBytes(StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(notPdf.body()).contains("notes.pdf: not a PDF");
        assertThat(new FullTextService(db).status(f.project, f.trial)).isEmpty();
        var badPair = ann.postForm(base + "/dedup/pairs/999999/merge", csrf);
        assertThat(badPair.statusCode()).isEqualTo(400);
        assertThat(badPair.body()).contains("no dedup pair 999999");
        assertThat(ann.postForm(base + "/dedup/pairs/x/merge", csrf).statusCode()).isEqualTo(404);
        assertThat(ann.postForm(base + "/dedup/pairs/" + pair() + "/explode", csrf).statusCode()).isEqualTo(404);
        assertThat(ann.get(base + "/reports/prisma.exe").statusCode()).isEqualTo(404);
        assertThat(ann.get(base + "/protocol?version=x").statusCode()).isEqualTo(400);
        assertThat(ann.get(base + "/protocol?version=99").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadValueInTheProtocolFormIsShownAsTypedAndNothingIsSaved() {
        WebClient olive = as("olive");
        int before = new ProtocolService(db).current(f.project).version();
        var r = olive.postForm(base + "/protocol/form", Map.of("_csrf", olive.csrf, "title", "Typed <title>",
                "s.title-abstract.reviewers", "two", "s.full-text.reviewers", "1", "c.0.id", "Population",
                "c.0.include", "adults"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("title-abstract: reviewers per record: expected a whole number from 1 to 10, found 'two'")
                .contains("value=\"Typed &lt;title").contains("value=\"two\"");
        var bad = olive.postForm(base + "/protocol/form", Map.of("_csrf", olive.csrf, "s.title-abstract.reviewers", "1",
                "s.full-text.reviewers", "1", "c.0.id", "Population", "c.0.include", "adults"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("criteria[1].id: expected a short name").contains("criteria[1].element: missing");
        assertThat(new ProtocolService(db).current(f.project).version()).isEqualTo(before);
    }

    @Test
    void aPdfIsServedInlineSandboxedWithItsNameMadeSafe() {
        WebClient ann = as("ann");
        byte[] pdf = ReviewPagesFixture.pdf("Shared care trial");
        var up = ann.postFile(base + "/full-text/" + f.unique + "/pdf", Map.of("_csrf", ann.csrf), "pdf",
                "Trial \\\"report\\\"; <b>.pdf", pdf);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(302);
        var r = ann.getBytes(base + "/full-text/" + f.unique + "/pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(pdf);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("content-security-policy")).hasValue("frame-ancestors 'self'");
        String disposition = r.headers().firstValue("content-disposition").orElseThrow();
        assertThat(disposition).startsWith("inline; filename=\"").endsWith(".pdf\"");
        assertThat(disposition.substring("inline; filename=\"".length(), disposition.length() - 1))
                .matches("[A-Za-z0-9._ -]+");
        assertThat(new FullTextService(db).text(f.project, f.unique)).hasValueSatisfying(t -> assertThat(t).contains("Shared care trial"));
    }

    @Test
    void blindedReportsAreWithheldFromReviewersButNotFromOwners() throws Exception {
        Database blinded = TestDb.SQLITE.fresh();
        Path sub = java.nio.file.Files.createTempDirectory(dir, "blinded");
        ReviewPagesFixture g = ReviewPagesFixture.create(blinded, sub);
        new ProtocolService(blinded).save(g.project, dev.winnow.protocol.ProtocolYaml.read(
                ReviewPagesFixture.PROTOCOL.replace("blinded: false", "blinded: true"), "p.yaml"), "olive");
        try (WebServer other = new WebServer(blinded).start("127.0.0.1", 0)) {
            String key = "/p/" + g.project.key();
            WebClient ann = new WebClient(other.port());
            ann.signIn("ann", ReviewPagesFixture.password("ann"));
            var page = ann.get(key + "/reports");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("withheld while screening is blinded").doesNotContain("prisma.svg");
            assertThat(ann.get(key + "/reports/prisma.json").statusCode()).isEqualTo(403);
            assertThat(ann.get(key + "/reports/included.csv").statusCode()).isEqualTo(403);
            WebClient olive = new WebClient(other.port());
            olive.signIn("olive", ReviewPagesFixture.password("olive"));
            // the owner sees the numbers; screening is not finished, so the diagram is refused with the reasons
            assertThat(olive.get(key + "/reports").body()).contains("id=\"flow-numbers\"")
                    .contains("records have not been screened").doesNotContain("withheld");
            var json = olive.get(key + "/reports/prisma.json");
            assertThat(json.statusCode()).isEqualTo(400);
            assertThat(json.body()).contains("the PRISMA numbers do not add up");
        } finally {
            blinded.close();
        }
    }
}
