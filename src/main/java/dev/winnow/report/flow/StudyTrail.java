package dev.winnow.report.flow;

/**
 * What happened to one study record (the deduplicated unit; PRISMA calls it a record at screening
 * and a report at full text) on its way through the review.
 *
 * @param studyId          the study record's id
 * @param group            study records that are reports of the same study share a group (by default the id itself)
 * @param databaseRecords  how many of its source records came from databases
 * @param registerRecords  … from registers
 * @param otherRecords     … from other methods (websites, organisations, citation searching, …)
 * @param previousRecords  … from the included studies of the previous version of the review
 * @param removal          removed before screening, and why
 * @param screening        the title/abstract outcome
 * @param retrieval        whether its full text was sought and found
 * @param eligibility      the full-text outcome
 * @param exclusionReason  the (first) reason for a full-text exclusion, or null
 */
public record StudyTrail(long studyId, long group, int databaseRecords, int registerRecords, int otherRecords,
                         int previousRecords, Removal removal, Screening screening, Retrieval retrieval,
                         Eligibility eligibility, String exclusionReason) {

    /** Removed before screening (PRISMA 2020's "Records removed before screening" box, besides duplicates). */
    public enum Removal { NONE, AUTOMATION, OTHER_REASON }

    /** The title/abstract outcome. PENDING: decisions exist but no outcome yet (too few, or a conflict). */
    public enum Screening {
        NOT_SCREENED, PENDING, INCLUDED, EXCLUDED_BY_REVIEWERS, EXCLUDED_BY_STOPPING_RULE;

        boolean decided() {
            return this == INCLUDED || excluded();
        }

        boolean excluded() {
            return this == EXCLUDED_BY_REVIEWERS || this == EXCLUDED_BY_STOPPING_RULE;
        }
    }

    /** Full-text retrieval: the newest state recorded. */
    public enum Retrieval { NOT_SOUGHT, SOUGHT, RETRIEVED, NOT_RETRIEVED }

    /** The full-text outcome. PENDING: decisions exist but no outcome yet. */
    public enum Eligibility {
        NOT_ASSESSED, PENDING, INCLUDED, EXCLUDED;

        boolean decided() {
            return this == INCLUDED || this == EXCLUDED;
        }
    }

    /** A study found in databases, screened, and then taken through full text as given. */
    public static StudyTrail fromDatabase(long id, Screening screening, Retrieval retrieval, Eligibility eligibility,
                                          String reason) {
        return new StudyTrail(id, id, 1, 0, 0, 0, Removal.NONE, screening, retrieval, eligibility, reason);
    }

    public StudyTrail withRecords(int database, int register, int other, int previous) {
        return new StudyTrail(studyId, group, database, register, other, previous, removal, screening, retrieval,
                eligibility, exclusionReason);
    }

    public StudyTrail inGroup(long g) {
        return new StudyTrail(studyId, g, databaseRecords, registerRecords, otherRecords, previousRecords, removal,
                screening, retrieval, eligibility, exclusionReason);
    }

    public StudyTrail removed(Removal r) {
        return new StudyTrail(studyId, group, databaseRecords, registerRecords, otherRecords, previousRecords, r,
                screening, retrieval, eligibility, exclusionReason);
    }

    boolean previous() {
        return previousRecords > 0;
    }

    boolean inDatabaseColumn() {
        return !previous() && databaseRecords + registerRecords > 0;
    }

    boolean inOtherColumn() {
        return !previous() && databaseRecords + registerRecords == 0 && otherRecords > 0;
    }
}
