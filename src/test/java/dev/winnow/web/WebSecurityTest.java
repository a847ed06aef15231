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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-in, CSRF, headers and membership checks over plain HTTP (the browser tests repeat the key ones). */
class WebSecurityTest {
    static Database db;
    static WebServer server;
    static Project project;
    static String ownerToken;

    @BeforeAll
    static void start() {
        db = TestDb.SQLITE.fresh();
        AccountService accounts = new AccountService(db);
        accounts.addUser("olive", "Olive Owner", "owner password 1", true, "test");
        accounts.addUser("rita", null, "reviewer password 1", false, "test");
        accounts.addUser("nora", null, "outsider password 1", false, "test");
        project = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        team.put(project, "olive", Role.OWNER, null);
        team.put(project, "rita", Role.VIEWER, null);
        ownerToken = accounts.createApiToken("olive", "tests", "test");
        server = new WebServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/login", "/static/winnow.css", "/p/nothing-here"}) {
            var r = new WebClient(server.port()).get(path);
            assertThat(r.headers().firstValue("content-security-policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'").contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(r.headers().firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("referrer-policy")).as(path).hasValue("same-origin");
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteAndSignOutEndsIt() {
        WebClient web = new WebClient(server.port());
        var r = web.signIn("olive", "owner password 1");
        assertThat(r.statusCode()).isEqualTo(302);
        String cookie = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("winnow_session="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                .doesNotContain("Secure"); // plain http on loopback; "auto" marks it Secure behind https
        assertThat(web.get("/").body()).contains("Early palliative care");
        var out = web.postForm("/logout", Map.of("_csrf", web.csrf));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        WebClient web = new WebClient(server.port());
        web.signIn("olive", "owner password 1");
        var noToken = web.postForm("/p/" + project.key() + "/team", Map.of("username", "nora", "role", "reviewer"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("security token (CSRF) is missing");
        var wrong = web.postForm("/p/" + project.key() + "/team",
                Map.of("_csrf", "nope", "username", "nora", "role", "reviewer"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        var api = web.json("PUT", "/api/v1/projects/" + project.key() + "/members/nora", "{\"role\":\"viewer\"}");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).startsWith("{\"error\":");
        var crossSite = web.postForm("/p/" + project.key() + "/team",
                Map.of("_csrf", web.csrf, "username", "nora", "role", "reviewer"), "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(new TeamService(db).members(project)).extracting(m -> m.username()).doesNotContain("nora");
        // the sign-in form itself needs its token too
        var login = new WebClient(server.port()).postForm("/login", Map.of("username", "olive", "password", "owner password 1"));
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void nonMembersGetNotFoundForPagesAndApiAndViewersCannotManage() {
        WebClient nora = new WebClient(server.port());
        nora.signIn("nora", "outsider password 1");
        for (String path : new String[] {"", "/team", "/records"}) {
            var r = nora.get("/p/" + project.key() + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("Early palliative care");
        }
        var api = nora.get("/api/v1/projects/" + project.key());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).isEqualTo("{\"error\":\"Not found.\"}");
        assertThat(nora.get("/api/v1/projects/" + project.key() + "/members").statusCode()).isEqualTo(404);
        assertThat(nora.get("/api/v1/projects").body()).isEqualTo("[]");

        WebClient rita = new WebClient(server.port());
        rita.signIn("rita", "reviewer password 1");
        assertThat(rita.get("/p/" + project.key()).statusCode()).isEqualTo(200);
        var manage = rita.postForm("/p/" + project.key() + "/team",
                Map.of("_csrf", rita.csrf, "username", "nora", "role", "owner"));
        assertThat(manage.statusCode()).isEqualTo(403);
        assertThat(manage.body()).contains("Your role in this project (viewer) cannot do this");
    }

    @Test
    void apiTokensWorkWithoutCookiesAndUnknownTokensAreRefused() {
        WebClient script = new WebClient(server.port());
        var me = script.get("/api/v1/me", "Authorization", "Bearer " + ownerToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"olive\"");
        var status = script.get("/api/v1/projects/" + project.key(), "Authorization", "Bearer " + ownerToken);
        assertThat(status.body()).contains("\"role\":\"owner\"").contains("\"sourceRecords\":0");
        assertThat(script.get("/api/v1/me", "Authorization", "Bearer wnw_forged").statusCode()).isEqualTo(401);
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(401);
        var bad = script.json("PUT", "/api/v1/projects/" + project.key() + "/members/rita", "{\"role\":\"boss\"}",
                "Authorization", "Bearer " + ownerToken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a role");
    }

    @Test
    void repeatedWrongPasswordsAreThrottledWithAClearMessage() {
        accountsOf().addUser("tess", null, "throttle password", false, "test");
        WebClient web = new WebClient(server.port());
        for (int i = 0; i < AccountService.MAX_FAILURES; i++) {
            assertThat(web.signIn("tess", "wrong password").statusCode()).isEqualTo(401);
        }
        var locked = web.signIn("tess", "throttle password");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed sign-ins");
    }

    private static AccountService accountsOf() {
        return new AccountService(db);
    }
}
