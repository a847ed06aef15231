package dev.winnow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first hour of a new team, in a real browser on a fresh server with no accounts: the owner
 * signs up, creates a project, uploads a RIS file and invites a reviewer by link; the reviewer joins
 * and screens the first record within three clicks. Nobody runs a command or opens the duplicates
 * page: the import deduplicated the records.
 */
class FirstHourBrowserTest {
    static final Path RIS = Path.of("src/main/resources/demo/sample/medline.ris");
    static Database db;
    static WebServer server;
    static Browsers browsers;
    static String base;

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
        db = TestDb.SQLITE.fresh();
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

    /** Notes where a page goes, what its console says in red, and which answers failed (favicon aside). */
    static void watch(Page page, List<String> visited, List<String> consoleErrors, List<String> failed) {
        page.onFrameNavigated(f -> visited.add(f.url()));
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
                failed.add(r.status() + " " + r.url());
            }
        });
    }

    @Test
    void anOwnerSignsUpImportsAndInvitesAndTheReviewerScreensTheFirstRecordInThreeClicks() {
        List<String> visited = new ArrayList<>();
        List<String> consoleErrors = new ArrayList<>();
        // answers that failed (the browser's own favicon request aside)
        List<String> failed = new ArrayList<>();
        String invitation;
        try (BrowserContext owner = browsers.person()) {
            Page page = owner.newPage();
            watch(page, visited, consoleErrors, failed);
            page.navigate(base + "/");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create the first account")).click();
            page.getByLabel("User name").fill("olive");
            page.getByLabel("Password (at least 10 characters)").fill("owner password 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            assertThat(page).hasURL(base + "/");

            page.getByLabel("Title").fill("Early palliative care models");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create project")).click();
            assertThat(page).hasURL(base + "/p/early-palliative-care-models");
            // an empty project says so, and where to go
            assertThat(page.locator("[data-problem=empty-project]")).containsText("This project has no records yet");
            assertThat(page.locator("[data-step=sources]")).containsText("No records imported yet");

            page.locator("[data-problem=empty-project] a").click();
            assertThat(page).hasURL(base + "/p/early-palliative-care-models/sources");
            page.getByLabel("Source (database or register)").fill("MEDLINE");
            page.locator("#file").setInputFiles(RIS);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
            assertThat(page.locator("#upload-results .import-report .dedup")).containsText(
                    "the project now has 7 studies to screen");
            assertThat(page.locator("[data-upload-status]")).hasText("Done.");

            page.navigate(base + "/p/early-palliative-care-models");
            assertThat(page.locator("[data-step=dedup]")).containsText("7 records → 7 studies");
            assertThat(page.locator("[data-problem=awaiting-dedup]")).hasCount(0);
            // one person cannot fill two reviewer slots: the overview names it
            assertThat(page.locator("[data-problem=few-reviewers]")).containsText("needs 2 reviewers per record");
            Browsers.screenshot(page, "overview-checklist");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Team").setExact(true)).click();
            page.locator("#invite-role").selectOption("reviewer");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make an invitation link")).click();
            invitation = page.locator("#invite-link").inputValue();
            assertThat(invitation).startsWith(base + "/invite/");
        }

        try (BrowserContext reviewer = browsers.person()) {
            Page page = reviewer.newPage();
            watch(page, visited, consoleErrors, failed);
            int clicks = 0;
            page.navigate(invitation);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .containsText("Early palliative care models");
            page.getByLabel("User name").fill("rita");
            page.getByLabel("Password (at least 10 characters)").fill("reviewer password 1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join as reviewer")).click();
            clicks++;
            assertThat(page).hasURL(base + "/p/early-palliative-care-models");
            page.locator("#start-screening").click();
            clicks++;
            assertThat(page.locator("#record-title")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Include i")).click();
            clicks++;
            assertThat(page.locator("#screen-message")).containsText("Recorded: include");
            assertThat(clicks).isLessThanOrEqualTo(3);
            Browsers.screenshot(page, "first-record-screened");
        }

        assertThat(visited).noneMatch(u -> u.contains("/dedup"));
        assertThat(consoleErrors).as("console errors (a CSP violation shows here)").isEmpty();
        assertThat(failed).as("failed requests").isEmpty();
        long decisions = db.withHandle(h -> h.createQuery("select count(*) from decision d join app_user u "
                + "on u.id = d.user_id where u.username = 'rita'").mapTo(Long.class).one());
        assertThat(decisions).isEqualTo(1);
    }
}
