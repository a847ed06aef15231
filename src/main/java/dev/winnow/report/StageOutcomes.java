package dev.winnow.report;

import dev.winnow.screen.Decision;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.Outcomes;
import dev.winnow.screen.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each study's outcome at one screening stage, by the screening package's own rules
 * ({@link Outcomes#derive}: the newest resolution decides, else the reviewers' newest decisions),
 * plus what PRISMA needs on top: whether a stopping rule, rather than a person, made the exclusion.
 * Pilot decisions do not count. Pure.
 */
public final class StageOutcomes {
    private StageOutcomes() {
    }

    /** A study's outcome and whether its deciding resolution was a stopping rule. */
    public record Result(Outcome outcome, boolean byStoppingRule) {
        public String primaryReason() {
            return outcome.reasons().isEmpty() ? null : outcome.reasons().getFirst();
        }
    }

    public static final String STOPPING_RULE = "stopping-rule";

    public static Map<Long, Result> derive(List<Decision> history, List<Resolution> resolutions, int required) {
        Map<Long, List<Decision>> byStudy = new LinkedHashMap<>();
        for (Decision d : history) {
            if (!"pilot".equals(d.origin())) {
                byStudy.computeIfAbsent(d.studyId(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<Long, Resolution> newestResolution = new HashMap<>();
        for (Resolution r : resolutions) {
            newestResolution.merge(r.studyId(), r, (a, b) -> a.id() > b.id() ? a : b);
            byStudy.computeIfAbsent(r.studyId(), k -> new ArrayList<>());
        }
        Map<Long, Result> out = new HashMap<>();
        byStudy.forEach((study, log) -> {
            Resolution latest = newestResolution.get(study);
            Outcome o = Outcomes.derive(study, Outcomes.newestPerReviewer(log), latest, Math.max(1, required));
            out.put(study, new Result(o, latest != null && STOPPING_RULE.equals(latest.method())));
        });
        return out;
    }
}
