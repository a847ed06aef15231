package dev.winnow.ingest.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What spreadsheet cells hold besides plain text: lists ("a; b", "a|b", Python's "['a', 'b']" as
 * pandas writes them), whole numbers written as floats ("1999.0"), years inside dates ("2014//").
 */
final class CellValues {
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|20\\d\\d)(?!\\d)");
    private static final Pattern FLOAT_WHOLE = Pattern.compile("(\\d+)\\.0+");
    private static final Pattern PY_ITEM = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

    private CellValues() {
    }

    /** The first plausible year in a cell (1500–2099), or null. */
    static Integer year(String cell) {
        if (cell == null) {
            return null;
        }
        Matcher m = YEAR.matcher(cell);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** "7.0" → "7" (pandas writes whole numbers of a column with gaps as floats); else as given. */
    static String whole(String cell) {
        if (cell == null) {
            return null;
        }
        String s = cell.strip();
        Matcher m = FLOAT_WHOLE.matcher(s);
        return m.matches() ? m.group(1) : s;
    }

    /** The items of a Python list literal ("['a', \"b\"]"), or null when the cell is not one. */
    static List<String> pythonList(String cell) {
        String s = cell.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            return null;
        }
        String inner = s.substring(1, s.length() - 1).strip();
        List<String> out = new ArrayList<>();
        if (inner.isEmpty()) {
            return out;
        }
        Matcher m = PY_ITEM.matcher(inner);
        int at = 0;
        while (m.find()) {
            if (!inner.substring(at, m.start()).replaceAll("[\\s,]", "").isEmpty()) {
                return null; // something other than quoted items and commas: not a list literal
            }
            String item = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(item.replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\"));
            at = m.end();
        }
        if (!inner.substring(at).replaceAll("[\\s,]", "").isEmpty()) {
            return null;
        }
        return out;
    }

    /** A cell holding a list separated by any of {@code separators} (a regex class), or a Python list. */
    static List<String> split(String cell, String separatorRegex) {
        List<String> py = pythonList(cell);
        List<String> out = new ArrayList<>();
        for (String part : py != null ? py : List.of(cell.split(separatorRegex))) {
            String t = part.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
