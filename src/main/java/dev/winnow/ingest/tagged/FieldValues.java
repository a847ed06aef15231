package dev.winnow.ingest.tagged;

import dev.winnow.record.Doi;
import dev.winnow.record.Record;
import java.util.Locale;

/**
 * Small conversions the tagged formats (RIS, MEDLINE, Ovid, Web of Science) share: a year out of
 * a date, page ranges from first and last page, ISSN versus ISBN, DOIs in odd places.
 * Character scans, not regular expressions: these run for every field of every record.
 */
public final class FieldValues {
    private FieldValues() {
    }

    /**
     * The first plausible publication year (1000–2999, four digits not inside a longer number) in a
     * date as exports write it: "2019", "2019//", "2001/09/01/", "2006 Jun 15", "Spring 2004",
     * "April 2015", and a date written as eight digits, "20170812" (RIS {@code PY} values such as
     * "Start date: 20170812"). Null when there is none ("99", "YEAR/MONTH/DAY/", "12345678").
     */
    public static Integer year(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (isDigit(text.charAt(i))) {
                int start = i;
                while (i < n && isDigit(text.charAt(i))) {
                    i++;
                }
                if (i - start == 4 || i - start == 8 && isMonthAndDay(text, start + 4)) {
                    int y = Integer.parseInt(text, start, start + 4, 10);
                    if (y >= 1000 && y <= 2999) {
                        return y;
                    }
                }
            } else {
                i++;
            }
        }
        return null;
    }

    /** "245" and "251" → "245-251"; a first page already holding a range is kept; blanks → null. */
    public static String pages(String first, String last) {
        String f = blankToNull(first);
        String l = blankToNull(last);
        if (f == null) {
            return l;
        }
        if (l == null || f.indexOf('-') >= 0 || f.equals(l)) {
            return f;
        }
        return f + "-" + l;
    }

    /** Null for null or blank text, else the text stripped. */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** The DOI in a value (normalised by {@link Doi}), or null. */
    public static String doi(String text) {
        return text == null || text.indexOf("10.") < 0 ? null : Doi.normalise(text);
    }

    /**
     * Adds the ISSNs and ISBNs found in a value (returning how many) such as "0955-2359 (Print)", "0894-9867, 0894-9867",
     * "1234-5678; 8765-4321", "978-3-16-148410-0" or "3161484100". A number with 8 digits (the last
     * may be X) is an ISSN, one with 10 or 13 an ISBN; anything else is ignored.
     */
    public static int standardNumbers(String text, Record.Builder b) {
        if (text == null) {
            return 0;
        }
        int found = 0;
        int n = text.length();
        int i = 0;
        StringBuilder token = new StringBuilder();
        while (i <= n) {
            char c = i < n ? text.charAt(i) : ' ';
            if (isDigit(c) || c == 'X' || c == 'x' || c == '-') {
                token.append(c);
            } else {
                if (token.length() >= 8 && standardNumber(token.toString(), b)) {
                    found++;
                }
                token.setLength(0);
            }
            i++;
        }
        return found;
    }

    private static boolean standardNumber(String token, Record.Builder b) {
        int digits = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c != '-') {
                digits++;
            }
        }
        if (digits == 8) {
            String d = token.replace("-", "").toUpperCase(Locale.ROOT);
            if (d.substring(0, 7).chars().allMatch(FieldValues::isDigit)) {
                b.issn(d.substring(0, 4) + "-" + d.substring(4));
                return true;
            }
        } else if (digits == 10 || digits == 13) {
            b.isbn(token.toUpperCase(Locale.ROOT));
            return true;
        }
        return false;
    }

    /** Keeps the first value of a single-valued tag; a later, different one goes to extra under its tag. */
    public static String first(String current, String v, Record.Builder b, String tag) {
        if (current == null) {
            return v;
        }
        if (!current.equals(v)) {
            b.extra(tag, v);
        }
        return current;
    }

    /** Appends a continuation to a value with one space between. */
    public static String append(String value, String more) {
        if (value == null || value.isEmpty()) {
            return more;
        }
        if (more.isEmpty()) {
            return value;
        }
        return value + " " + more;
    }

    /** True when the four digits at {@code at} are a month (01–12) and a day (01–31). */
    private static boolean isMonthAndDay(String text, int at) {
        int month = Integer.parseInt(text, at, at + 2, 10);
        int day = Integer.parseInt(text, at + 2, at + 4, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
