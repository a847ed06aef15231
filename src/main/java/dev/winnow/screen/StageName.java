package dev.winnow.screen;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.winnow.UserError;
import java.util.Locale;

/** The two screening stages, in order: title and abstract, then full text for what passed. */
public enum StageName {
    TITLE_ABSTRACT("title-abstract"), FULL_TEXT("full-text");

    private final String label;

    StageName(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static StageName parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        return switch (t) {
            case "title-abstract", "ta", "tiab", "title-and-abstract", "abstract" -> TITLE_ABSTRACT;
            case "full-text", "ft", "fulltext" -> FULL_TEXT;
            default -> throw new UserError("'" + text + "' is not a stage: expected title-abstract or full-text");
        };
    }
}
