package dev.winnow.screen;

import java.util.Locale;

/** A reviewer's call on one record at one stage. */
public enum Verdict {
    INCLUDE, EXCLUDE, MAYBE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "include", "included", "i", "yes", "1", "true" -> INCLUDE;
            case "exclude", "excluded", "e", "no", "0", "false" -> EXCLUDE;
            case "maybe", "m", "unsure", "undecided", "?" -> MAYBE;
            default -> throw new IllegalArgumentException(
                    "'" + text + "' is not a decision: expected include, exclude or maybe");
        };
    }
}
