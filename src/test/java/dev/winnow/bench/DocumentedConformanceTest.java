package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The files written from the formats' public documentation are each detected as the format they
 * are in and read to the last expected value: a reader or normaliser that regresses on any of them
 * fails here, with the values it now reads differently.
 */
class DocumentedConformanceTest {
    @Test
    void everyDocumentedFileIsDetectedAndReadAsExpected() {
        Conformance.Report report = DocumentedConformance.run();
        assertThat(report.formats()).hasSize(DocumentedConformance.CASES.size());
        for (Conformance.FormatResult f : report.formats()) {
            assertThat(f.errors()).as(f.label()).isEmpty();
            assertThat(f.actualRecords()).as(f.label()).isEqualTo(f.expectedRecords());
            assertThat(f.disagreements()).as(f.label()).isEmpty();
            assertThat(f.values()).as(f.label() + " compares something").isGreaterThan(5);
        }
        assertThat(report.values()).isEqualTo(146);
    }
}
