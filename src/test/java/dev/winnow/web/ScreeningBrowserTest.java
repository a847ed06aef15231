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
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two reviewers screen the same records blind with the keyboard; a conflict appears; a third person resolves it. */
class ScreeningBrowserTest {
    static Database db;
    static WebServer server;
    static Browsers browsers;
    static Project project;
    static String base;
    static List<Long> studies = new ArrayList<>();

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
        db = TestDb.SQLITE.fresh();
        AccountService accounts = new AccountService(db);
        for (String u : List.of("olive", "ann", "ben", "cat")) {
            accounts.addUser(u, null, u + " password 123", false, "test");
        }
        project = new ProjectService(db).create("Early palliative care models", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        team.put(project, "olive", Role.OWNER, null);
        for (String u : List.of("ann", "ben", "cat")) {
            team.put(project, u, Role.REVIEWER, null);
        }
        new ProtocolService(db).save(project, ProtocolYaml.example(), "olive");
        db.useTransaction(h -> {
            studies.add(StudyStore.insert(h, project.id(), Record.builder()
                    .title("Early palliative care shared by general practice and oncology")
                    .abstractText("A model of shared care for adults with cancer, started at diagnosis.")
                    .author(Author.of("Jensen", "Mette")).journal("BMC Palliative Care").year(2020)
                    .keyword("integrated care").build()).id());
            studies.add(StudyStore.insert(h, project.id(), Record.builder()
                    .title("Letter: paediatric end-of-life care").abstractText("A letter about children.")
                    .author(Author.of("Olsen", "Per")).journal("Lancet").year(2018).build()).id());
            studies.add(StudyStore.insert(h, project.id(), Record.builder()
                    .title("GP involvement in oncology follow-up: a trial")
                    .abstractText("General practitioners and oncologists shared follow-up of adults with cancer.")
                    .author(Author.of("Berg", "Anna")).journal("BJGP").year(2021).build()).id());
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

    /** Decides the record on screen with keys; checks the next one came without a page load. */
    private static void decide(Page page, String expectedTitle, String... keys) {
        assertThat(page.locator("#record-title")).hasText(expectedTitle);
        page.evaluate("() => { window.__samePage = true; }");
        for (String k : keys) {
            page.keyboard().press(k);
        }
        assertThat(page.locator("#record-title", new Page.LocatorOptions().setHasText(expectedTitle))).hasCount(0);
        assertThat(page.evaluate("() => window.__samePage === true")).isEqualTo(true);
    }

    @Test
    void twoReviewersScreenBlindWithTheKeyboardAndAThirdResolvesTheConflict() {
        String screen = base + "/p/" + project.key() + "/screen/title-abstract";
        String t1 = "Early palliative care shared by general practice and oncology";
        String t2 = "Letter: paediatric end-of-life care";
        String t3 = "GP involvement in oncology follow-up: a trial";
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            List<String> dialogs = new ArrayList<>();
            page.onDialog(d -> dialogs.add(d.message()));
            Browsers.signIn(page, base, "ann", "ann password 123");
            page.navigate(screen);
            // criteria keywords are marked: "palliative" includes, "letter" excludes
            assertThat(page.locator("#record-title mark.in").first()).isVisible();
            page.keyboard().press("?");
            assertThat(page.locator("#help")).isVisible();
            Browsers.screenshot(page, "screening-help");
            page.keyboard().press("?");
            assertThat(page.locator("#help")).isHidden();
            Browsers.screenshot(page, "screening");
            decide(page, t1, "i");
            assertThat(page.locator("#screen-message")).hasText("Recorded: include for record " + studies.get(0) + ".");
            assertThat(page.locator("#record-title mark.ex")).hasText("Letter");
            decide(page, t2, "1", "e");
            decide(page, t3, "i");
            assertThat(page.locator("#queue-empty")).isVisible();
            // undo brings back the last record with the earlier decision shown
            page.keyboard().press("u");
            assertThat(page.locator("#record-title")).hasText(t3);
            assertThat(page.locator("#previous")).containsText("include");
            decide(page, t3, "i");
            assertThat(dialogs).isEmpty();
        }
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "ben", "ben password 123");
            page.navigate(screen);
            // blinded: nothing of ann's decisions shows
            assertThat(page.locator("main")).not().containsText(java.util.regex.Pattern.compile("\\bann\\b"));
            assertThat(page.locator("#previous")).hasCount(0);
            decide(page, t1, "1", "e");
            decide(page, t2, "1", "e");
            decide(page, t3, "i");
            assertThat(page.locator("#queue-empty")).isVisible();
            // ben screened the record in conflict: blinding keeps it off his board
            page.navigate(base + "/p/" + project.key() + "/conflicts/title-abstract");
            assertThat(page.locator("#no-conflicts")).isVisible();
        }
        Outcome before = new ScreeningService(db).outcome(Viewer.overseer("test"), project, StageName.TITLE_ABSTRACT,
                studies.get(0));
        assertThat(before.status()).isEqualTo(Outcome.Status.CONFLICT);
        try (BrowserContext ctx = browsers.person()) {
            Page page = ctx.newPage();
            Browsers.signIn(page, base, "cat", "cat password 123");
            page.navigate(base + "/p/" + project.key() + "/conflicts/title-abstract");
            var card = page.locator("#conflict-" + studies.get(0));
            assertThat(card).containsText("ann: include");
            assertThat(card).containsText("ben: exclude");
            // the card shows what the record is: authors, journal and the abstract
            assertThat(card.locator(".conflict-meta")).containsText("Jensen");
            assertThat(card.locator(".conflict-abstract")).containsText("A model of shared care");
            assertThat(page.locator(".conflict")).hasCount(1);
            Browsers.screenshot(page, "conflicts");
            card.getByLabel("include").check();
            card.getByLabel("Note").fill("Shared GP-oncology model: include");
            card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Resolve")).click();
            assertThat(page.locator("#no-conflicts")).isVisible();
        }
        Outcome after = new ScreeningService(db).outcome(Viewer.overseer("test"), project, StageName.TITLE_ABSTRACT,
                studies.get(0));
        assertThat(after.status()).isEqualTo(Outcome.Status.INCLUDED);
        assertThat(after.resolved()).isTrue();
        assertThat(new ScreeningService(db).outcome(Viewer.overseer("test"), project, StageName.TITLE_ABSTRACT,
                studies.get(1)).status()).isEqualTo(Outcome.Status.EXCLUDED);
        assertThat(new ScreeningService(db).outcome(Viewer.overseer("test"), project, StageName.TITLE_ABSTRACT,
                studies.get(1)).reasons()).containsExactly("wrong population");
    }
}
