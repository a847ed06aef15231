package dev.winnow.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an entry's answers against its form and puts them in normal form: text stripped, numbers
 * as plain decimals, choices spelled as the form spells them, countries as English names, groups
 * as lists of items. Every problem is collected (not just the first) with the field it concerns.
 */
public final class EntryCheck {
    private EntryCheck() {
    }

    /** The normalised answers and the problems found (empty when the entry is fine). */
    public record Result(Map<String, Object> answers, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Result check(ChartingForm form, Map<String, ?> answers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Field> fields = form.fieldsByKey();
        for (String key : answers.keySet()) {
            if (!fields.containsKey(key)) {
                problems.add(new Problem(key, "not a field of the form '" + form.name() + "'"));
            }
        }
        for (Field f : form.fields()) {
            Object v = normalise(f, answers.get(f.key()), f.key(), problems);
            if (v != null) {
                out.put(f.key(), v);
            } else if (f.required()) {
                problems.add(new Problem(f.key(), "required (" + f.label() + ")"));
            }
        }
        return new Result(out, problems);
    }

    private static Object normalise(Field f, Object raw, String path, List<Problem> problems) {
        if (raw == null || raw instanceof String s && s.isBlank() || raw instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        switch (f.type()) {
            case TEXT, LONG_TEXT -> {
                if (raw instanceof Map || raw instanceof Collection) {
                    problems.add(new Problem(path, "expected text"));
                    return null;
                }
                return raw.toString().strip();
            }
            case NUMBER -> {
                try {
                    BigDecimal n = new BigDecimal(raw.toString().strip().replace(",", "")).stripTrailingZeros();
                    if (n.precision() - n.scale() > 15 || n.scale() > 10) {
                        problems.add(new Problem(path, "expected a number of at most 15 digits before the decimal point "
                                + "and 10 after, not '" + raw + "'"));
                        return null;
                    }
                    return n.toPlainString();
                } catch (NumberFormatException e) {
                    problems.add(new Problem(path, "expected a number, not '" + raw + "'"));
                    return null;
                }
            }
            case DATE -> {
                String s = raw.toString().strip();
                if (!s.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?")) {
                    problems.add(new Problem(path, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + s + "'"));
                    return null;
                }
                return s;
            }
            case SINGLE_CHOICE -> {
                return choice(f, raw, path, problems);
            }
            case MULTIPLE_CHOICE -> {
                List<String> picked = new ArrayList<>();
                for (Object o : raw instanceof Collection<?> c ? c : List.of(raw)) {
                    String ch = choice(f, o, path, problems);
                    if (ch != null && !picked.contains(ch)) {
                        picked.add(ch);
                    }
                }
                return picked.isEmpty() ? null : picked;
            }
            case YES_NO_UNCLEAR -> {
                String s = raw.toString().strip().toLowerCase(Locale.ROOT);
                return switch (s) {
                    case "yes", "y", "true" -> "yes";
                    case "no", "n", "false" -> "no";
                    case "unclear", "u", "not reported", "?" -> "unclear";
                    default -> {
                        problems.add(new Problem(path, "expected yes, no or unclear, not '" + raw + "'"));
                        yield null;
                    }
                };
            }
            case COUNTRY -> {
                String c = Countries.normalise(raw.toString());
                if (c == null) {
                    problems.add(new Problem(path, "'" + raw + "' is not a country (use a name or an ISO code)"));
                }
                return c;
            }
            case GROUP -> {
                if (!(raw instanceof Collection<?> items)) {
                    problems.add(new Problem(path, "expected a list of items"));
                    return null;
                }
                List<Map<String, Object>> out = new ArrayList<>();
                int i = 0;
                for (Object item : items) {
                    i++;
                    String at = path + "[" + i + "]";
                    if (!(item instanceof Map<?, ?> m)) {
                        problems.add(new Problem(at, "expected an item with " + subKeys(f)));
                        continue;
                    }
                    Map<String, Object> norm = new LinkedHashMap<>();
                    for (Object k : m.keySet()) {
                        if (f.subfield(String.valueOf(k)) == null) {
                            problems.add(new Problem(at + "." + k, "not a field of the group '" + f.key() + "'"));
                        }
                    }
                    for (Field sub : f.fields()) {
                        Object v = normalise(sub, m.get(sub.key()), at + "." + sub.key(), problems);
                        if (v != null) {
                            norm.put(sub.key(), v);
                        } else if (sub.required()) {
                            problems.add(new Problem(at + "." + sub.key(), "required (" + sub.label() + ")"));
                        }
                    }
                    if (!norm.isEmpty()) {
                        out.add(norm);
                    }
                }
                return out.isEmpty() ? null : out;
            }
            default -> throw new IllegalStateException("unhandled field type " + f.type());
        }
    }

    private static String choice(Field f, Object raw, String path, List<Problem> problems) {
        String s = raw == null ? "" : raw.toString().strip();
        for (String o : f.options()) {
            if (o.equalsIgnoreCase(s)) {
                return o;
            }
        }
        problems.add(new Problem(path, "'" + s + "' is not one of the options: " + String.join(", ", f.options())));
        return null;
    }

    private static String subKeys(Field group) {
        return String.join(", ", group.fields().stream().map(Field::key).toList());
    }
}
