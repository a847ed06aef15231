package dev.winnow.protocol;

import dev.winnow.screen.StageName;
import java.util.List;

/**
 * How one screening stage runs.
 *
 * @param reviewersPerRecord how many reviewers decide each record (assignment "all"); 1 in pool mode
 * @param blinded            while true, a reviewer cannot see other reviewers' decisions
 * @param assignment         "all" (every record to N reviewers) or "pool" (records split among the team)
 * @param resolvers          who may resolve conflicts: "any-reviewer", "owner" (project owners) or usernames
 * @param exclusionReasons   the reasons a reviewer picks from when excluding (required at full text)
 */
public record StageRules(StageName name, Integer reviewersPerRecord, Boolean blinded, String assignment,
                         List<String> resolvers, List<String> exclusionReasons) {
    public static final String ANY_REVIEWER = "any-reviewer";
    public static final String OWNER = "owner";

    public StageRules {
        reviewersPerRecord = reviewersPerRecord == null ? 2 : reviewersPerRecord;
        blinded = blinded == null || blinded;
        assignment = assignment == null ? "all" : assignment.strip();
        resolvers = resolvers == null || resolvers.isEmpty() ? List.of(ANY_REVIEWER) : List.copyOf(resolvers);
        exclusionReasons = exclusionReasons == null ? List.of() : List.copyOf(exclusionReasons);
    }

    /** The rules a stage has before any protocol is saved: 2 reviewers, blinded, anyone may resolve. */
    public static StageRules defaults(StageName name) {
        return new StageRules(name, null, null, null, null, null);
    }

    public boolean pool() {
        return "pool".equals(assignment);
    }

    /** How many reviewers must decide a record before it has an outcome without a resolution. */
    public int requiredReviewers() {
        return pool() ? 1 : reviewersPerRecord;
    }
}
