package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The screening API with bearer tokens: the same blinding, roles and 404s as the pages. */
class ScreeningApiTest {
    @Test
    void reviewersDecideBlindAThirdResolvesViewersAndOutsidersCannot() {
        try (Database db = TestDb.SQLITE.fresh()) {
            AccountService accounts = new AccountService(db, new dev.winnow.account.PasswordHasher(64, 1, 1));
            Project p = new ProjectService(db).create("API screening", ProjectKind.SCOPING, null);
            TeamService team = new TeamService(db);
            String[] tokens = new String[5];
            String[] names = {"ann", "ben", "cat", "vic", "out"};
            Role[] roles = {Role.OWNER, Role.REVIEWER, Role.REVIEWER, Role.VIEWER, null};
            for (int i = 0; i < names.length; i++) {
                accounts.addUser(names[i], null, "api password " + i, false, "test");
                if (roles[i] != null) {
                    team.put(p, names[i], roles[i], null);
                }
                tokens[i] = accounts.createApiToken(names[i], "test", "test");
            }
            long study = db.inTransaction(h -> StudyStore.insert(h, p.id(), Record.builder().title("One record").build()).id());
            try (WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
                WebClient web = new WebClient(server.port());
                String stage = "/api/v1/projects/" + p.key() + "/stages/title-abstract";
                var next = web.get(stage + "/next", "Authorization", "Bearer " + tokens[0]);
                assertThat(next.statusCode()).isEqualTo(200);
                assertThat(next.body()).contains("\"title\":\"One record\"");
                assertThat(idOf(next.body())).isEqualTo(study);

                var d1 = web.json("POST", stage + "/decisions", "{\"studyId\":" + study + ",\"verdict\":\"include\"}",
                        "Authorization", "Bearer " + tokens[0]);
                assertThat(d1.statusCode()).as(d1.body()).isEqualTo(201);
                var d2 = web.json("POST", stage + "/decisions", "{\"studyId\":" + study + ",\"verdict\":\"exclude\","
                        + "\"idempotencyKey\":\"k1\"}", "Authorization", "Bearer " + tokens[1]);
                assertThat(d2.statusCode()).isEqualTo(201);
                // the same key again returns the stored decision instead of adding one
                var again = web.json("POST", stage + "/decisions", "{\"studyId\":" + study + ",\"verdict\":\"exclude\","
                        + "\"idempotencyKey\":\"k1\"}", "Authorization", "Bearer " + tokens[1]);
                assertThat(idOf(again.body())).isEqualTo(idOf(d2.body()));

                // blinded: ann's own view of the outcomes hides the conflict she is part of
                assertThat(web.get(stage + "/conflicts", "Authorization", "Bearer " + tokens[0]).body()).isEqualTo("[]");
                var board = web.get(stage + "/conflicts", "Authorization", "Bearer " + tokens[2]);
                assertThat(board.body()).contains("\"studyId\":" + study).contains("\"verdict\":\"INCLUDE\"")
                        .contains("\"verdict\":\"EXCLUDE\"");

                var viewer = web.json("POST", stage + "/decisions", "{\"studyId\":" + study + ",\"verdict\":\"include\"}",
                        "Authorization", "Bearer " + tokens[3]);
                assertThat(viewer.statusCode()).isEqualTo(403);
                var outsider = web.get(stage + "/next", "Authorization", "Bearer " + tokens[4]);
                assertThat(outsider.statusCode()).isEqualTo(404);

                var resolved = web.json("POST", stage + "/conflicts/" + study + "/resolution",
                        "{\"verdict\":\"include\",\"method\":\"third-reviewer\",\"note\":\"fits\"}",
                        "Authorization", "Bearer " + tokens[2]);
                assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(201);
                var outcomes = web.get(stage + "/outcomes", "Authorization", "Bearer " + tokens[2]);
                assertThat(outcomes.body()).contains("\"included\":1");
                var bad = web.json("POST", stage + "/decisions", "{\"studyId\":" + study + ",\"verdict\":\"perhaps\"}",
                        "Authorization", "Bearer " + tokens[0]);
                assertThat(bad.statusCode()).isEqualTo(400);
                assertThat(bad.body()).startsWith("{\"error\":");
            }
        }
    }

    private static long idOf(String json) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }
}
