package dev.winnow.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import dev.winnow.screen.FullTextService;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.StageName;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.StudyStore.Study;
import dev.winnow.store.UserStore.User;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The full-text list pages by 50 and filters by retrieval state and title, on both databases (issue 21, item 12). */
class FullTextListTest {
    static final String[] TOPICS = {"palliative care", "hospice referral", "pain relief", "advance care planning",
        "bereavement support", "nurse follow-up", "home visits", "carer burden", "spiritual care", "symptom diaries"};
    static final String[] PLACES = {"Leeds", "Lyon", "Lagos", "Lima", "Lund", "Leipzig", "Lisbon", "Lahore",
        "Lusaka", "Lhasa", "Luzern", "Laval"};
    static final String SCRIPT = "<script>alert(1)</script> Hospice at home";

    @TempDir Path dir;

    static long cohort(List<Study> studies, int i) {
        return studies.stream().filter(s -> s.record().title().startsWith("Cohort " + i + ":")).findFirst().orElseThrow().id();
    }

    static int cards(String body) {
        return (int) Pattern.compile("class=\"card fulltext\"").matcher(body).results().count();
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void theListPagesByFiftyAndFiltersByStateAndTitle(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            User olive = new AccountService(db).addUser("olive", null, "olive password 123", true, "test");
            Project p = new ProjectService(db).create("Full texts", ProjectKind.SCOPING, null);
            new TeamService(db).put(p, "olive", Role.OWNER, null);
            StringBuilder ris = new StringBuilder();
            for (int i = 0; i < 119; i++) {
                ris.append("TY  - JOUR\nTI  - Cohort ").append(i).append(": ").append(TOPICS[i % 10]).append(" in ")
                        .append(PLACES[i / 10]).append("\nAU  - Author").append((char) ('a' + i % 26)).append(", A\nPY  - ")
                        .append(1990 + i % 30).append("\nDO  - 10.5555/ft.").append(i).append("\nER  - \n\n");
            }
            ris.append("TY  - JOUR\nTI  - ").append(SCRIPT).append("\nPY  - 2024\nDO  - 10.5555/ft.script\nER  - \n");
            ImportService.Actor actor = new ImportService.Actor(olive.id(), "olive");
            new ImportService(db).importFile(p, SourceSpec.database("MEDLINE"),
                    Files.writeString(dir.resolve("medline-" + kind + ".ris"), ris), ImportService.Options.DEFAULT, actor);
            new ProtocolService(db).save(p, ProtocolYaml.read(ReviewPagesFixture.PROTOCOL, "protocol.yaml"), "olive");
            List<Study> studies = new ProjectService(db).studies(p, 0, 1000);
            assertThat(studies).hasSize(120);
            ScreeningService screening = new ScreeningService(db);
            for (Study s : studies) {
                screening.decide(Viewer.reviewer(olive.id(), "olive"), p, StageName.TITLE_ABSTRACT, s.id(),
                        ScreeningService.Input.of(Verdict.INCLUDE));
            }
            FullTextService fullTexts = new FullTextService(db);
            byte[] pdf = ReviewPagesFixture.pdf("A full text");
            fullTexts.attach(p, cohort(studies, 0), "first.pdf", pdf, "olive");
            fullTexts.attach(p, cohort(studies, 70), "seventy.pdf", pdf, "olive");
            fullTexts.markNotRetrieved(p, cohort(studies, 1), "not held by the library", "olive");
            for (int i = 2; i < 12; i++) {
                fullTexts.markSought(p, cohort(studies, i), "olive");
            }
            WebServer server = new WebServer(db).start("127.0.0.1", 0);
            try {
                WebClient web = new WebClient(server.port());
                assertThat(web.signIn("olive", "olive password 123").statusCode()).isEqualTo(302);
                String list = "/p/" + p.key() + "/full-text";

                var first = web.get(list);
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(cards(first.body())).isEqualTo(50);
                assertThat(first.body()).contains("Page 1 of 3.").contains("href=\"?page=2\">Next</a>")
                        .doesNotContain(">Previous</a>");
                var last = web.get(list + "?page=3");
                assertThat(cards(last.body())).isEqualTo(20);
                assertThat(last.body()).contains("Page 3 of 3.").contains("href=\"?page=2\">Previous</a>");

                for (String bad : List.of("abc", "0", "-1")) {
                    var r = web.get(list + "?page=" + bad);
                    assertThat(r.statusCode()).as(bad).isEqualTo(400);
                    assertThat(r.body()).as(bad).contains("is not a page: pages are numbered 1 to 3.");
                    assertThat(cards(r.body())).isZero();
                }
                var beyond = web.get(list + "?page=99");
                assertThat(beyond.statusCode()).isEqualTo(404);
                assertThat(beyond.body()).contains("There is no page 99: the 120 records listed fill 3 pages.");

                var attached = web.get(list + "?state=attached");
                assertThat(cards(attached.body())).isEqualTo(2);
                assertThat(attached.body()).contains("first.pdf").contains("seventy.pdf").contains("Page 1 of 1.");
                var notRetrieved = web.get(list + "?state=not-retrieved");
                assertThat(cards(notRetrieved.body())).isEqualTo(1);
                assertThat(notRetrieved.body()).contains("not held by the library");
                var notSought = web.get(list + "?state=not-sought&page=2");
                assertThat(notSought.statusCode()).isEqualTo(200);
                assertThat(cards(notSought.body())).isEqualTo(50); // 120 - 2 attached - 1 not retrieved - 10 sought = 107
                assertThat(notSought.body()).contains("Page 2 of 3.").contains("href=\"?state=not-sought&amp;page=3\">Next</a>");
                var badState = web.get(list + "?state=lost");
                assertThat(badState.statusCode()).isEqualTo(400);
                assertThat(badState.body()).contains("'lost' is not a full-text state: expected all, attached, "
                        + "not-retrieved or not-sought.");

                var hospice = web.get(list + "?q=HOSPICE");
                // "hospice referral" is every tenth of the 119, plus the record whose title holds markup
                assertThat(cards(hospice.body())).isEqualTo(13);
                assertThat(hospice.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; Hospice at home")
                        .doesNotContain("<script>alert(1)")
                        .contains("value=\"HOSPICE\"");
                var both = web.get(list + "?state=attached&q=" + java.net.URLEncoder.encode("in Leeds", java.nio.charset.StandardCharsets.UTF_8));
                assertThat(cards(both.body())).isEqualTo(1);
                assertThat(both.body()).contains("first.pdf").doesNotContain("seventy.pdf");
                var typed = web.get(list + "?q=" + java.net.URLEncoder.encode("\"><b>x", java.nio.charset.StandardCharsets.UTF_8));
                assertThat(typed.statusCode()).isEqualTo(200);
                assertThat(typed.body()).contains("No record matches this filter.").doesNotContain("<b>x");
            } finally {
                server.close();
            }
        }
    }
}
