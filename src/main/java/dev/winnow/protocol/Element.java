package dev.winnow.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an eligibility criterion is about: JBI's PCC elements, plus the usual other limits. */
public enum Element {
    POPULATION, CONCEPT, CONTEXT, STUDY_TYPE, LANGUAGE, DATES, OTHER;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Element parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (Element e : values()) {
            if (e.label().equals(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a criterion element: expected one of "
                + Arrays.stream(values()).map(Element::label).collect(Collectors.joining(", ")));
    }
}
