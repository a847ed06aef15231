package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards for items a journal prints every issue under one heading: the same title and the same
 * authors are not the same publication when the issue, the pages or the year differ, unless a DOI
 * or PMID says so. Each example is shaped like what journal exports contain; without the guard the
 * title+authors+journal+volume rule merges them.
 */
class RecurringItemsTest {

    private static Record.Builder item(String title, String authors, Integer year, String journal, String volume,
                                       String issue, String pages) {
        Record.Builder b = Record.builder().type(RecordType.JOURNAL_ARTICLE).title(title).year(year).journal(journal)
                .volume(volume).issue(issue).pages(pages);
        if (authors != null) {
            for (String a : authors.split(";")) {
                b.author(AuthorNames.parse(a));
            }
        }
        return b;
    }

    private static int clusters(Record... records) {
        return Deduplicator.run(List.of(records)).clusterCount();
    }

    @Test
    void editorsCommentsOfOneEditorInThreeIssuesOfOneVolumeStayThree() {
        Record i1 = item("Editor's Comments", "Rai, Arun", 2017, "MIS Quarterly", "41", "1", null).build();
        Record i2 = item("Editor's comments", "Rai, A.", 2017, "MIS Quarterly", "41", "2", null).build();
        Record i3 = item("EDITOR'S COMMENTS", "Rai, Arun", 2017, "MIS Q.", "41", "3", "iii-xii").build();
        DedupResult r = Deduplicator.run(List.of(i1, i2, i3));
        assertThat(r.clusterCount()).isEqualTo(3);
        assertThat(r.maybes()).isEmpty();
    }

    @Test
    void remarksFromTheEditorOnDifferentRomanPagesAreDifferent() {
        Record a = item("Remarks from the editor", "Ågerfalk, Pär J.", 2019, "European Journal of Information Systems",
                "28", null, "i-iii").build();
        Record b = item("Remarks from the Editor", "Agerfalk, P. J.", 2019, "Eur J Inf Syst", "28", null, "v-vii").build();
        assertThat(clusters(a, b)).isEqualTo(2);
    }

    @Test
    void issueInformationOfTwoIssuesIsTwoItems() {
        Record a = item("Issue Information", null, 2020, "Journal of Advanced Nursing", "76", "4", "i-iv")
                .doi("10.1111/jan.14100").build();
        Record b = item("Issue Information", null, 2020, "Journal of Advanced Nursing", "76", "5", "i-iv")
                .doi("10.1111/jan.14101").build();
        Record c = item("Issue information", null, 2020, "J Adv Nurs", "76", "6", null).build();
        DedupResult r = Deduplicator.run(List.of(a, b, c));
        assertThat(r.clusterCount()).isEqualTo(3);
        assertThat(r.maybes()).as("nothing for a person to decide").isEmpty();
    }

    @Test
    void bookReviewsByOneReviewerInConsecutiveYearsAreDifferent() {
        Record a = item("Book reviews", "Walsham, Geoff", 2004, "Information Systems Journal", null, null, null).build();
        Record b = item("Book Reviews", "Walsham, G.", 2005, "Information Systems Journal", null, null, null).build();
        assertThat(clusters(a, b)).isEqualTo(2);
        assertThat(Deduplicator.run(List.of(a, b)).maybes()).isEmpty();
    }

    @Test
    void lettersToTheEditorOnDifferentPagesAreDifferent() {
        Record a = item("Letter to the editor", "Koenig, Harold G.", 2012, "Southern Medical Journal", "105", "3", "172")
                .build();
        Record b = item("Letter to the Editor", "Koenig, H. G.", 2012, "Southern Medical Journal", "105", "3", "174")
                .build();
        DedupResult r = Deduplicator.run(List.of(a, b));
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).isEmpty();
    }

    @Test
    void correspondenceAndNewsInDifferentIssuesAreDifferent() {
        Record c1 = item("Correspondence", "Horton, Richard", 2015, "The Lancet", "385", "9972", null).build();
        Record c2 = item("Correspondence", "Horton, R.", 2015, "Lancet", "385", "9973", null).build();
        Record n1 = item("News in brief", "Smith, Jane", 2015, "BMJ", "350", "8001", null).build();
        Record n2 = item("News in brief", "Smith, J.", 2015, "BMJ", "350", "8002", null).build();
        assertThat(clusters(c1, c2, n1, n2)).isEqualTo(4);
    }

    @Test
    void errataNoticesOfOneJournalInTwoIssuesAreDifferent() {
        Record a = item("Erratum", null, 2018, "Pediatrics", "141", "2", null).build();
        Record b = item("Erratum", null, 2018, "Pediatrics", "141", "3", null).build();
        DedupResult r = Deduplicator.run(List.of(a, b));
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).isEmpty();
    }

    @Test
    void frontMatterOfTwoYearsOfOneConferenceIsDifferent() {
        Record a = item("Front Matter", null, 2019, "Proceedings of the 52nd Hawaii International Conference on System Sciences",
                null, null, null).type(RecordType.CONFERENCE_PAPER).build();
        Record b = item("Front matter", null, 2020, "Proceedings of the 53rd Hawaii International Conference on System Sciences",
                null, null, null).type(RecordType.CONFERENCE_PAPER).build();
        DedupResult r = Deduplicator.run(List.of(a, b));
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).isEmpty();
    }

    @Test
    void oneEditorialExportedTwiceWithItsIssueAndPagesIsMerged() {
        Record a = item("Editorial", "Te'eni, Dov", 2015, "European Journal of Information Systems", "24", "3", "241-242")
                .build();
        Record b = item("Editorial", "Te'eni, D.", 2015, "Eur J Inf Syst", "24", "3", "241-2").build();
        assertThat(clusters(a, b)).isEqualTo(1);
    }

    @Test
    void aSharedDoiMergesAnEditorialWhateverItsIssueField() {
        Record a = item("Editor's comments", "Rai, Arun", 2017, "MIS Quarterly", "41", "2", null)
                .doi("10.25300/MISQ/2017/41.2.01").build();
        Record b = item("Editor's comments", "Rai, A.", 2017, "MIS Q", "41", "2-3", null)
                .doi("https://doi.org/10.25300/misq/2017/41.2.01").build();
        assertThat(clusters(a, b)).isEqualTo(1);
    }

    @Test
    void anEditorialWithoutAPlaceIsAMaybeNotAMerge() {
        Record a = item("Editor's comments", "Rai, Arun", 2017, "MIS Quarterly", "41", "1", null).build();
        Record b = item("Editor's comments", "Rai, Arun", 2017, "MIS Quarterly", "41", null, null).build();
        DedupResult r = Deduplicator.run(List.of(a, b));
        assertThat(r.clusterCount()).isEqualTo(2);
        assertThat(r.maybes()).singleElement()
                .satisfies(p -> assertThat(p.judgement().rule()).isEqualTo("guard:recurring-item-unplaced"));
    }

    @Test
    void headingsAreRecognisedOnlyWhenTheTitleIsNothingElse() {
        assertThat(RecurringItem.is("editor s comments")).isTrue();
        assertThat(RecurringItem.is("issue information")).isTrue();
        assertThat(RecurringItem.is("remarks from the editor")).isTrue();
        assertThat(RecurringItem.is("book reviews")).isTrue();
        assertThat(RecurringItem.is("editorial")).isTrue();
        assertThat(RecurringItem.is("editorial board 24 3")).isTrue();
        assertThat(RecurringItem.is("editorial the future of information systems research")).isFalse();
        assertThat(RecurringItem.is("letters of recommendation in residency selection")).isFalse();
    }
}
