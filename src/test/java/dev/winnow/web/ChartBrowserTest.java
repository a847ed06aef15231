package dev.winnow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.winnow.account.AccountService;
import dev.winnow.chart.ChartService;
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
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two reviewers chart one source with a repeating group, a difference is agreed, the outputs download. */
class ChartBrowserTest {
    @Test
    void dualChartingConsensusAndDownloads() throws Exception {
        try (Browsers browsers = Browsers.start(); Database db = TestDb.SQLITE.fresh();
             WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
            AccountService accounts = new AccountService(db);
            for (String u : List.of("olive", "ann", "ben")) {
                accounts.addUser(u, null, u + " password 123", false, "test");
            }
            Project p = new ProjectService(db).create("Early palliative care models", ProjectKind.SCOPING, null);
            TeamService team = new TeamService(db);
            team.put(p, "olive", Role.OWNER, null);
            team.put(p, "ann", Role.REVIEWER, null);
            team.put(p, "ben", Role.REVIEWER, null);
            long study = db.inTransaction(h -> StudyStore.insert(h, p.id(), Record.builder()
                    .title("Shared care <blink>between</blink> GPs and oncologists").author(Author.of("Mitchell", "Geoffrey"))
                    .year(2014).journal("Palliative Medicine").build()).id());
            String base = "http://127.0.0.1:" + server.port();

            // the owner picks the running example's form in the editor
            BrowserContext olive = browsers.person();
            Page op = olive.newPage();
            Browsers.signIn(op, base, "olive", "olive password 123");
            op.navigate(base + "/p/" + p.key() + "/chart/form");
            op.locator("#template").selectOption("early-palliative-care-models");
            op.locator("button[type=submit]:has-text('Save form')").click();
            assertThat(op.locator("h1")).containsText("version 1");

            for (String reviewer : List.of("ann", "ben")) {
                BrowserContext ctx = browsers.person();
                Page page = ctx.newPage();
                Browsers.signIn(page, base, reviewer, reviewer + " password 123");
                page.navigate(base + "/p/" + p.key() + "/chart");
                page.locator("#chart-sources a").first().click();
                assertThat(page.locator("h1")).hasText("Shared care <blink>between</blink> GPs and oncologists");
                page.locator("[name='f.author']").fill("Mitchell");
                page.locator("[name='f.year']").fill("2014");
                page.locator("[name='f.country']").fill("Australia");
                page.locator("[name='f.design']").selectOption("Randomised controlled trial");
                page.locator("[name='f.explicit_model']").selectOption("yes");
                page.locator("[name='g.components.0.name']").fill("Case conference");
                page.locator("[name='g.components.0.category']").selectOption("Care coordination");
                // a second component, added through the repeating group
                page.locator("#add-components").click();
                page.locator("[name='g.components.1.name']").fill("GP education");
                page.locator("[name='g.components.1.category']").selectOption(
                        reviewer.equals("ann") ? "Education and training" : "Communication between sectors");
                page.locator("#save-entry").click();
                page.waitForURL(u -> u.endsWith("/chart/" + study));
                if (reviewer.equals("ann")) {
                    assertThat(page.locator("#waiting")).isVisible();
                    assertThat(page.locator("#differences")).hasCount(0);
                } else {
                    assertThat(page.locator("#differences")).containsText("components[GP education].category");
                    assertThat(page.locator("#differences tbody tr td").nth(1)).hasText("Communication between sectors");
                    assertThat(page.locator("#differences tbody tr td").nth(2)).hasText("Education and training");
                    Browsers.screenshot(page, "charting-differences");
                    // agree ann's category and record the consensus
                    page.locator("[name='g.components.1.category']").selectOption("Education and training");
                    // only ben's own agreement is ticked: a consensus without ann's is refused
                    assertThat(page.locator("#consensus input[value=ann]")).not().isChecked();
                    assertThat(page.locator("#consensus input[value=ben]")).isChecked();
                    page.locator("#save-consensus").click();
                    assertThat(page.locator("main")).containsText("needs the agreement of the other charter");
                    assertThat(page.locator("[name='g.components.1.category']")).hasValue("Education and training");
                    page.locator("#consensus input[value=ann]").check();
                    page.locator("#save-consensus").click();
                    page.waitForURL(u -> u.endsWith("/chart/" + study));
                    assertThat(page.locator("#consensus-state")).containsText("agreed by ben, ann");

                    page.navigate(base + "/p/" + p.key() + "/chart");
                    assertThat(page.locator("#chart-sources")).containsText("final");
                    Download csv = page.waitForDownload(() -> page.locator("#download-evidence-csv").click());
                    String table = Files.readString(csv.path());
                    assertThat(table).contains("Mitchell 2014").contains("Case conference | GP education")
                            .contains("Care coordination | Education and training");
                    page.locator("#map-field").selectOption("components.category");
                    Download map = page.waitForDownload(() -> page.locator("#download-map").click());
                    assertThat(Files.readString(map.path())).startsWith("<svg").contains("Education and training");
                }
                ctx.close();
            }
            assertThat(new ChartService(db).finalEntries(p)).containsOnlyKeys(study);
            olive.close();
        }
    }
}
