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
import dev.winnow.testing.TopicStudies;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The active-learning line on the screening page and in the API's "next", over HTTP against a
 * running server: record order first, then — once the background refresh after an include and
 * an exclude has run — the ranking and the stopping estimate, and relevant-looking records next.
 */
class RankLineTest {
    private static final Pattern STUDY = Pattern.compile("data-study=\"(\\d+)\"");

    @Test
    void theScreeningPageShowsTheOrderAndTheStoppingEstimate() throws Exception {
        try (Database db = TestDb.SQLITE.fresh()) {
            AccountService accounts = new AccountService(db, new dev.winnow.account.PasswordHasher(64, 1, 1));
            Project p = new ProjectService(db).create("Ranked screening", ProjectKind.SCOPING, null);
            accounts.addUser("rae", null, "reviewer password 1", false, "test");
            new TeamService(db).put(p, "rae", Role.REVIEWER, null);
            String token = accounts.createApiToken("rae", "test", "test");
            List<Long> ids = db.inTransaction(h -> TopicStudies.insert(h, p.id(), 40));
            List<Long> relevant = TopicStudies.relevantOf(ids);
            try (WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
                WebClient rae = new WebClient(server.port());
                rae.signIn("rae", "reviewer password 1");
                String page = "/p/" + p.key() + "/screen/title-abstract";
                String first = rae.get(page).body();
                assertThat(first).contains("id=\"rank-line\"").contains("Record order");

                long a = studyIn(first);
                assertThat(relevant).contains(a);
                String panel = decide(rae, page, a, "include").body();
                long b = studyIn(panel);
                assertThat(relevant).doesNotContain(b);
                decide(rae, page, b, "exclude");

                // the refresh runs in the background after each decision: wait for it to show
                String shown = "";
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline) {
                    shown = rae.get(page).body();
                    if (shown.contains("Ranked by likely relevance")) {
                        break;
                    }
                    Thread.sleep(50);
                }
                assertThat(shown).contains("Ranked by likely relevance (model of 2 decisions")
                        .contains("You have screened 2 of 40 records; 1 relevant found")
                        .contains("With 95% confidence at most").contains("Keep screening");
                // the record already handed out (claimed in record order) stays this reviewer's; the next claim is ranked
                long held = studyIn(shown);
                String after = decide(rae, page, held, relevant.contains(held) ? "include" : "exclude").body();
                assertThat(relevant).contains(studyIn(after));

                var next = rae.get("/api/v1/projects/" + p.key() + "/stages/title-abstract/next",
                        "Authorization", "Bearer " + token);
                assertThat(next.statusCode()).isEqualTo(200);
                assertThat(next.body()).contains("\"ranking\":{").contains("\"order\":\"ranked\"")
                        .contains("\"trainingLabels\":").contains("\"stopping\":{").contains("\"stop\":false")
                        .contains("\"confidence\":0.95");
            }
        }
    }

    private static HttpResponse<String> decide(WebClient web, String page, long study, String verdict) {
        HttpResponse<String> r = web.postForm(page + "/decide", Map.of("_csrf", web.csrf, "studyId",
                String.valueOf(study), "verdict", verdict), "HX-Request", "true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static long studyIn(String html) {
        Matcher m = STUDY.matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return Long.parseLong(m.group(1));
    }
}
