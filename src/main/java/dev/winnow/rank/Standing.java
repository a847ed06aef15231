package dev.winnow.rank;

import dev.winnow.rank.stop.ConsecutiveIrrelevant;
import dev.winnow.rank.stop.HypergeometricStop;
import dev.winnow.rank.stop.StoppingRule;
import dev.winnow.screen.StageName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one reviewer's screening stands at one stage: the ranked order last computed for them and
 * the pre-registered stopping rule's estimate, in figures and in words a reviewer can act on.
 * Built only from that reviewer's own decisions and the resolved outcomes (blinding).
 *
 * @param order          open study ids, best first (empty at full text: record order there)
 * @param ranked         false while the labels hold only one class (record order)
 * @param trainingLabels labels the model learnt from (own decisions and resolved outcomes)
 * @param irrelevantInARow irrelevant records at the end of the reviewer's sequence (for the heuristic)
 * @param rule           the stopping rule applied (null at full text)
 * @param estimate       its verdict (null at full text)
 * @param ruleNote       set when the protocol's rule could not be read and the default was used
 * @param millis         how long the computation took
 */
public record Standing(long projectId, long stageId, long userId, StageName stage, List<Long> order, boolean ranked,
                       int trainingLabels, int screened, int relevantFound, int irrelevantInARow, int total,
                       StoppingRule rule,
                       StoppingRule.Estimate estimate, String ruleNote, Instant computedAt, long millis) {

    /** The order line when nothing was computed yet for this reviewer. */
    public static final String COMPUTING = "Record order for now (the ranking is being computed)";

    /** How the records are ordered, in a phrase. */
    public String orderLine() {
        if (stage == StageName.FULL_TEXT) {
            return "Record order (ranking is used at title/abstract only)";
        }
        if (!ranked) {
            return "Record order (ranking starts after your first include and first exclude)";
        }
        return "Ranked by likely relevance (model of " + trainingLabels + " decision" + (trainingLabels == 1 ? "" : "s")
                + ": yours and resolved records)";
    }

    /** The stopping rule's estimate in words: figures, the verdict, and heuristics labelled as such. */
    public String estimateLine() {
        return estimateLine(false);
    }

    /**
     * The estimate in words for a page that also says whether the reviewer's queue is empty
     * ({@code queueEmpty}): then it never tells them to keep screening — what is left is with other
     * reviewers or settled.
     */
    public String estimateLine(boolean queueEmpty) {
        if (estimate == null) {
            return "";
        }
        if (total == 0) {
            return "No records to screen yet: the estimate starts with your first decisions.";
        }
        StringBuilder b = new StringBuilder();
        if (ruleNote != null) {
            b.append(ruleNote).append(". ");
        }
        b.append("You have screened ").append(screened).append(" of ").append(total).append(" records; ")
                .append(relevantFound).append(" relevant found (includes and maybes).");
        if (screened >= total) {
            return b.append(" You have screened every record.").toString();
        }
        if (rule instanceof HypergeometricStop h) {
            int confidence = percent(h.confidence());
            int target = percent(h.target());
            if (screened == 0) {
                return b.append(" No estimate before your first decisions.").toString();
            }
            b.append(" With ").append(confidence).append("% confidence at most ").append(estimate.maxRelevantLeft())
                    .append(estimate.maxRelevantLeft() == 1 ? " relevant record remains" : " relevant records remain")
                    .append(" unscreened.");
            if (estimate.stop()) {
                b.append(" You may stop: with ").append(confidence).append("% confidence you have found at least ")
                        .append(target).append("% of the relevant records (").append(p(estimate.pValue()))
                        .append(", the pre-registered rule).");
            } else if (queueEmpty) {
                b.append(" ").append(target).append("% recall is not yet shown at ").append(confidence)
                        .append("% confidence (").append(p(estimate.pValue())).append("); the records you have not "
                        + "screened are with other reviewers or settled, so nothing is left in your queue.");
            } else {
                b.append(" Keep screening: ").append(target).append("% recall is not yet shown at ")
                        .append(confidence).append("% confidence (").append(p(estimate.pValue())).append(").");
            }
            return b.toString();
        }
        if (rule instanceof ConsecutiveIrrelevant c) {
            b.append(" Heuristic, no statistical guarantee: ").append(irrelevantInARow).append(" irrelevant in a row; the rule stops at ")
                    .append(c.k()).append(".").append(estimate.stop() ? " By this heuristic you may stop."
                            : queueEmpty ? " Nothing is left in your queue." : " Keep screening.");
            return b.toString();
        }
        return b.append(' ').append(estimate.says()).toString();
    }

    /** The figures for the API and {@code --json}: no text a client has to parse. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", stage.label());
        m.put("order", ranked ? "ranked" : "record");
        m.put("orderText", orderLine());
        m.put("trainingLabels", trainingLabels);
        m.put("screened", screened);
        m.put("relevantFound", relevantFound);
        m.put("irrelevantInARow", irrelevantInARow);
        m.put("total", total);
        if (estimate != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("rule", estimate.rule());
            e.put("heuristic", estimate.heuristic());
            e.put("stop", estimate.stop());
            e.put("pValue", Double.isNaN(estimate.pValue()) ? null : estimate.pValue());
            e.put("maxRelevantLeft", estimate.maxRelevantLeft() < 0 ? null : estimate.maxRelevantLeft());
            if (rule instanceof HypergeometricStop h) {
                e.put("targetRecall", h.target());
                e.put("confidence", h.confidence());
            }
            e.put("text", estimateLine());
            m.put("stopping", e);
        } else {
            m.put("stopping", null);
        }
        m.put("computedAt", computedAt.toString());
        m.put("computeMillis", millis);
        return m;
    }

    private static int percent(double share) {
        return (int) Math.round(share * 100);
    }

    private static String p(double p) {
        return p < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", p);
    }
}
