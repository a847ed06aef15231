package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.importing.ImportProgress;
import dev.winnow.importing.ImportService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Over plain HTTP on a fresh server: the first account, invitation links (refused when used or
 * forged), the named states on the overview and the screening page, and an import's progress
 * as a reloaded page shows it.
 */
class FirstHourPagesTest {
    Database db;
    WebServer server;

    @BeforeEach
    void start() {
        db = TestDb.SQLITE.fresh();
        server = new WebServer(db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Opens a join form (sign-up or invitation) and sends it; the client keeps the session it gets. */
    static HttpResponse<String> join(WebClient web, String path, String user, String password) {
        HttpResponse<String> page = web.get(path);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return web.postForm(path, form("_csrf", WebClient.csrfIn(page.body()), "username", user, "password", password));
    }

    @Test
    void signUpOnceThenInvitationsOnly() {
        WebClient olive = new WebClient(server.port());
        assertThat(olive.get("/login").body()).contains("Create the first account");
        HttpResponse<String> signedUp = join(olive, "/signup", "olive", "owner password 1");
        assertThat(signedUp.statusCode()).isEqualTo(302);
        olive.csrf = WebClient.csrfIn(olive.get("/").body());
        // once an account exists, sign-up is closed
        WebClient mallory = new WebClient(server.port());
        assertThat(mallory.get("/login").body()).doesNotContain("Create the first account");
        assertThat(mallory.get("/signup").statusCode()).isEqualTo(404);
        assertThat(mallory.postForm("/signup", form("username", "mallory", "password", "mallory password 1"))
                .statusCode()).isIn(403, 404);

        assertThat(olive.postForm("/projects", form("_csrf", olive.csrf, "title", "Q")).statusCode()).isEqualTo(302);
        HttpResponse<String> overview = olive.get("/p/q");
        assertThat(overview.body()).contains("data-problem=\"empty-project\"").contains("This project has no records yet");
        HttpResponse<String> screen = olive.get("/p/q/screen/title-abstract");
        assertThat(screen.body()).contains("id=\"screen-problems\"").contains("This project has no records yet");

        HttpResponse<String> team = olive.postForm("/p/q/team/invite", form("_csrf", olive.csrf, "role", "reviewer"));
        String link = team.body().replaceAll("(?s).*id=\"invite-link\" readonly value=\"([^\"]+)\".*", "$1");
        assertThat(link).contains("/invite/");
        String path = link.substring(link.indexOf("/invite/"));
        assertThat(new WebClient(server.port()).get("/invite/forged").statusCode()).isEqualTo(404);

        WebClient rita = new WebClient(server.port());
        HttpResponse<String> joined = join(rita, path, "rita", "reviewer password 1");
        assertThat(joined.statusCode()).isEqualTo(302);
        assertThat(joined.headers().firstValue("Location")).hasValue("/p/q");
        // signed in as the sign-in form does: this browser is known from now on (its own throttling)
        assertThat(joined.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(AuthRoutes.DEVICE_COOKIE + "=")
                && !c.startsWith(AuthRoutes.DEVICE_COOKIE + "=;"));
        assertThat(rita.get("/p/q").statusCode()).isEqualTo(200);
        // the link was used: a second person cannot use it
        assertThat(new WebClient(server.port()).get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void anImportInProgressIsShownAfterAReloadAndThePageRefreshesWhenItEnds() throws Exception {
        WebClient olive = new WebClient(server.port());
        join(olive, "/signup", "olive", "owner password 1");
        olive.csrf = WebClient.csrfIn(olive.get("/").body());
        olive.postForm("/projects", form("_csrf", olive.csrf, "title", "Q"));
        Project q = new ProjectService(db).get("q");

        ImportProgress running = server.importsUnderway().track(q.id());
        running.stored("big <export>.ris", 12000, 0.4);
        String page = olive.get("/p/q/sources").body();
        assertThat(page).contains("Importing big &lt;export&gt;.ris").contains("12000 records stored (about 40% of the file)")
                .contains("hx-trigger=\"every 1s\"").contains("You may leave or reload this page");
        running.deduplicating("big <export>.ris", 30000);
        assertThat(olive.get("/p/q/sources/progress", "HX-Request", "true").body())
                .contains("30000 records stored; deduplicating the project");
        running.finished("big <export>.ris");
        HttpResponse<String> done = olive.get("/p/q/sources/progress", "HX-Request", "true");
        assertThat(done.headers().firstValue("HX-Refresh")).hasValue("true");
        assertThat(done.body()).doesNotContain("Importing");
        assertThat(olive.get("/p/q/sources").body()).doesNotContain("id=\"import-progress\"");

        // a real import through the upload: the report carries the dedup figures, nothing is left running
        HttpResponse<String> upload = olive.postFile("/p/q/sources/upload", form("_csrf", olive.csrf, "source", "MEDLINE"),
                "file", "medline.ris", java.nio.file.Files.readAllBytes(Path.of("src/main/resources/demo/sample/medline.ris")));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(server.importsUnderway().of(q.id())).isEmpty();
        assertThat(new ImportService(db).reports(q)).singleElement().satisfies(r -> assertThat(r.dedup().studies()).isEqualTo(7));
        assertThat(olive.get("/p/q").body()).contains("7 records → 7 studies").doesNotContain("data-problem=\"empty-project\"");
    }
}
