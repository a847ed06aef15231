package dev.winnow.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How two records compare field by field: the evidence every link and every "maybe" carries.
 * Similarities are 0..1; {@code null} means one side lacks the field. Agreements are
 * {@link Agreement#SAME}, {@link Agreement#DIFFERENT} or {@link Agreement#MISSING}.
 */
public record FieldComparison(
        Agreement doi, Agreement pmid, double title, double titleContainment, Double authors,
        Agreement firstAuthor, Integer yearGap, Agreement volume, Agreement page, Agreement journal,
        Double abstractOverlap) {

    /** Whether a field agrees. */
    public enum Agreement {
        SAME, DIFFERENT, MISSING;

        static Agreement of(boolean present, boolean same) {
            return !present ? MISSING : same ? SAME : DIFFERENT;
        }
    }

    /** The comparison as a flat map, for evidence JSON and the "maybe" queue. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doi", doi.name().toLowerCase());
        m.put("pmid", pmid.name().toLowerCase());
        m.put("title", round(title));
        m.put("titleContainment", round(titleContainment));
        m.put("authors", authors == null ? null : round(authors));
        m.put("firstAuthor", firstAuthor.name().toLowerCase());
        m.put("yearGap", yearGap);
        m.put("volume", volume.name().toLowerCase());
        m.put("page", page.name().toLowerCase());
        m.put("journal", journal.name().toLowerCase());
        m.put("abstract", abstractOverlap == null ? null : round(abstractOverlap));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
