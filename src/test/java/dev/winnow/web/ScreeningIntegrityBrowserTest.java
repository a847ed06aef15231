package dev.winnow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore;
import dev.winnow.testing.TestDb;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Screening integrity over a real server, as two blinded reviewers (ann, ben), an owner (olive)
 * and a resolver (cat) would meet it, on SQLite and PostgreSQL: the full-text stage stays closed
 * while title/abstract conflicts are open; looking at the screening page reserves nothing; the
 * progress, the stopping line and the queue agree.
 */
class ScreeningIntegrityBrowserTest {
    static Browsers browsers;

    /** One fresh project with {@code n} records and its server. */
    record Fixture(Database db, WebServer server, Project project, List<Long> studies) implements AutoCloseable {
        String base() {
            return "http://127.0.0.1:" + server.port();
        }

        String p() {
            return base() + "/p/" + project.key();
        }

        @Override
        public void close() {
            server.close();
            db.close();
        }
    }

    static final String[] TITLES = {
        "Early palliative care shared by general practice and oncology",
        "Letter: paediatric end-of-life care",
        "GP involvement in oncology follow-up: a trial",
        "Nurse-led palliative care clinics for adults with heart failure",
        "Home-based specialist palliative care: a cohort study",
    };

    static Fixture fixture(TestDb kind, int n) {
        Database db = kind.fresh();
        AccountService accounts = new AccountService(db);
        for (String u : List.of("olive", "ann", "ben", "cat")) {
            accounts.addUser(u, null, u + " password 123", false, "test");
        }
        Project project = new ProjectService(db).create("Early palliative care models", ProjectKind.SCOPING, null);
        TeamService team = new TeamService(db);
        team.put(project, "olive", Role.OWNER, null);
        for (String u : List.of("ann", "ben", "cat")) {
            team.put(project, u, Role.REVIEWER, null);
        }
        new ProtocolService(db).save(project, ProtocolYaml.example(), "olive");
        List<Long> ids = new ArrayList<>();
        db.useTransaction(h -> {
            for (int i = 0; i < n; i++) {
                ids.add(StudyStore.insert(h, project.id(), Record.builder().title(TITLES[i])
                        .abstractText("Adults with cancer or organ failure; record " + (i + 1) + ".")
                        .author(Author.of("Jensen", "Mette")).journal("BMC Palliative Care").year(2020 + i).build()).id());
            }
        });
        WebServer server = new WebServer(db).start("127.0.0.1", 0);
        return new Fixture(db, server, project, ids);
    }

    @BeforeAll
    static void start() {
        browsers = Browsers.start();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
    }

    static Page signedIn(BrowserContext ctx, Fixture f, String user) {
        Page page = ctx.newPage();
        Browsers.signIn(page, f.base(), user, user + " password 123");
        return page;
    }

    /** Decides the record on screen with the keyboard (after checking its title). */
    static void decide(Page page, String title, String... keys) {
        assertThat(page.locator("#record-title")).hasText(title);
        for (String k : keys) {
            page.keyboard().press(k);
        }
        assertThat(page.locator("#record-title", new Page.LocatorOptions().setHasText(title))).hasCount(0);
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void fullTextStaysClosedToBlindedReviewersWhileTitleAbstractConflictsAreOpen(TestDb kind) {
        try (Fixture f = fixture(kind, 3);
             BrowserContext annCtx = browsers.person();
             BrowserContext benCtx = browsers.person();
             BrowserContext catCtx = browsers.person()) {
            Page ann = signedIn(annCtx, f, "ann");
            ann.navigate(f.p() + "/screen/title-abstract");
            decide(ann, TITLES[0], "i");
            decide(ann, TITLES[1], "i");
            decide(ann, TITLES[2], "e");
            Page ben = signedIn(benCtx, f, "ben");
            ben.navigate(f.p() + "/screen/title-abstract");
            decide(ben, TITLES[0], "i");
            decide(ben, TITLES[1], "e"); // the conflict: ann included it
            decide(ben, TITLES[2], "e");

            // ann included records 1 and 2: a full-text list with only record 1 would tell her ben excluded 2
            ann.navigate(f.p() + "/screen/full-text");
            assertThat(ann.locator("#stage-closed")).containsText("1 title/abstract conflict is resolved");
            assertThat(ann.locator("#record-title")).hasCount(0);
            assertThat(ann.locator("main")).not().containsText(TITLES[0]);
            ann.navigate(f.p() + "/screen/full-text?study=" + f.studies().get(0));
            assertThat(ann.locator("#stage-closed")).isVisible();
            ann.navigate(f.p() + "/full-text");
            assertThat(ann.locator("main")).not().containsText(TITLES[0]);
            assertThat(ann.locator("main")).containsText("opens to you once");
            ann.navigate(f.p());
            assertThat(ann.locator("#checklist")).isVisible(); // the overview itself, not a refusal
            assertThat(ann.locator("#stage-full-text")).hasCount(0);
            String api = f.base() + "/api/v1/projects/" + f.project().key() + "/stages/full-text";
            for (String path : List.of("/next", "/outcomes", "/conflicts")) {
                var res = annCtx.request().get(api + path);
                assertThat(res.status()).as(path).isEqualTo(403);
                assertThat(res.text()).as(path).contains("opens to you once").doesNotContain(TITLES[0]);
            }
            // deciding a record at full text by its id says nothing about whether it passed
            String csrf = (String) ann.evaluate("() => document.querySelector('input[name=_csrf]').value");
            var post = annCtx.request().post(api + "/decisions", com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader("X-CSRF-Token", csrf).setHeader("Content-Type", "application/json")
                    .setData("{\"studyId\": " + f.studies().get(1) + ", \"verdict\": \"include\"}"));
            assertThat(post.status()).isEqualTo(403);

            // cat (a resolver who screened nothing) settles the conflict; full text opens
            Page cat = signedIn(catCtx, f, "cat");
            cat.navigate(f.p() + "/conflicts/title-abstract");
            var card = cat.locator("#conflict-" + f.studies().get(1));
            card.getByLabel("exclude").check();
            card.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Resolve")).click();
            assertThat(cat.locator("#no-conflicts")).isVisible();

            ann.navigate(f.p() + "/screen/full-text");
            assertThat(ann.locator("#stage-closed")).hasCount(0);
            assertThat(ann.locator("#record-title")).hasText(TITLES[0]);
            assertThat(annCtx.request().get(api + "/outcomes").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void lookingAtTheScreeningPageReservesNothingAndReservationsEnd(TestDb kind) {
        try (Fixture f = fixture(kind, 3);
             BrowserContext oliveCtx = browsers.person();
             BrowserContext annCtx = browsers.person();
             BrowserContext benCtx = browsers.person()) {
            String screen = f.p() + "/screen/title-abstract";
            // the owner only looks (page and API GET); two reviewers per record, ann and ben screen everything
            Page olive = signedIn(oliveCtx, f, "olive");
            olive.navigate(screen);
            assertThat(olive.locator("#record-title")).hasText(TITLES[0]);
            assertThat(oliveCtx.request().get(f.base() + "/api/v1/projects/" + f.project().key()
                    + "/stages/title-abstract/next").status()).isEqualTo(200);
            assertThat(olive.locator("#no-reservations")).isAttached();
            Page ann = signedIn(annCtx, f, "ann");
            ann.navigate(screen);
            decide(ann, TITLES[0], "i");
            // her next record is reserved for her now: the owner sees who holds what
            olive.reload();
            assertThat(olive.locator("#reservations")).containsText("ann: 1");
            decide(ann, TITLES[1], "e");
            decide(ann, TITLES[2], "i");
            assertThat(ann.locator("#queue-empty")).isVisible();
            assertThat(ann.locator(".bar-label")).containsText("You have screened 3 of 3 records");
            Page ben = signedIn(benCtx, f, "ben");
            ben.navigate(screen);
            decide(ben, TITLES[0], "i");
            decide(ben, TITLES[1], "e");
            decide(ben, TITLES[2], "i");
            assertThat(ben.locator("#queue-empty")).isVisible();
            assertThat(ben.locator(".bar-label")).containsText("You have screened 3 of 3 records");
            // nothing is left awaiting a reviewer
            olive.navigate(f.p());
            assertThat(olive.locator("#stage-title-abstract + .bar-label"))
                    .containsText("3 of 3 records have a final outcome");
            // the owner's stale page: deciding a record that has its reviewers is refused, and says so
            olive.navigate(screen);
            assertThat(olive.locator("#queue-empty")).isVisible();
            olive.navigate(screen + "?study=" + f.studies().get(0));
            olive.keyboard().press("i");
            assertThat(olive.locator("#screen-message")).containsText("already has its 2 reviewers");
            assertThat(olive.locator("#queue-empty")).isVisible();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void reservationsAreReleasedOnSignOutByTheOwnerAndWhenTheyExpire(TestDb kind) {
        try (Fixture f = fixture(kind, 3);
             BrowserContext oliveCtx = browsers.person();
             BrowserContext annCtx = browsers.person()) {
            String screen = f.p() + "/screen/title-abstract";
            Page ann = signedIn(annCtx, f, "ann");
            ann.navigate(screen);
            decide(ann, TITLES[0], "i");
            Page olive = signedIn(oliveCtx, f, "olive");
            olive.navigate(screen);
            assertThat(olive.locator("#reservations")).containsText("ann: 1");
            // signing out ends ann's reservation
            ann.locator("form[action='/logout'] button").click();
            olive.reload();
            assertThat(olive.locator("#no-reservations")).isAttached();
            // the owner releases what someone left held
            Page ann2 = signedIn(annCtx, f, "ann");
            ann2.navigate(screen);
            decide(ann2, TITLES[1], "e");
            olive.reload();
            assertThat(olive.locator("#reservations")).containsText("ann: 1");
            olive.locator("#reservations button").click();
            assertThat(olive.locator("#no-reservations")).isAttached();
            // a reservation older than the reservation time (cat's, left a day ago) is released when anyone looks
            f.db().useTransaction(h -> h.createUpdate("insert into assignment (stage_id, study_id, user_id, slot, "
                    + "assigned_at) select id, :t, (select id from app_user where username = 'cat'), 2, "
                    + "'2000-01-01T00:00:00Z' from stage where project_id = :p and name = 'title-abstract'")
                    .bind("t", f.studies().get(0)).bind("p", f.project().id()).execute());
            olive.reload();
            assertThat(olive.locator("#no-reservations")).isAttached();
        }
    }

    /** Reloads until the stopping line mentions {@code text} (the ranking is computed in the background). */
    static void reloadUntilRankLine(Page page, String text) {
        long until = System.currentTimeMillis() + 20_000;
        while (!page.locator("#rank-line").innerText().contains(text)) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("the stopping line never said '" + text + "': "
                        + page.locator("#rank-line").innerText());
            }
            page.waitForTimeout(300);
            page.reload();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theStoppingLineProgressQueueAndMessagesAgree(TestDb kind) {
        try (Fixture f = fixture(kind, 0);
             BrowserContext oliveCtx = browsers.person();
             BrowserContext annCtx = browsers.person();
             BrowserContext benCtx = browsers.person()) {
            String screen = f.p() + "/screen/title-abstract";
            Page ann = signedIn(annCtx, f, "ann");
            ann.navigate(screen);
            // nothing decided yet: nothing to undo
            assertThat(ann.locator("button[data-key=u]")).hasCount(0);
            reloadUntilRankLine(ann, "Stopping estimate");
            assertThat(ann.locator("#rank-line")).not().containsText("every record");

            // the owner imports through the page: the list of sources shows it without a reload
            Page olive = signedIn(oliveCtx, f, "olive");
            olive.navigate(f.p() + "/sources");
            assertThat(olive.locator("#no-sources")).isVisible();
            StringBuilder ris = new StringBuilder();
            for (String t : TITLES) {
                ris.append("TY  - JOUR\nTI  - ").append(t).append("\nAB  - Adults with cancer.\nPY  - 2021\nER  - \n\n");
            }
            olive.locator("#source").fill("MEDLINE");
            olive.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("medline.ris",
                    "application/x-research-info-systems", ris.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            olive.locator("form[data-upload] button[type=submit]").click();
            assertThat(olive.locator("[data-upload-status]")).hasText("Done.");
            assertThat(olive.locator("#no-sources")).hasCount(0);
            assertThat(olive.locator("#source-list")).containsText("MEDLINE");
            // the same file again: the message speaks of the form's checkbox, not of a command-line flag
            olive.locator("#file").setInputFiles(new com.microsoft.playwright.options.FilePayload("medline.ris",
                    "application/x-research-info-systems", ris.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            olive.locator("form[data-upload] button[type=submit]").click();
            assertThat(olive.locator("#upload-results .error")).containsText("import a file again");
            assertThat(olive.locator("#upload-results")).not().containsText("--");
            // a date in the future is named by the form's label, and what was typed stays
            olive.locator("#searched").fill("2999-01-01");
            olive.locator("form[data-upload] button[type=submit]").click();
            assertThat(olive.locator("#upload-results .error")).containsText("(Searched on)");
            assertThat(olive.locator("#source")).hasValue("MEDLINE");

            // deduplicated (here by the service), the records arrive after ann's estimate was computed:
            // the line must not say she screened them all
            new dev.winnow.dedup.DedupService(f.db()).run(f.project(), new dev.winnow.importing.ImportService.Actor(null, "test"));
            ann.reload();
            assertThat(ann.locator("#record-title")).isVisible();
            assertThat(ann.locator("#rank-line")).not().containsText("every record");
            assertThat(ann.locator("#rank-line")).not().containsText("0 of 0");

            // ben and cat take the last record; ann's queue ends before it
            java.util.List<Long> ids = f.db().withHandle(h -> h.createQuery("select id from study where project_id = :p "
                    + "order by id").bind("p", f.project().id()).mapTo(Long.class).list());
            long last = ids.get(ids.size() - 1);
            for (String u : java.util.List.of("ben", "cat")) {
                var s = new dev.winnow.screen.ScreeningService(f.db());
                long uid = f.db().withHandle(h -> h.createQuery("select id from app_user where username = :u")
                        .bind("u", u).mapTo(Long.class).one());
                s.decide(dev.winnow.screen.Viewer.reviewer(uid, u), f.project(),
                        dev.winnow.screen.StageName.TITLE_ABSTRACT, last,
                        dev.winnow.screen.ScreeningService.Input.of(dev.winnow.screen.Verdict.EXCLUDE));
            }
            for (int i = 0; i < TITLES.length - 1; i++) {
                decide(ann, TITLES[i], i % 2 == 0 ? "i" : "e");
            }
            assertThat(ann.locator("#queue-empty")).isVisible();
            int n = TITLES.length;
            reloadUntilRankLine(ann, "You have screened " + (n - 1) + " of " + n);
            assertThat(ann.locator("#queue-empty")).isVisible();
            assertThat(ann.locator("#rank-line")).not().containsText("Keep screening");
            assertThat(ann.locator("button[data-key=u]")).hasCount(1);

            // API errors name the field, never the server's classes
            var bad = annCtx.request().post(f.base() + "/api/v1/projects/" + f.project().key()
                    + "/stages/title-abstract/decisions", com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader("X-CSRF-Token", (String) ann.evaluate("() => document.querySelector('input[name=_csrf]').value"))
                    .setHeader("Content-Type", "application/json")
                    .setData("{\"studyId\": \"abc\", \"verdict\": \"include\", \"colour\": 1}"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.text()).contains("studyId").doesNotContain("java.").doesNotContain("dev.winnow")
                    .doesNotContain("`");
        }
    }
}
