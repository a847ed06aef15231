package dev.winnow.report;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.winnow.screen.Decision;
import dev.winnow.screen.Verdict;
import dev.winnow.store.Json;
import dev.winnow.store.ReportStore.ResolutionRow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each study's outcome at one screening stage, read from the append-only decision log and the
 * resolutions: the newest resolution decides; otherwise the newest decision of each reviewer
 * counts, and an outcome needs as many agreeing reviewers as the stage asks for (an imported
 * outcome, origin "import", decides alone). Pilot decisions do not count. Pure.
 */
public final class StageOutcomes {
    private StageOutcomes() {
    }

    public enum Kind { PENDING, INCLUDED, EXCLUDED }

    /** A study's outcome; {@code byStoppingRule} when a stopping rule, not a person, excluded it. */
    public record Outcome(Kind kind, boolean byStoppingRule, String reason) {
    }

    public static Map<Long, Outcome> derive(List<Decision> history, List<ResolutionRow> resolutions,
                                            int reviewersPerRecord) {
        Map<Long, Map<Long, Decision>> newest = new LinkedHashMap<>();
        for (Decision d : history) {
            if ("pilot".equals(d.origin())) {
                continue;
            }
            newest.computeIfAbsent(d.studyId(), k -> new LinkedHashMap<>()).put(d.userId(), d);
        }
        Map<Long, Outcome> out = new HashMap<>();
        newest.forEach((study, byUser) -> out.put(study, fromDecisions(byUser.values().stream().toList(),
                Math.max(1, reviewersPerRecord))));
        for (ResolutionRow r : resolutions) {
            Kind k = "include".equals(r.verdict()) ? Kind.INCLUDED : Kind.EXCLUDED;
            out.put(r.studyId(), new Outcome(k, "stopping-rule".equals(r.method()), firstReason(r.reasons())));
        }
        return out;
    }

    private static Outcome fromDecisions(List<Decision> latest, int needed) {
        for (Decision d : latest) {
            if ("import".equals(d.origin()) && d.verdict() != Verdict.MAYBE) {
                return new Outcome(d.verdict() == Verdict.INCLUDE ? Kind.INCLUDED : Kind.EXCLUDED, false,
                        d.reasons().isEmpty() ? null : d.reasons().getFirst());
            }
        }
        if (latest.size() < needed) {
            return new Outcome(Kind.PENDING, false, null);
        }
        Verdict first = latest.getFirst().verdict();
        boolean agree = first != Verdict.MAYBE && latest.stream().allMatch(d -> d.verdict() == first);
        if (!agree) {
            return new Outcome(Kind.PENDING, false, null);
        }
        String reason = latest.stream().flatMap(d -> d.reasons().stream()).findFirst().orElse(null);
        return new Outcome(first == Verdict.INCLUDE ? Kind.INCLUDED : Kind.EXCLUDED, false, reason);
    }

    static String firstReason(String reasonsJson) {
        if (reasonsJson == null || reasonsJson.isBlank()) {
            return null;
        }
        List<String> reasons = Json.read(reasonsJson, new TypeReference<List<String>>() { });
        return reasons.isEmpty() ? null : reasons.getFirst();
    }
}
