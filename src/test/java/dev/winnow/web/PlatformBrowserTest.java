package dev.winnow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.winnow.account.AccountService;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform in a real browser: sign-in, CSRF, 404 for non-members, imported text rendered inert. */
class PlatformBrowserTest {
    static Database db;
    static WebServer server;
    static Browsers browsers;
    static Project project;
    static String base;

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
        db = TestDb.SQLITE.fresh();
        AccountService accounts = new AccountService(db);
        accounts.addUser("olive", "Olive Owner", "owner password 1", true, "test");
        accounts.addUser("nora", null, "outsider password 1", false, "test");
        accounts.addUser("rita", null, "reviewer password 1", false, "test");
        project = new ProjectService(db).create("Early palliative care models", ProjectKind.SCOPING,
                "GP and oncology shared care");
        new TeamService(db).put(project, "olive", Role.OWNER, null);
        db.useTransaction(h -> {
            StudyStore.insert(h, project.id(), Record.builder().title("<script>alert(1)</script>")
                    .abstractText("<img src=x onerror=alert(1)>").author(Author.of("Tables", "Bobby"))
                    .journal("J <b>Bold</b>").year(2021).build());
            StudyStore.insert(h, project.id(), Record.builder()
                    .title("Shared care between general practice and oncology: a randomised trial")
                    .abstractText("Early palliative care delivered jointly by GPs and oncologists.")
                    .author(Author.of("Smith", "Jane")).journal("BMJ").year(2019).build());
        });
        server = new WebServer(db).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (server != null) {
            server.close();
            db.close();
        }
    }

    @Test
    void ownerSignsInSeesProjectsAndManagesTheTeam() {
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            page.navigate(base + "/p/" + project.key());
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=.*"));
            Browsers.screenshot(page, "login");
            page.getByLabel("User name").fill("olive");
            page.getByLabel("Password").fill("wrong password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("Wrong user name or password.");
            page.getByLabel("Password").fill("owner password 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            // back where the person was going
            assertThat(page).hasURL(base + "/p/" + project.key());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Early palliative care models");
            Browsers.screenshot(page, "overview");

            page.navigate(base + "/");
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Early palliative care models")))
                    .isVisible();
            Browsers.screenshot(page, "projects");

            page.navigate(base + "/p/" + project.key() + "/team");
            page.getByLabel("User name").fill("rita");
            page.locator("#new-role").selectOption("reviewer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to team")).click();
            assertThat(page.locator("table")).containsText("rita");
            Browsers.screenshot(page, "team");
            assertThat(new TeamService(db).members(project)).extracting(m -> m.username() + ":" + m.role())
                    .contains("rita:reviewer");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "olive", "owner password 1");
            page.navigate(base + "/p/" + project.key() + "/team");
            page.locator("#add-member input[name=_csrf]").evaluate("e => e.remove()");
            page.getByLabel("User name").fill("nora");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to team")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("security token (CSRF) is missing");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Refused");
            assertThat(new TeamService(db).members(project)).extracting(m -> m.username()).doesNotContain("nora");
        }
    }

    @Test
    void aNonMemberGetsNotFoundForTheProjectsPagesAndApi() {
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "nora", "outsider password 1");
            for (String path : List.of("", "/records", "/team")) {
                var response = page.navigate(base + "/p/" + project.key() + path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(page.content()).doesNotContain("Early palliative care models");
            }
            var api = ctx.request().get(base + "/api/v1/projects/" + project.key());
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.text()).doesNotContain("palliative");
            var records = ctx.request().get(base + "/api/v1/projects/" + project.key() + "/records");
            assertThat(records.status()).isEqualTo(404);
        }
    }

    @Test
    void hostileRecordTextRendersAsInertText() {
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            List<String> dialogs = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            page.onDialog(d -> {
                dialogs.add(d.message());
                d.dismiss();
            });
            page.onConsoleMessage(m -> {
                if ("error".equals(m.type())) {
                    errors.add(m.text());
                }
            });
            Browsers.signIn(page, base, "olive", "owner password 1");
            page.navigate(base + "/p/" + project.key() + "/records");
            assertThat(page.getByText("<script>alert(1)</script>", new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            page.getByText("Abstract").first().click();
            assertThat(page.getByText("<img src=x onerror=alert(1)>", new Page.GetByTextOptions().setExact(true)))
                    .isVisible();
            assertThat(page.locator("main img")).hasCount(0);
            assertThat(page.locator("main script")).hasCount(0);
            assertThat(page.locator("main b")).hasCount(0);
            Browsers.screenshot(page, "records");
            page.waitForTimeout(200);
            assertThat(dialogs).isEmpty();
            assertThat(errors).as("console errors (a CSP violation shows here)").isEmpty();
        }
    }

    @Test
    void uploadingARealRisFileShowsItsImportReport() {
        java.nio.file.Path ris = dev.winnow.testing.SharedData.require("citesource/tests/testthat/data/1_WoS.ris");
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "olive", "owner password 1");
            page.navigate(base + "/p/" + project.key() + "/sources");
            page.getByLabel("Source (database or register)").fill("Web of Science");
            page.getByLabel("Platform (optional)").fill("Clarivate");
            page.locator("#file").setInputFiles(ris);
            page.evaluate("() => { window.__samePage = true; }");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            var report = page.locator("#upload-results .import-report");
            assertThat(report).containsText("1_WoS.ris");
            assertThat(report.locator(".summary")).containsText("219 records imported");
            assertThat(report.locator(".summary")).containsText("ris");
            assertThat(page.locator("[data-upload-status]")).hasText("Done.");
            assertThat(page.evaluate("() => window.__samePage === true")).isEqualTo(true);
            Browsers.screenshot(page, "sources");
            // the same file again is refused with the reason, and nothing is imported twice
            page.locator("#file").setInputFiles(ris);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            assertThat(page.locator("#upload-results .error")).containsText("was already imported");
            var reports = new dev.winnow.importing.ImportService(db).reports(project).stream()
                    .filter(r -> r.file().equals("1_WoS.ris")).toList(); // other tests import into this project too
            assertThat(reports).hasSize(1);
            assertThat(reports.get(0).records()).isEqualTo(219);
            page.navigate(base + "/p/" + project.key() + "/sources");
            assertThat(page.locator(".import-report .summary").first()).containsText("219 records imported");
        }
    }

    @Test
    void anImportReportShowsRepairedRecordsEscaped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path enw = dir.resolve("scholar.enw");
        java.nio.file.Files.writeString(enw, "%0 Journal Article\n%T Nepal√¢‚Ç¨‚Ñ¢s <b>volunteers</b>\n%A Thapa, Sunita\n%D 2020\n",
                java.nio.charset.StandardCharsets.UTF_8);
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "olive", "owner password 1");
            page.navigate(base + "/p/" + project.key() + "/sources");
            page.getByLabel("Source (database or register)").fill("Google Scholar");
            page.locator("#file").setInputFiles(enw);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            var report = page.locator("#upload-results .import-report");
            assertThat(report.locator(".summary")).containsText("1 record imported, 1 with text repaired");
            assertThat(report.locator(".summary")).containsText("endnote");
            assertThat(report).containsText("record 1 (line 1): text that was UTF-8 read as Windows-1252 or Mac Roman, "
                    + "repaired in title");
        }
    }
}
