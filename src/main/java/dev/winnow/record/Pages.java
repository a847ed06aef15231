package dev.winnow.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page ranges as exports write them: "590-5", "590–595", "590-595", "S12-S15", "e1234",
 * "1234-e", "pp. 12-19", "12". {@link #parse(String)} expands abbreviated end pages so that
 * "590-5" and "590-595" compare equal.
 */
public final class Pages {
    private static final Pattern RANGE = Pattern.compile(
            "^(?:pp?\\.?\\s*)?([A-Za-z]{0,3})(\\d+)([A-Za-z]{0,2})\\s*(?:[-‐‑‒–—−]+|\\s+to\\s+)\\s*([A-Za-z]{0,3})(\\d*)([A-Za-z]{0,2})$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SINGLE = Pattern.compile("^(?:pp?\\.?\\s*)?([A-Za-z]{0,3})(\\d+)([A-Za-z]{0,2})$");

    private Pages() {
    }

    /** A parsed page range; {@code last} is null for a single page or an article number. */
    public record PageRange(String first, String last) {
        /** "590-595", or "590" when there is no last page. */
        public String normalised() {
            return last == null || last.equals(first) ? first : first + "-" + last;
        }

        /** True when the first page is an electronic article number such as "e1234". */
        public boolean isArticleNumber() {
            return last == null && first.matches("(?i)e\\d+");
        }
    }

    /**
     * Parses a page string. Abbreviated end pages are expanded ("590-5" → 590-595, "1099-101" →
     * 1099-1101); prefixes such as "S" or "e" are kept and upper-cased; a range whose end is
     * missing ("123-") is a single page. Returns null for blanks; text that is no page range
     * (e.g. "unknown") is returned as a single "page" unchanged.
     */
    public static PageRange parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = SPACES.matcher(text.strip()).replaceAll(" ");
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        Matcher m = RANGE.matcher(s);
        if (m.matches()) {
            String prefix = prefix(m.group(1));
            String start = m.group(2);
            String suffix1 = m.group(3);
            String prefix2 = prefix(m.group(4));
            String end = m.group(5);
            String suffix2 = m.group(6);
            String first = prefix + stripZeros(start) + suffix1;
            if (end.isEmpty()) {
                return new PageRange(first, null);
            }
            String endFull = end;
            if (end.length() < start.length()) {
                endFull = start.substring(0, start.length() - end.length()) + end;
                if (Long.parseLong(endFull) < Long.parseLong(start)) {
                    endFull = end; // not an abbreviation after all; keep as written
                }
            }
            String lastPrefix = prefix2.isEmpty() ? prefix : prefix2;
            String last = lastPrefix + stripZeros(endFull) + suffix2;
            return new PageRange(first, last.equals(first) ? null : last);
        }
        Matcher single = SINGLE.matcher(s);
        if (single.matches()) {
            return new PageRange(prefix(single.group(1)) + stripZeros(single.group(2)) + single.group(3), null);
        }
        return new PageRange(s, null);
    }

    /** The normalised page string ("590-595"), or null for blanks. */
    public static String normalise(String text) {
        PageRange r = parse(text);
        return r == null ? null : r.normalised();
    }

    /** The first page only, normalised; null for blanks. Useful when one export lacks the end page. */
    public static String firstPage(String text) {
        PageRange r = parse(text);
        return r == null ? null : r.first();
    }

    /** Page prefixes compare case-blind: "s12" = "S12"; the electronic "e" stays lower case. */
    private static String prefix(String p) {
        return p.equalsIgnoreCase("e") ? "e" : p.toUpperCase(java.util.Locale.ROOT);
    }

    private static String stripZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
