package dev.winnow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.testing.SharedData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison itself: what counts as agreement, what is listed as a disagreement. */
class ConformanceHarnessTest {

    static Record.Builder article() {
        return Record.builder().title("Early palliative care: a trial.").author(Author.of("Müller", "Anna"))
                .author(Author.of("van der Berg", "J")).year(2020).doi("https://doi.org/10.1000/ABC")
                .journal("Journal of Palliative Care").volume("12").issue("3").pages("590-5")
                .abstractText("Background:  we\n studied.");
    }

    @Test
    void normalisedValuesAgreeAndDifferencesAreListed() {
        Record expected = article().build();
        Record sameInOtherForms = article().title("Early Palliative Care - a trial").doi("10.1000/abc")
                .pages("590-595").abstractText("Background: we studied.")
                .authors(List.of(Author.of("Muller", "A."), Author.of("Van der Berg", "Jan"))).build();
        Conformance.FileResult same = Conformance.compare("x", List.of(expected), List.of(sameInOtherForms));
        assertThat(same.values()).isEqualTo(9);
        assertThat(same.agreed()).isEqualTo(9);
        assertThat(same.disagreements()).isEmpty();

        Record wrong = article().volume("13").authors(List.of(Author.of("van der Berg", "J"), Author.of("Müller", "A")))
                .build();
        Conformance.FileResult diff = Conformance.compare("x.ris", List.of(expected, expected), List.of(wrong));
        assertThat(diff.values()).isEqualTo(18);
        assertThat(diff.agreed()).isEqualTo(7);
        assertThat(diff.disagreements()).hasSize(11);
        assertThat(diff.disagreements().get(0).toString())
                .isEqualTo("x.ris #1 authors: expected 'muller; vanderberg', got 'vanderberg; muller'");
        assertThat(diff.disagreements()).filteredOn(d -> d.record() == 2).allMatch(d -> d.actual().equals("(no record)"));
    }

    @Test
    void aJournalNamedByItsAbbreviationAndJabrefsCorporateFieldCount() {
        Record expected = Record.builder().journal("J. Chem. Phys.").author(Author.of("Shruthi", "B"))
                .extra("corporate", "EPOC Group").build();
        Record winnow = Record.builder().journal("The Journal of Chemical Physics").journalAbbreviation("J Chem Phys")
                .author(Author.of("Shruthi", "B")).author(Author.organisation("EPOC Group")).build();
        Conformance.FileResult r = Conformance.compare("x", List.of(expected), List.of(winnow));
        assertThat(r.values()).isEqualTo(2);
        assertThat(r.agreed()).isEqualTo(2);
        // another journal, or the collective author missing, still disagrees
        Record other = winnow.toBuilder().journalAbbreviation("J Phys Chem").authors(List.of(Author.of("Shruthi", "B")))
                .build();
        assertThat(Conformance.compare("x", List.of(expected), List.of(other)).disagreements())
                .extracting(Conformance.Disagreement::field).containsExactly("authors", "journal");
    }

    @Test
    void emptyExpectedFieldsAreNotCounted() {
        Record sparse = Record.builder().title("T").build();
        Conformance.FileResult r = Conformance.compare("x", List.of(sparse), List.of(article().title("T").build()));
        assertThat(r.values()).isEqualTo(1);
        assertThat(r.agreed()).isEqualTo(1);
    }

    @Test
    void findsTheFixturePairsByFamily() {
        Path dir = SharedData.require(Conformance.FIXTURES);
        List<Conformance.Case> cases = Conformance.cases(dir);
        assertThat(cases).anyMatch(c -> c.family().label().equals("Ovid")
                && c.input().getFileName().toString().equals("OvidImporterTest3.txt")
                && c.expected().getFileName().toString().equals("OvidImporterTestBib3.bib"));
        assertThat(cases).filteredOn(c -> c.family().label().equals("PubMed XML")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(cases).filteredOn(c -> c.family().label().equals("EndNote XML")).hasSize(7);
        assertThat(cases).filteredOn(c -> c.family().label().equals("RIS")).hasSizeGreaterThanOrEqualTo(15);
        String table = Conformance.table(Conformance.run(dir));
        assertThat(table).startsWith("format").contains("PubMed XML").contains("overall");
    }
}
