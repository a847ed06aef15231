package dev.winnow.rank.stop;

/** Says whether screening may stop, from the labels in screening order. */
public interface StoppingRule {
    /** The rule's verdict after the first {@code n} of {@code labels} (screening order) of {@code total} records. */
    Estimate evaluate(boolean[] labels, int n, int total);

    String name();

    /**
     * A stopping rule's verdict. {@code heuristic} rules give no statistical guarantee;
     * {@code pValue} and {@code maxRelevantLeft} are NaN / -1 when the rule does not compute them.
     */
    record Estimate(String rule, boolean heuristic, boolean stop, double pValue, int relevantFound, int screened,
                    int total, int maxRelevantLeft, String says) {
    }
}
