package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyMergeTest {
    @Test
    void takesTheBestValuePerField() {
        Record medline = Record.builder().title("[Early palliative care in lung cancer]").year(2010)
                .author(AuthorNames.parse("Temel JS")).journal("N Engl J Med").volume("363").pages("733-42")
                .pmid("20818875").build();
        Record embase = Record.builder().title("EARLY PALLIATIVE CARE IN LUNG CANCER").year(2010)
                .author(AuthorNames.parse("Temel, Jennifer S.")).author(AuthorNames.parse("Greer, Joseph A."))
                .journal("New England Journal of Medicine").volume("363").pages("733-742")
                .doi("https://doi.org/10.1056/NEJMoa1000678").abstractText("Background: patients with ...").build();
        Record wos = Record.builder().title("Early palliative care in lung cancer [Erratum appears in N Engl J Med 2010]")
                .year(2009).author(AuthorNames.parse("Temel, J. S.")).journal("NEW ENGL J MED").volume("363")
                .pages("733-742").doi("10.1056/nejmoa1000678").build();
        Record merged = StudyMerge.merge(List.of(medline, embase, wos));
        assertThat(merged.title()).isEqualTo("Early palliative care in lung cancer");
        assertThat(merged.authors()).hasSize(2);
        assertThat(merged.year()).isEqualTo(2010);
        assertThat(merged.journal()).isEqualTo("New England Journal of Medicine");
        assertThat(merged.pages()).isEqualTo("733-742");
        assertThat(merged.doi()).isEqualTo("10.1056/nejmoa1000678");
        assertThat(merged.pmid()).isEqualTo("20818875");
        assertThat(merged.abstractText()).startsWith("Background");
    }

    @Test
    void aSingleRecordIsItsOwnStudy() {
        Record r = Record.builder().title("T").build();
        assertThat(StudyMerge.merge(List.of(r))).isSameAs(r);
    }
}
