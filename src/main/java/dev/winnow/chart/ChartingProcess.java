package dev.winnow.chart;

import java.util.Locale;

/** How a project charts: two reviewers independently then consensus, or one reviewer checked by another. */
public enum ChartingProcess {
    DUAL("dual"),
    SINGLE_WITH_VERIFICATION("single-with-verification");

    private final String id;

    ChartingProcess(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ChartingProcess parse(String text) {
        String t = text == null || text.isBlank() ? "dual" : text.strip().toLowerCase(Locale.ROOT);
        for (ChartingProcess p : values()) {
            if (p.id.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown charting process '" + text + "': expected dual or single-with-verification");
    }
}
