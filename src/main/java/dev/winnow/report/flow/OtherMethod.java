package dev.winnow.report.flow;

import java.util.Locale;

/**
 * The kinds of "other methods" the PRISMA 2020 template names (websites, organisations, citation
 * searching), plus the included studies of a previous version of the review (which the updated-review
 * template shows in its own column), and anything else under the label the reviewer gave it.
 */
public enum OtherMethod {
    WEBSITES("Websites"), ORGANISATIONS("Organisations"), CITATION_SEARCHING("Citation searching"),
    PREVIOUS_REVIEW("Previous version of the review"), OTHER("Other");

    private final String label;

    OtherMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads the free text stored in {@code source.other_method}; unknown text is {@link #OTHER}. */
    public static OtherMethod of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        if (t.startsWith("website") || t.equals("web") || t.equals("web search")) {
            return WEBSITES;
        }
        if (t.startsWith("organisation") || t.startsWith("organization")) {
            return ORGANISATIONS;
        }
        if (t.startsWith("citation") || t.startsWith("reference list") || t.equals("snowballing")
                || t.equals("citations")) {
            return CITATION_SEARCHING;
        }
        if (t.startsWith("previous")) {
            return PREVIOUS_REVIEW;
        }
        return OTHER;
    }
}
