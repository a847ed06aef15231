package dev.winnow.chart;

import java.util.Locale;

/** The kinds of question a charting form asks. */
public enum FieldType {
    TEXT("text"),
    LONG_TEXT("long-text"),
    NUMBER("number"),
    DATE("date"),
    SINGLE_CHOICE("single-choice"),
    MULTIPLE_CHOICE("multiple-choice"),
    YES_NO_UNCLEAR("yes-no-unclear"),
    COUNTRY("country"),
    GROUP("group");

    private final String id;

    FieldType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for fields whose answers fall into named categories (an evidence map can use them). */
    public boolean categorical() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == YES_NO_UNCLEAR || this == COUNTRY;
    }

    public static FieldType parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (FieldType f : values()) {
            if (f.id.equals(t)) {
                return f;
            }
        }
        if (t.equals("repeating-group") || t.equals("repeat")) {
            return GROUP;
        }
        throw new IllegalArgumentException("unknown field type '" + text + "': expected text, long-text, number, date, "
                + "single-choice, multiple-choice, yes-no-unclear, country or group");
    }
}
