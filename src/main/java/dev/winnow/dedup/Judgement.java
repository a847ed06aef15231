package dev.winnow.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the rules concluded about one pair: the verdict, the name of the rule that decided it
 * (or of the guard that stopped a merge), and the field comparison behind it.
 */
public record Judgement(Verdict verdict, String rule, FieldComparison fields) {

    /** The outcomes of comparing two records. */
    public enum Verdict {
        /** The same publication: merged into one study. */
        DUPLICATE,
        /** Possibly the same: not merged, queued for a person. */
        MAYBE,
        /** Different publications of one study (abstract and article, erratum and article, protocol and results, review update). */
        RELATED,
        /** Nothing to say. */
        DISTINCT
    }

    /** Rule plus field comparison (and for a "maybe", its likelihood and reason: {@link MaybeQueue}), as stored in {@code study_link.evidence} and {@code dedup_pair.evidence}. */
    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", rule);
        m.put("verdict", verdict.name().toLowerCase());
        if (fields != null) {
            m.put("fields", fields.toMap());
        }
        if (verdict == Verdict.MAYBE) {
            m.put("likelihood", Math.round(MaybeQueue.likelihood(this) * 1000) / 1000.0);
            m.put("reason", MaybeQueue.reason(this));
        }
        return m;
    }
}
