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
 * least bib-dedupe's published figure. Skipped when ../shared/data is absent.
 */
class GoldSetsTest {

    @ParameterizedTest
    @CsvSource({"cytology_screening, 0.9922", "haematology, 0.8889", "respiratory, 0.9358", "stroke, 0.9936"})
    void noFalseMergesAndAtLeastBibDedupesSensitivity(String set, double published) {
        Path dir = SharedData.require("bib-dedupe/data/" + set);
        GoldSet gold = GoldSet.bibDedupe(dir);
        DedupScore score = DedupBench.run(gold, 1).score();
        assertThat(score.fp()).as("false merges in %s", set).isZero();
        assertThat(score.sensitivity()).as("sensitivity on %s", set).isGreaterThanOrEqualTo(published - 0.00005);
    }

    @ParameterizedTest
    @CsvSource({"tafenoquine.xml", "copper.xml", "old/respiratory.xml"})
    void noUnflaggedRecordIsMergedInTheEndNoteSets(String file) {
        Path xml = SharedData.require("dedupe-sweep/test/data/" + file);
        DedupScore score = DedupBench.runFlagged(xml, 1, null).score();
        assertThat(score.fp()).isZero();
        assertThat(score.sensitivity()).isGreaterThan(0.97);
    }
}
