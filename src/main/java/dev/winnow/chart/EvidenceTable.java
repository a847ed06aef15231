package dev.winnow.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The evidence table: one row per source, one column per field. A repeating group becomes one
 * column per subfield, its items joined by " | " in the same order in every column, so row i of
 * "components: name" lines up with row i of "components: category".
 */
public final class EvidenceTable {
    public static final String ITEM_SEPARATOR = " | ";

    private EvidenceTable() {
    }

    /** One charted source: a label (e.g. "Smith 2020") and its answers. */
    public record Row(String source, Map<String, Object> answers) {
    }

    public record Table(List<String> header, List<List<String>> rows) {
    }

    public static Table build(ChartingForm form, List<Row> sources) {
        List<String> header = new ArrayList<>();
        header.add("source");
        for (Field f : form.fields()) {
            if (f.type() == FieldType.GROUP) {
                for (Field sub : f.fields()) {
                    header.add(f.label() + ": " + sub.label());
                }
            } else {
                header.add(f.label());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Row r : sources) {
            List<String> cells = new ArrayList<>();
            cells.add(r.source());
            for (Field f : form.fields()) {
                Object v = r.answers().get(f.key());
                if (f.type() == FieldType.GROUP) {
                    List<?> items = v instanceof List<?> l ? l : List.of();
                    for (Field sub : f.fields()) {
                        List<String> parts = new ArrayList<>();
                        for (Object item : items) {
                            Object x = item instanceof Map<?, ?> m ? m.get(sub.key()) : null;
                            parts.add(text(x));
                        }
                        cells.add(items.isEmpty() ? "" : String.join(ITEM_SEPARATOR, parts));
                    }
                } else {
                    cells.add(text(v));
                }
            }
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(text(o)));
            return String.join("; ", parts);
        }
        return v.toString();
    }
}
