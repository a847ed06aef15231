package dev.winnow.screen;

import java.util.List;

/**
 * How a conflict was settled, as stored (append-only; the newest per record counts). {@code method}:
 * consensus, third-reviewer, outcome-import (a replayed review's final outcome) or stopping-rule.
 */
public record Resolution(long id, long stageId, long studyId, Long userId, Verdict verdict, String method,
                         List<String> reasons, String note, String resolvedAt) {
    public static final String CONSENSUS = "consensus";
    public static final String THIRD_REVIEWER = "third-reviewer";
    public static final String OUTCOME_IMPORT = "outcome-import";
}
