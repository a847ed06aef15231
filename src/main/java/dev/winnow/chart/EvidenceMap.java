package dev.winnow.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evidence map: which sources report which categories of one categorical field (a choice,
 * yes/no/unclear or country field, or such a subfield of a repeating group, e.g.
 * "components.category"). Cells count how often a source reports the category; totals per row
 * and column.
 */
public record EvidenceMap(String field, String label, List<String> sources, List<String> categories, int[][] counts) {

    public static EvidenceMap build(ChartingForm form, String fieldPath, List<EvidenceTable.Row> rows) {
        Field field = form.field(fieldPath);
        if (field == null) {
            throw new dev.winnow.UserError("the form '" + form.name() + "' has no field '" + fieldPath + "'; "
                    + "categorical fields: " + String.join(", ", categoricalPaths(form)));
        }
        if (!field.type().categorical()) {
            throw new dev.winnow.UserError("'" + fieldPath + "' is a " + field.type().id() + " field; an evidence map "
                    + "needs a categorical one: " + String.join(", ", categoricalPaths(form)));
        }
        Set<String> cats = new LinkedHashSet<>(field.type() == FieldType.YES_NO_UNCLEAR
                ? List.of("yes", "no", "unclear") : field.options());
        List<Map<String, Integer>> perSource = new ArrayList<>();
        for (EvidenceTable.Row r : rows) {
            Map<String, Integer> c = new LinkedHashMap<>();
            for (Object v : values(fieldPath, r.answers())) {
                String s = v.toString();
                cats.add(s);
                c.merge(s, 1, Integer::sum);
            }
            perSource.add(c);
        }
        List<String> categories = new ArrayList<>(cats);
        int[][] counts = new int[rows.size()][categories.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < categories.size(); j++) {
                counts[i][j] = perSource.get(i).getOrDefault(categories.get(j), 0);
            }
        }
        List<String> sources = rows.stream().map(EvidenceTable.Row::source).toList();
        String label = fieldPath.contains(".")
                ? form.field(fieldPath.substring(0, fieldPath.indexOf('.'))).label() + ": " + field.label()
                : field.label();
        return new EvidenceMap(fieldPath, label, sources, categories, counts);
    }

    /** The answers at a path, flattened (a group subfield gives one value per item; multiple choice one per pick). */
    static List<Object> values(String path, Map<String, Object> answers) {
        List<Object> out = new ArrayList<>();
        int dot = path.indexOf('.');
        if (dot < 0) {
            flatten(answers.get(path), out);
        } else if (answers.get(path.substring(0, dot)) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    flatten(m.get(path.substring(dot + 1)), out);
                }
            }
        }
        return out;
    }

    private static void flatten(Object v, List<Object> out) {
        if (v instanceof List<?> l) {
            l.forEach(x -> flatten(x, out));
        } else if (v != null) {
            out.add(v);
        }
    }

    public static List<String> categoricalPaths(ChartingForm form) {
        List<String> out = new ArrayList<>();
        for (Field f : form.fields()) {
            if (f.type().categorical()) {
                out.add(f.key());
            }
            if (f.type() == FieldType.GROUP) {
                for (Field s : f.fields()) {
                    if (s.type().categorical()) {
                        out.add(f.key() + "." + s.key());
                    }
                }
            }
        }
        return out;
    }

    public int rowTotal(int row) {
        int t = 0;
        for (int c : counts[row]) {
            t += c > 0 ? 1 : 0;
        }
        return t;
    }

    /** How many sources report the category. */
    public int columnTotal(int col) {
        int t = 0;
        for (int[] row : counts) {
            t += row[col] > 0 ? 1 : 0;
        }
        return t;
    }
}
