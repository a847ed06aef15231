package dev.winnow.screen;

import dev.winnow.record.Record;
import java.util.Optional;

/**
 * Finds the study record that a record from elsewhere (an imported decision row, an entry of an
 * included-records file) describes. {@link KeyMatcher} matches on identifiers and normalised keys;
 * the deduplication engine can provide a fuzzier implementation behind this same interface.
 */
public interface StudyMatcher {

    /** A match: the study and the rule that found it ("doi", "pmid", "title+year+author", …). */
    record Match(long studyId, String rule) {
    }

    /** The study this record is; empty when none (or when several match equally). */
    Optional<Match> match(Record record);

    /** Why the last {@link #match} of this record failed, for the list of unmatched rows. */
    default String whyNot(Record record) {
        return "no study record with the same DOI, PMID or title";
    }
}
