package dev.winnow.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.winnow.dedup.DedupService;
import dev.winnow.project.ProjectService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.screen.FullTextService;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.UserStore;
import dev.winnow.testing.TestDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The owner of a small review, in the browser: reviews a "maybe" duplicate pair (merge, undo, keep
 * apart), attaches a PDF and views it, marks a report not retrieved, finds the PDF on the full-text
 * screening panel, downloads the PRISMA diagram, and edits the protocol (an error saves nothing).
 */
class ReviewPagesBrowserTest {
    @TempDir
    Path dir;

    @Test
    void dedupFullTextReportsAndProtocol() throws Exception {
        try (Browsers browsers = Browsers.start(); Database db = TestDb.SQLITE.fresh()) {
            ReviewPagesFixture f = ReviewPagesFixture.create(db, dir);
            try (WebServer server = new WebServer(db).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + server.port();
                String p = base + "/p/" + f.project.key();
                BrowserContext olive = browsers.person();
                Page page = olive.newPage();
                List<String> errors = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    // the refused upload and protocol answer 400 on purpose; anything else (a CSP violation) counts
                    if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                        errors.add(m.text());
                    }
                });
                Browsers.signIn(page, base, "olive", ReviewPagesFixture.password("olive"));

                // ---- duplicates: the pair side by side, the DOI marked as differing; merge, undo, keep apart
                page.navigate(p);
                page.locator("nav.tabs a:has-text('Duplicates')").click();
                page.locator("#run-dedup").click();
                assertThat(page.locator("#dedup-message")).containsText("this run linked 0 records");
                var pair = page.locator(".pair-card").first();
                assertThat(pair).containsText(ReviewPagesFixture.NURSE);
                assertThat(pair.locator("tr.differs")).hasCount(1); // the DOI
                assertThat(pair.locator("tr.differs")).containsText("10.1000/nurse-2");
                Browsers.screenshot(page, "dedup-review");
                pair.locator("button:has-text('Merge')").click();
                assertThat(page.locator("#dedup-message")).containsText("Merged pair");
                assertThat(page.locator("#no-pairs")).isVisible();
                assertThat(page.locator("#merges tbody tr")).hasCount(1);
                long studiesMerged = new ProjectService(db).status(f.project).studyRecords();
                page.locator("#merges button:has-text('Undo merge')").click();
                assertThat(page.locator("#dedup-message")).containsText("Undid the merge");
                assertThat(page.locator("#no-merges")).isVisible();
                assertThat(new ProjectService(db).status(f.project).studyRecords()).isEqualTo(studiesMerged + 1);
                page.locator(".pair-card button:has-text('Keep apart')").click();
                assertThat(page.locator("#no-pairs")).isVisible();

                // ---- full texts: attach a PDF and view it; a text file is refused; a report not retrieved
                page.locator("nav.tabs a:has-text('Full texts')").click();
                var trial = page.locator("#record-" + f.trial);
                assertThat(trial.locator(".ft-status")).hasText("not sought yet");
                Path pdf = Files.write(dir.resolve("mitchell-2020.pdf"), ReviewPagesFixture.pdf("Shared care trial"));
                trial.getByLabel("PDF").setInputFiles(pdf);
                trial.locator("button:has-text('Upload')").click();
                trial = page.locator("#record-" + f.trial);
                assertThat(trial.locator(".ft-status")).hasText("retrieved");
                assertThat(trial).containsText("mitchell-2020.pdf (1 page");
                String href = trial.locator("a.view-pdf").getAttribute("href");
                APIResponse served = olive.request().get(base + href);
                assertThat(served.status()).isEqualTo(200);
                assertThat(served.headers().get("content-type")).isEqualTo("application/pdf");
                assertThat(served.headers().get("content-disposition")).isEqualTo("inline; filename=\"mitchell-2020.pdf\"");
                assertThat(served.body()).isEqualTo(Files.readAllBytes(pdf));

                var unique = page.locator("#record-" + f.unique);
                Path text = Files.writeString(dir.resolve("notes.pdf"), "not a PDF at all", StandardCharsets.UTF_8);
                unique.getByLabel("PDF").setInputFiles(text);
                unique.locator("button:has-text('Upload')").click();
                assertThat(page.locator("#fulltext-error")).containsText("notes.pdf: not a PDF");
                assertThat(page.locator("#record-" + f.unique + " .ft-status")).hasText("not sought yet");
                unique = page.locator("#record-" + f.unique);
                unique.getByLabel("Not retrieved because").fill("not available from the library");
                unique.locator("button:has-text('Not retrieved')").click();
                unique = page.locator("#record-" + f.unique);
                assertThat(unique.locator(".ft-status")).hasText("not retrieved");
                assertThat(unique.locator(".ft-reason")).hasText("not available from the library");
                Browsers.screenshot(page, "full-texts");
                // usable on a phone: nothing wider than the screen
                page.setViewportSize(390, 844);
                assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(String.valueOf(page.evaluate("Array.from(document.querySelectorAll('body *')).filter(e => "
                                + "e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className + '#' + e.id "
                                + "+ ':' + Math.round(e.getBoundingClientRect().right)).join(' ')")))
                        .isEqualTo(true);
                Browsers.screenshot(page, "full-texts-narrow");
                page.setViewportSize(1200, 900);

                // the full-text screening panel links the record's PDF
                page.navigate(p + "/screen/full-text?study=" + f.trial);
                assertThat(page.locator("#fulltext-links a").first()).hasAttribute("href", href);

                // ---- reports: finish screening (the numbers must add up for a diagram), then follow the links
                long me = db.withHandle(h -> UserStore.findByName(h, "olive").orElseThrow().id());
                ScreeningService screening = new ScreeningService(db);
                Viewer olivesView = Viewer.reviewer(me, "olive");
                for (var s : new ProjectService(db).studies(f.project, 0, 100)) {
                    if (s.id() != f.trial && s.id() != f.unique) {
                        screening.decide(olivesView, f.project, StageName.TITLE_ABSTRACT, s.id(),
                                new ScreeningService.Input(Verdict.EXCLUDE, List.of("wrong population"), null, null, null, null));
                    }
                }
                screening.decide(olivesView, f.project, StageName.FULL_TEXT, f.trial, ScreeningService.Input.of(Verdict.INCLUDE));
                page.locator("nav.tabs a:has-text('Reports')").click();
                assertThat(page.locator("#prisma-svg")).isVisible();
                Browsers.screenshot(page, "reports");
                APIResponse svg = olive.request().get(base + page.locator("#prisma-svg").getAttribute("href"));
                assertThat(svg.status()).isEqualTo(200);
                assertThat(svg.headers().get("content-type")).startsWith("image/svg+xml");
                assertThat(svg.text()).contains("<svg");
                APIResponse json = olive.request().get(base + page.locator("#prisma-json").getAttribute("href"));
                assertThat(json.status()).isEqualTo(200);
                assertThat(json.headers().get("content-type")).startsWith("application/json");
                assertThat(json.text()).contains("\"records_screened\"");
                APIResponse included = olive.request().get(base + page.locator("#included-ris").getAttribute("href"));
                assertThat(included.text()).contains(ReviewPagesFixture.TRIAL).doesNotContain(ReviewPagesFixture.UNIQUE);

                // ---- protocol: a YAML error names the line and saves nothing; a valid edit in the form is a new version
                page.locator("nav.tabs a:has-text('Protocol')").click();
                assertThat(page.locator("#protocol-version")).hasText("(version 1)");
                page.locator("#yaml-editor summary").click();
                String yaml = page.locator("#yaml").inputValue();
                page.locator("#yaml").fill(yaml.replace("reviewersPerRecord: 1", "reviewersPerRecord: two"));
                page.locator("#protocol-form button[type=submit]").click();
                assertThat(page.locator("#protocol-error")).containsText("protocol.yaml, line");
                assertThat(page.locator("#yaml")).isVisible(); // the text stays open to fix
                assertThat(page.locator("#protocol-versions tbody tr")).hasCount(1);
                assertThat(new ProtocolService(db).current(f.project).version()).isEqualTo(1);
                page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true))
                        .fill("Early palliative care models shared by GPs and oncologists");
                page.locator("#c-0-id").fill("population");
                page.locator("#c-0-element").selectOption("population");
                page.locator("#c-0-include").fill("Adults with cancer");
                page.locator("#c-0-keywords").fill("cancer, oncology");
                page.locator("#s-full-text-reasons").fill("wrong population\nno model of care\nnot early palliative care");
                page.locator("#save-form").click();
                assertThat(page.locator("#protocol-message")).hasText("Saved as version 2.");
                assertThat(page.locator("#protocol-versions tbody tr")).hasCount(2);
                assertThat(page.locator("#c-0-keywords")).hasValue("cancer, oncology");
                var saved = new ProtocolService(db).current(f.project).protocol();
                assertThat(saved.title()).isEqualTo("Early palliative care models shared by GPs and oncologists");
                assertThat(saved.criteria()).singleElement().satisfies(c -> assertThat(c.keywords()).containsExactly("cancer", "oncology"));
                assertThat(saved.rules(StageName.FULL_TEXT).exclusionReasons()).hasSize(3);
                assertThat(saved.rules(StageName.FULL_TEXT).reviewersPerRecord()).isEqualTo(1);
                Browsers.screenshot(page, "protocol");

                assertThat(new DedupService(db).openPairs(f.project)).isEmpty();
                assertThat(new FullTextService(db).status(f.project, f.unique).orElseThrow().status())
                        .isEqualTo(FullTextService.NOT_RETRIEVED);
                assertThat(errors).as("console errors (a CSP violation shows here)").isEmpty();
                olive.close();
            }
        }
    }
}
