package dev.winnow.cli;

import static dev.winnow.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.account.AccountService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.ProjectService;
import dev.winnow.project.Role;
import dev.winnow.project.TeamService;
import dev.winnow.store.Database;
import dev.winnow.testing.TestDb;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The walk on the command line, on both databases: records are screenable as soon as they
 * are imported, and an empty queue says which step is missing instead of "every record is screened".
 */
class FirstHourCliTest {
    static final Path MEDLINE = Path.of("src/main/resources/demo/sample/medline.ris");

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void importedRecordsAreScreenableAtOnceAndAnEmptyQueueSaysWhy(TestDb kind) {
        String db = kind.freshUrl();
        assertThat(run(db, "project", "create", "Q").lastLine()).isEqualTo("q");
        try (Database d = Database.open(db)) {
            new AccountService(d).addUser("ann", null, "ann password 1", false, "test");
            new TeamService(d).put(new ProjectService(d).get("q"), "ann", Role.REVIEWER, null);
        }

        CliTest.Run empty = run(db, "screen", "next", "--project", "q", "--reviewer", "ann");
        assertThat(empty.code()).isZero();
        assertThat(empty.out()).startsWith("none: nothing to screen yet at title-abstract for ann")
                .contains("This project has no records yet — run `winnow import --project q --source NAME FILE`")
                .doesNotContain("screened every record");
        CliTest.Run emptyStatus = run(db, "status", "--project", "q");
        assertThat(emptyStatus.out()).contains("[ ] Sources imported").contains("No records imported yet")
                .contains("Needs attention:").contains("! This project has no records yet");

        CliTest.Run imported = run(db, "import", "--project", "q", "--source", "MEDLINE", MEDLINE.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Imported medline.ris into MEDLINE: 7 records")
                .contains("deduplicated: 7 records linked, 7 new studies, 0 duplicates of studies already here, "
                        + "0 maybe pairs for a person to check; the project now has 7 studies to screen");
        // not a terminal: no progress bar in the captured standard error
        assertThat(imported.err()).isEmpty();

        CliTest.Run next = run(db, "screen", "next", "--project", "q", "--reviewer", "ann");
        assertThat(next.out()).startsWith("record ");

        CliTest.Run status = run(db, "status", "--project", "q");
        assertThat(status.out()).contains("[x] Sources imported").contains("7 records from 1 file in 1 source")
                .contains("[x] Duplicates resolved").contains("7 records → 7 studies (0 duplicates linked)")
                .contains("[ ] Protocol set")
                .contains("title-abstract needs 2 reviewers per record but the team has 1 who may screen");
        CliTest.Run json = run(db, "status", "--project", "q", "--json");
        assertThat(json.out()).contains("\"sourceRecords\" : 7").contains("\"steps\"").contains("\"few-reviewers\"");
    }

    @ParameterizedTest
    @EnumSource(TestDb.class)
    void recordsImportedWithoutDedupAreNamedWithTheCommandThatMovesThemOn(TestDb kind) {
        String db = kind.freshUrl();
        run(db, "project", "create", "Legacy");
        try (Database d = Database.open(db)) {
            // as a database from before imports deduplicated, or an import whose dedup run was interrupted
            new ImportService(d).importFile(new ProjectService(d).get("legacy"), SourceSpec.database("MEDLINE"),
                    MEDLINE, ImportService.Options.DEFAULT.withoutDedup(), ImportService.Actor.commandLine());
        }
        CliTest.Run next = run(db, "screen", "next", "--project", "legacy", "--reviewer", "ann");
        assertThat(next.out()).startsWith("none: nothing to screen yet at title-abstract for ann")
                .contains("7 records are waiting for deduplication and cannot be screened yet — run "
                        + "`winnow dedup --project legacy`")
                .doesNotContain("screened every record").doesNotContain("stopping");
        assertThat(run(db, "status", "--project", "legacy").out())
                .contains("[!] Duplicates resolved").contains("7 records are waiting for deduplication");

        CliTest.Run replay = run(db, "decisions", "import", "--project", "legacy", "--stage", "title-abstract",
                "--reviewer", "ann", "src/main/resources/demo/sample/included.ris");
        assertThat(replay.out() + replay.err()).contains("7 records are waiting for deduplication");

        assertThat(run(db, "dedup", "--project", "legacy").code()).isZero();
        assertThat(run(db, "screen", "next", "--project", "legacy", "--reviewer", "ann").out()).startsWith("record ");
    }
}
