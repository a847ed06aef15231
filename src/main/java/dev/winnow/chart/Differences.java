package dev.winnow.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field-by-field differences between two entries for one source (dual charting). Repeating-group
 * items are paired by their first subfield (e.g. a component's name, compared case- and
 * space-blind), so the same items listed in another order are not a difference; an item one
 * reviewer listed and the other did not is reported as such.
 */
public final class Differences {
    private Differences() {
    }

    public static List<Difference> between(ChartingForm form, Map<String, ?> first, Map<String, ?> second) {
        List<Difference> out = new ArrayList<>();
        for (Field f : form.fields()) {
            Object a = first.get(f.key());
            Object b = second.get(f.key());
            if (f.type() == FieldType.GROUP) {
                groupDifferences(f, items(a), items(b), out);
            } else if (!same(f, a, b)) {
                out.add(new Difference(f.key(), f.label(), a, b));
            }
        }
        return out;
    }

    private static void groupDifferences(Field group, List<Map<String, Object>> a, List<Map<String, Object>> b,
                                         List<Difference> out) {
        String id = group.fields().get(0).key();
        Map<String, Map<String, Object>> byIdB = new LinkedHashMap<>();
        for (Map<String, Object> item : b) {
            byIdB.putIfAbsent(identity(item.get(id)), item);
        }
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> item : a) {
            String key = identity(item.get(id));
            seen.add(key);
            String path = group.key() + "[" + display(item.get(id)) + "]";
            Map<String, Object> other = byIdB.get(key);
            if (other == null) {
                out.add(new Difference(path, group.label(), item, null));
                continue;
            }
            for (Field sub : group.fields().subList(1, group.fields().size())) {
                if (!same(sub, item.get(sub.key()), other.get(sub.key()))) {
                    out.add(new Difference(path + "." + sub.key(), group.label() + ": " + sub.label(),
                            item.get(sub.key()), other.get(sub.key())));
                }
            }
        }
        for (Map<String, Object> item : b) {
            if (!seen.contains(identity(item.get(id)))) {
                out.add(new Difference(group.key() + "[" + display(item.get(id)) + "]", group.label(), null, item));
            }
        }
    }

    private static boolean same(Field f, Object a, Object b) {
        if (f.type() == FieldType.MULTIPLE_CHOICE && a instanceof List<?> x && b instanceof List<?> y) {
            return new HashSet<>(x).equals(new HashSet<>(y));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.strip().replaceAll("\\s+", " ").equals(y.strip().replaceAll("\\s+", " "));
        }
        return Objects.equals(a, b);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object v) {
        if (v instanceof List<?> l) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
            return out;
        }
        return List.of();
    }

    private static String identity(Object v) {
        return v == null ? "" : v.toString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String display(Object v) {
        return v == null ? "?" : v.toString().strip();
    }
}
