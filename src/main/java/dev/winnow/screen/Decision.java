package dev.winnow.screen;

import java.util.List;
import java.util.Map;

/**
 * One reviewer's decision on one study record at one stage, as stored: append-only. A change of
 * mind is a newer decision by the same reviewer; the newest counts.
 */
public record Decision(
        long id, long stageId, long studyId, long userId, Verdict verdict, List<String> reasons,
        Map<String, String> criteria, String note, Integer secondsTaken, String origin, String decidedAt) {
}
