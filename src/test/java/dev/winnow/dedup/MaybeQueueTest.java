package dev.winnow.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "maybe" queue: most likely first, a reason for each pair, and at most 5% of the records. */
class MaybeQueueTest {

    private static Record article(String title, String authors, int year, String volume, String pages) {
        return article(title, authors, year, "Journal of Clinical Nursing", volume, pages);
    }

    private static Record article(String title, String authors, int year, String journal, String volume, String pages) {
        Record.Builder b = Record.builder().type(RecordType.JOURNAL_ARTICLE).title(title).year(year)
                .journal(journal).volume(volume).pages(pages);
        for (String a : authors.split(";")) {
            b.author(AuthorNames.parse(a));
        }
        return b.build();
    }

    @Test
    void theLikelierPairComesFirstAndEachSaysWhyItIsUncertain() {
        String t1 = "Nurse-led follow-up after discharge for patients with heart failure: a randomised trial";
        String t2 = "Family presence during resuscitation in the emergency department: a survey of nurses";
        List<Record> records = new ArrayList<>();
        // same title and authors a year apart, no journal, volume or page on one side: similar, nothing to confirm
        records.add(article(t1, "Marsh, Olivia;Quinn, Declan", 2016, "25", "1021-1030"));
        records.add(article(t1 + ".", "Marsh, O.;Quinn, D.", 2017, null, null, null));
        // same title and authors but other first pages and volumes: far less likely one article
        records.add(article(t2, "Ferreira, Ana;Holm, Nils", 2014, "23", "1711-1720"));
        records.add(article(t2, "Ferreira, A.;Holm, N.", 2015, "24", "88-97"));
        for (int i = 0; i < 36; i++) {
            records.add(article("Unrelated study number " + i + " of pressure ulcer prevention in care homes",
                    "Author" + (char) ('a' + i % 26) + ", Z.", 2010 + i % 5, "9", String.valueOf(100 + 20 * i)));
        }
        DedupResult r = Deduplicator.run(records);
        assertThat(r.maybes()).hasSize(2);
        DedupResult.Pair first = r.maybes().get(0);
        assertThat(List.of(first.a(), first.b())).containsExactly(0, 1);
        assertThat(MaybeQueue.likelihood(first.judgement()))
                .isGreaterThan(MaybeQueue.likelihood(r.maybes().get(1).judgement()));
        assertThat(MaybeQueue.reason(first.judgement())).contains("no identifier, volume or page").contains("Missing:");
        assertThat(MaybeQueue.reason(r.maybes().get(1).judgement())).contains("Differ:").contains("volume");
    }

    @Test
    void theQueueHoldsAtMostOnePairPerTwentyRecordsKeepingTheLikeliest() {
        List<Record> records = new ArrayList<>();
        String[] topics = {"music therapy on agitation in dementia", "early mobilisation after hip fracture surgery",
            "chlorhexidine bathing against central line infections", "telephone coaching for type 2 diabetes",
            "hourly rounding and inpatient falls", "oral care protocols and ventilator pneumonia",
            "warm compresses for peripheral cannulation", "aromatherapy for postoperative nausea",
            "bedside handover and medication errors", "peer support for new graduate nurses"};
        for (int i = 0; i < topics.length; i++) {
            String t = "Effect of " + topics[i] + ": a pragmatic study";
            records.add(article(t, "Lindgren, Sara;Ochoa, Pablo", 2012, "21", String.valueOf(300 + 10 * i)));
            records.add(article(t, "Lindgren, S.;Ochoa, P.", 2012, "21", String.valueOf(900 + 10 * i)));
        }
        DedupResult r = Deduplicator.run(records);
        assertThat(MaybeQueue.bound(20)).isEqualTo(1);
        assertThat(r.maybes()).hasSize(1);
        assertThat(r.maybesBeyondBound()).isEqualTo(9);
        assertThat(MaybeQueue.bound(7159)).isEqualTo(357);
    }
}
