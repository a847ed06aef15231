package dev.winnow.screen;

import java.util.List;

/**
 * A record's outcome at a stage, DERIVED from the newest decision of each reviewer and the newest
 * resolution (never stored). See {@link Outcomes#derive}.
 *
 * @param reasons   exclusion reasons (from the resolution, else the excluding reviewers'), first = primary
 * @param resolved  true when a resolution (consensus, third reviewer, imported outcome) set it
 * @param decisions how many reviewers decided (0 when {@link Status#BLINDED})
 */
public record Outcome(long studyId, Status status, List<String> reasons, boolean resolved, int decisions) {

    public enum Status {
        /** Passed this stage (agreed include, or resolved to include). */
        INCLUDED,
        /** Excluded at this stage (agreed exclude, or resolved to exclude). */
        EXCLUDED,
        /** Reviewers disagree (a "maybe" counts as disagreement): needs a resolution. */
        CONFLICT,
        /** Nobody decided yet. */
        PENDING,
        /** Decided by fewer reviewers than the stage requires, none disagreeing yet. */
        AWAITING_REVIEWER,
        /** Hidden from this viewer while the stage is blinded (the viewer may see only their own decision). */
        BLINDED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public Outcome {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean isFinal() {
        return status == Status.INCLUDED || status == Status.EXCLUDED;
    }
}
