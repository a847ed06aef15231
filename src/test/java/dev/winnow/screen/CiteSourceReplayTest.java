package dev.winnow.screen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.dedup.DedupService;
import dev.winnow.demo.DemoService;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.testing.SharedData;
import dev.winnow.testing.TestDb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: CiteSource's review chain replayed. Six database exports are imported and
 * deduplicated by the project service; the 128 records that passed title/abstract screening and
 * the 24 included are imported as stage outcomes, and every one of them finds its study.
 */
class CiteSourceReplayTest {
    @Test
    void everyScreenedAndIncludedRecordFindsItsStudy() {
        Path dir = SharedData.require("citesource/vignettes/new_stage_data");
        try (Database db = TestDb.SQLITE.fresh()) {
            Project p = new ProjectService(db).create("CiteSource replay", ProjectKind.SCOPING, null);
            ImportService imports = new ImportService(db);
            for (DemoService.Export e : DemoService.CITESOURCE) {
                imports.importFile(p, SourceSpec.database(e.source()), dir.resolve(e.file()),
                        ImportService.Options.DEFAULT, ImportService.Actor.commandLine());
            }
            DedupService.Summary dedup = new DedupService(db).run(p, ImportService.Actor.commandLine());
            assertThat(dedup.records()).isBetween(1050L, 1054L);
            assertThat(dedup.duplicates()).isPositive();
            assertThat(dedup.overlap()).isNotEmpty();

            DecisionImportService replay = new DecisionImportService(db);
            var ta = replay.importFile(p, StageName.TITLE_ABSTRACT, "replay", dir.resolve("screened_128.ris"), true);
            assertThat(ta.rows()).isEqualTo(128);
            assertThat(ta.unmatched()).isEmpty();
            var ft = replay.importFile(p, StageName.FULL_TEXT, "replay", dir.resolve("final_24.ris"), true);
            assertThat(ft.rows()).isEqualTo(24);
            assertThat(ft.unmatched()).isEmpty();
            assertThat(ft.included()).isEqualTo(24);
            System.out.println("CiteSource replay: " + dedup.records() + " records, " + dedup.studies() + " studies; "
                    + "title/abstract " + ta.included() + " included; full text " + ft.included() + " included");
        }
    }
}
