package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.searching.SearchService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search strategies page over plain HTTP: translation side by side, recording, escaping, roles, CSRF. */
class SearchPagesTest {
    @TempDir
    static Path dir;
    static Database db;
    static WebServer server;
    static ReviewPagesFixture f;
    static String base;

    static final String OVID = "1 exp Palliative Care/ (61234)\n2 (palliat* adj3 care).ti,ab. (20000)\n3 1 or 2 (70000)\n";

    @BeforeAll
    static void start() throws Exception {
        db = TestDb.SQLITE.fresh();
        f = ReviewPagesFixture.create(db, dir);
        server = new WebServer(db).start("127.0.0.1", 0);
        base = "/p/" + f.project.key() + "/sources/searches";
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

    static Map<String, String> form(WebClient w, String strategy, String from) {
        Map<String, String> m = new HashMap<>();
        m.put("_csrf", w.csrf);
        m.put("strategy", strategy);
        m.put("from", from);
        return m;
    }

    @Test
    void aViewerSeesTheTreeAndEveryTranslationWithItsFlags() {
        WebClient vic = as("vic");
        var page = vic.get(base);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"search-form\"").doesNotContain("Record the search");
        var r = vic.postForm(base + "/translate", form(vic, OVID, "ovid-medline"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("MEDLINE (Ovid): 3 lines, parses", "heading \"Palliative Care\" (MeSH, exploded)")
                .contains("data-syntax=\"pubmed\"", "#1 \"Palliative Care\"[Mesh]", "#2 palliat*[tiab] AND care[tiab]")
                .contains("line 2, proximity:</strong> PubMed cannot search these words within 2 words")
                .contains("data-syntax=\"embase\"", "line 1, subject heading:</strong> look up the MeSH heading")
                .contains("data-syntax=\"wos\"", "#1 TS=\"Palliative Care\"");
    }

    @Test
    void aBadStrategyIsAFourHundredWithLineAndColumn() {
        WebClient vic = as("vic");
        var r = vic.postForm(base + "/translate", form(vic, "#1 (palliat*[tiab]\n#2 #1 OR #3", "pubmed"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("The PubMed strategy does not parse: line 1, column 4: this '(' is never closed");
        var unknown = vic.postForm(base + "/translate", form(vic, "x", "dialog"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown search syntax");
    }

    @Test
    void pastedTextIsEscapedEverywhereItIsShown() {
        WebClient vic = as("vic");
        String evil = "1 \"<script>alert(1)</script>\".ti.";
        var r = vic.postForm(base + "/translate", form(vic, evil, "ovid-medline"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void anOwnerRecordsASearchAndABadOneStoresNothing() {
        WebClient olive = as("olive");
        Map<String, String> bad = form(olive, "1 exp Palliative Care/\n2 1 or 5\n", "ovid-medline");
        bad.putAll(Map.of("source", "CINAHL", "platform", "Ovid", "searched", "2023-04-20"));
        var refused = olive.postForm(base, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("line 2, column 8: line 2 refers to line 5, which comes later");
        assertThat(new SearchService(db).list(f.project)).noneMatch(s -> s.source().startsWith("CINAHL"));

        Map<String, String> ok = form(olive, OVID, "ovid-medline");
        ok.putAll(Map.of("source", "CINAHL", "platform", "Ovid", "searched", "2023-04-20", "count", "70,000"));
        var saved = olive.postForm(base, ok);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Recorded the search of CINAHL (Ovid) (70000 fewer imported than reported).")
                .contains("<td>CINAHL (Ovid)</td><td>2023-04-20</td>");
        var appendix = olive.get(base + "/appendix.md");
        assertThat(appendix.statusCode()).isEqualTo(200);
        assertThat(appendix.body()).contains("## CINAHL (Ovid)", "| 2 | (palliat* adj3 care).ti,ab. | 20000 |");
    }

    @Test
    void rolesAndCsrfAreEnforced() {
        WebClient vic = as("vic");
        Map<String, String> f1 = form(vic, OVID, "ovid-medline");
        f1.putAll(Map.of("source", "Embase", "searched", "2023-04-20"));
        assertThat(vic.postForm(base, f1).statusCode()).isEqualTo(403);
        WebClient olive = as("olive");
        Map<String, String> noToken = new HashMap<>(form(olive, OVID, "ovid-medline"));
        noToken.remove("_csrf");
        noToken.putAll(Map.of("source", "Embase", "searched", "2023-04-20"));
        assertThat(olive.postForm(base, noToken).statusCode()).isEqualTo(403);
        assertThat(new SearchService(db).list(f.project)).noneMatch(s -> s.source().equals("Embase") && s.strategy() != null);
        WebClient nora = as("nora");
        assertThat(nora.get(base).statusCode()).isEqualTo(404);
        assertThat(nora.get(base + "/appendix.md").statusCode()).isEqualTo(404);
        assertThat(nora.postForm(base + "/translate", form(nora, OVID, "ovid-medline")).statusCode()).isEqualTo(404);
    }
}
