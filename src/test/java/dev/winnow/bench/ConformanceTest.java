package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conformance of this branch's readers against JabRef's fixtures (BENCHMARKS.md §3). Accepted
 * disagreements are explained in docs/ingest-structured.md.
 */
class ConformanceTest {
    @Test
    void pubmedXmlAndEndnoteXmlAgreeWithJabref() {
        Conformance.Report report = Conformance.run(SharedData.require(Conformance.FIXTURES));
        List<Conformance.FormatResult> mine = List.of(report.format("PubMed XML"), report.format("EndNote XML"));
        int values = 0;
        int agreed = 0;
        for (Conformance.FormatResult f : mine) {
            assertThat(f.readable()).isTrue();
            assertThat(f.errors()).as(f.label() + " errors").isEmpty();
            assertThat(f.actualRecords()).as(f.label() + " records").isEqualTo(f.expectedRecords());
            assertThat(f.agreement()).as(f.label() + " agreement; disagreements: " + f.disagreements()).isGreaterThanOrEqualTo(0.90);
            values += f.values();
            agreed += f.values() == 0 ? 0 : f.agreed();
        }
        assertThat(values).isGreaterThan(100);
        assertThat((double) agreed / values).isGreaterThanOrEqualTo(0.97);
        // the disagreements we accept, and no others (see docs/ingest-structured.md)
        assertThat(report.format("PubMed XML").disagreements()).extracting(d -> d.file() + " " + d.field())
                .containsExactlyInAnyOrder(
                        "MedlineImporterTestBookArticleSet.xml title",
                        "MedlineImporterTestKeywordSingleEntry.xml authors",
                        "MedlineImporterTestMathML.xml abstract");
        assertThat(report.format("EndNote XML").disagreements()).isEmpty();
    }
}
