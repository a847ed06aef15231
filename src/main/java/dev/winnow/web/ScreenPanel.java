package dev.winnow.web;

import dev.winnow.protocol.Criterion;
import dev.winnow.screen.Decision;
import dev.winnow.screen.StageName;
import java.util.List;

/**
 * One record on the screening page, ready to render: its fields with terms marked (already
 * escaped, see {@link Highlighter}), the protocol's criteria and reasons, and what this reviewer
 * decided on it before (blinding: never anyone else's decision). {@code record} is null when the
 * reviewer's queue is empty; {@code closed} says why the stage is closed to them for now (blinding), else
 * is empty.
 */
public record ScreenPanel(String base, StageName stage, RecordView record, String titleHtml, String abstractHtml,
                          List<String> keywordsHtml, List<Criterion> criteria, List<String> reasons, Decision previous,
                          String requestKey, boolean pilot, long decided, long total, String message, RankLine rank,
                          String closed) {

    /** The active-learning view: where this record sits in the ranking and the stopping rule's estimate. */
    public record RankLine(String order, String estimate) {
    }

    public String stagePath() {
        return base + "/screen/" + stage.label();
    }

    public boolean hadReason(String reason) {
        return previous != null && previous.reasons().stream().anyMatch(r -> r.equalsIgnoreCase(reason));
    }

    public String criterionAnswer(String id) {
        return previous == null ? "" : previous.criteria().getOrDefault(id, "");
    }

    public String previousVerdict() {
        return previous == null ? "" : previous.verdict().label();
    }

    public int percent() {
        return total == 0 ? 0 : (int) Math.min(100, decided * 100 / total);
    }
}
