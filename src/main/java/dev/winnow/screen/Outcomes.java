package dev.winnow.screen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pure rules that turn decisions and resolutions into outcomes. */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * A record's outcome:
     * <ol>
     * <li>a resolution, when there is one, decides (its verdict and reasons);</li>
     * <li>no decisions: pending;</li>
     * <li>reviewers disagree, or any said maybe: conflict — once two have decided (or one, when the
     *     stage needs only one); with a single "maybe" and more reviewers due: awaiting reviewer;</li>
     * <li>all agree: included / excluded once the stage's required number decided, else awaiting reviewer.</li>
     * </ol>
     *
     * @param newest   the newest decision of each reviewer (pilot decisions left out)
     * @param latest   the newest resolution, or null
     * @param required reviewers the stage needs per record
     */
    public static Outcome derive(long studyId, Collection<Decision> newest, Resolution latest, int required) {
        if (latest != null) {
            return new Outcome(studyId, latest.verdict() == Verdict.INCLUDE ? Outcome.Status.INCLUDED
                    : Outcome.Status.EXCLUDED, latest.reasons(), true, newest.size());
        }
        if (newest.isEmpty()) {
            return new Outcome(studyId, Outcome.Status.PENDING, List.of(), false, 0);
        }
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        newest.forEach(d -> verdicts.add(d.verdict()));
        boolean disagree = verdicts.size() > 1 || verdicts.contains(Verdict.MAYBE);
        boolean enough = newest.size() >= required;
        if (disagree) {
            return new Outcome(studyId, newest.size() >= 2 || enough ? Outcome.Status.CONFLICT
                    : Outcome.Status.AWAITING_REVIEWER, List.of(), false, newest.size());
        }
        if (!enough) {
            return new Outcome(studyId, Outcome.Status.AWAITING_REVIEWER, List.of(), false, newest.size());
        }
        if (verdicts.contains(Verdict.INCLUDE)) {
            return new Outcome(studyId, Outcome.Status.INCLUDED, List.of(), false, newest.size());
        }
        List<String> reasons = new ArrayList<>();
        newest.forEach(d -> d.reasons().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add));
        return new Outcome(studyId, Outcome.Status.EXCLUDED, reasons, false, newest.size());
    }

    /** The newest decision per reviewer, from a log in any order (ties broken by id). */
    public static List<Decision> newestPerReviewer(Collection<Decision> log) {
        Map<Long, Decision> byUser = new LinkedHashMap<>();
        log.stream().sorted(java.util.Comparator.comparingLong(Decision::id))
                .forEach(d -> byUser.put(d.userId(), d));
        return List.copyOf(byUser.values());
    }
}
