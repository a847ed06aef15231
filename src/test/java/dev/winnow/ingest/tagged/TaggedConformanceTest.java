package dev.winnow.ingest.tagged;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.bench.Conformance;
import dev.winnow.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conformance of the tagged-format readers with JabRef's importer fixtures (BENCHMARKS.md §3),
 * through the shared harness ({@link Conformance}). Every disagreement must be one we accept and
 * explain in docs/ingest.md ("Accepted disagreements"); a new one fails this test.
 */
class TaggedConformanceTest {
    /** file #record field — each explained in docs/ingest.md. */
    static final Set<String> ACCEPTED = Set.of(
            // JabRef joins every title tag; we keep the first (T1) and the rest in extra
            "RisImporterTest1.ris #1 title",
            // JabRef counts A2 (secondary authors = editors in the RIS spec) as authors
            "RisImporterTest1.ris #1 authors",
            "RisImporterTest7.ris #1 authors",
            // JabRef takes the last JO ("kmptnd") of a record with two JF, a T2 and a JA; we take the first JF
            "RisImporterTest1.ris #1 journal",
            // JabRef reads M1 (a copyright line, "0") and AN (a PMCID, a PMID) as the issue number
            "RisImporterTest3.ris #1 issue",
            "RisImporterTest5a.ris #1 issue",
            "RisImporterTest6.ris #1 issue",
            "RisImporterTestDOI.ris #1 issue",
            // JabRef takes the credentials "PhD" and "FAAN" for authors
            "OvidImporterTest5.txt #1 authors");

    private static final List<String> MINE = List.of("RIS", "MEDLINE text", "nbib", "Ovid");

    @Test
    void agreesWithJabRefExceptWhereExplained() {
        Path dir = SharedData.require(Conformance.FIXTURES);
        Conformance.Report report = Conformance.run(dir);
        int values = 0;
        int agreed = 0;
        for (String label : MINE) {
            Conformance.FormatResult f = report.format(label);
            assertThat(f.readable()).as(label).isTrue();
            assertThat(f.errors()).as(label).isEmpty();
            assertThat(f.actualRecords()).as(label + " records").isEqualTo(f.expectedRecords());
            assertThat(f.disagreements()).as(label)
                    .allSatisfy(d -> assertThat(ACCEPTED).contains(d.file() + " #" + d.record() + " " + d.field()));
            values += f.values();
            agreed += f.agreed();
        }
        assertThat(values).isGreaterThan(150);
        assertThat(values - agreed).isLessThanOrEqualTo(ACCEPTED.size());
        assertThat(report.format("MEDLINE text").agreement()).isEqualTo(1.0);
        assertThat(report.format("Ovid").agreement()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.format("nbib").agreement()).isEqualTo(1.0);
        assertThat(report.format("RIS").agreement()).isGreaterThanOrEqualTo(0.93);
    }
}
