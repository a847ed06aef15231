package dev.winnow.chart;

import java.util.List;

/**
 * One question on a charting form. A {@link FieldType#GROUP} field is a repeating group: each answer
 * is a list of items, each item answering the group's {@code fields} (e.g. a care model's
 * components: name, category, description, supporting quote, page).
 */
public record Field(String key, String label, FieldType type, String help, boolean required,
                    List<String> options, List<Field> fields) {
    public Field {
        options = options == null ? List.of() : List.copyOf(options);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The subfield of a group with this key, or null. */
    public Field subfield(String subKey) {
        for (Field f : fields) {
            if (f.key().equals(subKey)) {
                return f;
            }
        }
        return null;
    }
}
