package dev.winnow.review;

import java.util.List;

/**
 * What a review's checklist is computed from: counts only, read from the database by
 * {@link ReviewStatusService}. Outcome counts are as the asking person may see them (blinding).
 *
 * @param awaitingDedup  source records not yet linked to a study (not screenable until deduplicated)
 * @param openMaybes     "maybe" pairs deduplication left for a person
 * @param protocolVersion 0 when no protocol was saved (the defaults apply)
 * @param screeners      team members who may screen (owners and reviewers)
 * @param reviewers      of those, members with the reviewer role
 */
public record ReviewFacts(String projectKey, long sources, long importFiles, long sourceRecords, long awaitingDedup,
                          long studies, long openMaybes, int protocolVersion, int criteria, boolean questionSet,
                          int screeners, int reviewers, List<StageFacts> stages, Pilot pilot, FullTexts fullTexts,
                          Charting charting, Report report) {

    /**
     * One screening stage.
     *
     * @param records      records screened at this stage (title/abstract: every study; full text: those included)
     * @param reviewersPerRecord how many reviewers the protocol wants on each record
     */
    public record StageFacts(String stage, long records, long included, long excluded, long conflicts,
                             long awaitingReviewer, long pending, long blinded, int reviewersPerRecord,
                             List<ReviewerCount> perReviewer) {
        public long decided() {
            return included + excluded;
        }
    }

    /** Records one reviewer decided at a stage. */
    public record ReviewerCount(String username, long records) {
    }

    /** Pilot rounds of the title/abstract stage: how many, whether one is open, the last closed one's agreement. */
    public record Pilot(int rounds, boolean open, Double lastPercent, Double lastTarget, Boolean lastMet) {
        public static final Pilot NONE = new Pilot(0, false, null, null, null);
    }

    /** Full texts of the records at the full-text stage. */
    public record FullTexts(long needed, long retrieved, long notRetrieved) {
    }

    /** Charting: whether a form is set, the studies to chart (included at full text) and those with final data. */
    public record Charting(boolean form, long toChart, long charted) {
    }

    /** Whether the PRISMA flow adds up, and if not its first problem. */
    public record Report(boolean consistent, String problem) {
    }
}
