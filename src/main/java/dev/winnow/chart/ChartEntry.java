package dev.winnow.chart;

import java.util.List;
import java.util.Map;

/**
 * One charting of one source, as stored: by whom, in which role (a reviewer's own charting, the
 * agreed consensus, or a verification), made with which form version, its answers and, per
 * answer, where in the full text it came from.
 */
public record ChartEntry(long id, long studyId, String reviewer, String role, int formVersion,
                         Map<String, Object> answers, Map<String, Location> locations, List<String> agreedBy,
                         String createdAt) {
}
