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
}
