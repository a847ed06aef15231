package dev.winnow.searching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.search.SearchSyntaxError;
import dev.winnow.search.Syntax;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Search strategies stored per source, the PRISMA-S appendix and the count check, on SQLite and PostgreSQL. */
class SearchServiceTest {
    @TempDir
    Path dir;

    static final ImportService.Actor ANA = new ImportService.Actor(null, "cli:ana");

    static final String MEDLINE = """
            Database: Ovid MEDLINE(R) ALL <1946 to April 19, 2023>
            Search Strategy:
            --------------------------------------------------------------------------------
            1     exp Palliative Care/ (61234)
            2     (early adj3 (palliat* or integrat*)).ti,ab. (8120)
            3     1 and 2 (3)
            4     remove duplicates from 3 (3)
            """;

    static SourceSpec spec(String name, String platform, String date, String text) {
        return new SourceSpec(name, platform, SourceKind.DATABASE, null, date, text);
    }

    private Path ris(int n) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            b.append("TY  - JOUR\nTI  - Early palliative care ").append(i).append("\nPY  - 2020\nER  - \n\n");
        }
        Path p = dir.resolve("medline" + n + ".ris");
        Files.writeString(p, b.toString());
        return p;
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void storesTheSearchWithItsDateAndCountAndComparesWithTheImport(TestDb kind) throws Exception {
        try (Database db = kind.fresh()) {
            Project p = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
            SearchService searches = new SearchService(db);
            SourceSearch s = searches.record(p, spec("MEDLINE", "Ovid", "2023-04-20", MEDLINE), Syntax.OVID_MEDLINE,
                    null, ANA);
            assertThat(s.source()).isEqualTo("MEDLINE (Ovid)");
            assertThat(s.syntax()).isEqualTo(Syntax.OVID_MEDLINE);
            assertThat(s.searchedOn()).isEqualTo("2023-04-20");
            assertThat(s.reported()).as("the last line's count").isEqualTo(3L);
            assertThat(s.imported()).isZero();

            new ImportService(db).importFile(p, spec("MEDLINE", "Ovid", null, null), ris(2),
                    ImportService.Options.DEFAULT, ANA);
            SourceSearch after = searches.list(p).getFirst();
            assertThat(after.imported()).isEqualTo(2);
            assertThat(after.difference()).isEqualTo(-1L);
            assertThat(after.check()).isEqualTo("1 fewer imported than reported");

            // the same strategy again with the count the database gave: the count is updated
            searches.record(p, spec("MEDLINE", "Ovid", "2023-04-20", MEDLINE), Syntax.OVID_MEDLINE, 2L, ANA);
            assertThat(searches.list(p).getFirst().check()).isEqualTo("as reported");
            assertThat(db.read(h -> AuditStore.forProject(h, p.id())).stream()
                    .filter(e -> e.action().equals("search.record")).count()).isEqualTo(2);

            String appendix = searches.appendix(p);
            assertThat(appendix).contains("## MEDLINE (Ovid)", "Date run: 2023-04-20", "Interface: MEDLINE (Ovid)",
                    "| 1 | exp Palliative Care/ | 61234 |", "| 2 | (early adj3 (palliat* or integrat*)).ti,ab. | 8120 |",
                    "| 3 | 1 and 2 | 3 |", "| 4 | remove duplicates from 3 | 3 |", "| MEDLINE (Ovid) | 2 | 2 | as reported |");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void aStrategyThatDoesNotParseStoresNothing(TestDb kind) {
        try (Database db = kind.fresh()) {
            Project p = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
            SearchService searches = new SearchService(db);
            assertThatThrownBy(() -> searches.record(p, spec("CINAHL", "EBSCOhost", "2023-04-20",
                    "S1 TI ( palliat*\nS2 S1 OR S3"), Syntax.CINAHL, null, ANA))
                    .isInstanceOf(SearchSyntaxError.class).hasMessage("line 1, column 7: this '(' is never closed");
            assertThat(searches.list(p)).isEmpty();
            List<AuditStore.AuditEvent> events = db.read(h -> AuditStore.forProject(h, p.id()));
            assertThat(events).isEmpty();

            assertThatThrownBy(() -> searches.record(p, spec("CINAHL", "EBSCOhost", null, "S1 TI palliat*"),
                    Syntax.CINAHL, null, ANA)).isInstanceOf(UserError.class).hasMessageContaining("the day the search");
            assertThat(searches.list(p)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void anotherStrategyForASearchedSourceIsASourceOfItsOwn(TestDb kind) {
        try (Database db = kind.fresh()) {
            Project p = new ProjectService(db).create("Early palliative care", ProjectKind.SCOPING, null);
            SearchService searches = new SearchService(db);
            searches.record(p, spec("Web of Science", "", "2023-04-21", "#1 TS=(palliat*)"), Syntax.WOS, 900L, ANA);
            assertThatThrownBy(() -> searches.record(p, spec("Web of Science", "", "2023-04-21", "#1 TS=(hospice*)"),
                    Syntax.WOS, 10L, ANA)).isInstanceOf(UserError.class).hasMessageContaining("source of its own");
            List<SourceSearch> all = searches.list(p);
            assertThat(all).hasSize(1);
            assertThat(all.getFirst().strategy()).isEqualTo("#1 TS=(palliat*)");
            assertThat(all.getFirst().reported()).isEqualTo(900L);
        }
    }
}
