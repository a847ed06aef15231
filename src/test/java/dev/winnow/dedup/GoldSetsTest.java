package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.bench.DedupBench;
import dev.winnow.bench.DedupScore;
import dev.winnow.bench.GoldSet;
import dev.winnow.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Correctness on bib-dedupe's gold sets (BENCHMARKS.md §2): no false merge, and sensitivity at
 * least bib-dedupe's published figure; "maybe" pairs at most 5% of the records. Skipped when ../shared/data is absent.
 */
class GoldSetsTest {

    @ParameterizedTest
    @CsvSource({"cytology_screening, 0.9922", "haematology, 0.8889", "respiratory, 0.9358", "stroke, 0.9936"})
    void noFalseMergesAndAtLeastBibDedupesSensitivity(String set, double published) {
        Path dir = SharedData.require("bib-dedupe/data/" + set);
        GoldSet gold = GoldSet.bibDedupe(dir);
        DedupBench.SetResult r = DedupBench.run(gold, 1);
        DedupScore score = r.score();
        assertThat(score.fp()).as("false merges in %s", set).isZero();
        assertThat(score.sensitivity()).as("sensitivity on %s", set).isGreaterThanOrEqualTo(published - 0.00005);
        assertThat(r.maybeShare()).as("maybe pairs per record in %s", set).isLessThanOrEqualTo(0.05);
    }

    @ParameterizedTest
    @CsvSource({"tafenoquine.xml", "copper.xml", "old/respiratory.xml"})
    void noUnflaggedRecordIsMergedInTheEndNoteSets(String file) {
        Path xml = SharedData.require("dedupe-sweep/test/data/" + file);
        java.util.Set<String> flagged = new java.util.HashSet<>();
        DedupBench.SetResult r = DedupBench.run(new DedupBench.Scored(GoldSet.endnoteFlags(xml, flagged), flagged), 1,
                Tuning.DEFAULT);
        DedupScore score = r.score();
        assertThat(score.fp()).isZero();
        assertThat(r.maybeShare()).as("maybe pairs per record in %s", file).isLessThanOrEqualTo(0.05);
        assertThat(score.sensitivity()).isGreaterThan(0.97);
    }
}
