package dev.winnow.record;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DOI normalisation: one comparison form for the many ways exports write a DOI. */
public final class Doi {
    // a DOI is "10." + registrant code + "/" + suffix; suffix is any printable run
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}(?:\\.\\d+)*\\s*/\\s*\\S+");
    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:https?://)?(?:dx\\.)?doi\\.org/|doi\\s*[:=]?\\s*|info:doi/|urn:doi:)", Pattern.CASE_INSENSITIVE);

    private Doi() {
    }

    /**
     * The normal form of a DOI — lower case, "10.…/…", no resolver prefix, no trailing
     * punctuation, percent-escapes decoded — or null when the text holds no DOI.
     * Examples: "https://doi.org/10.1000/ABC.1." → "10.1000/abc.1"; "DOI: 10.1000/x [doi]" → "10.1000/x".
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.isEmpty()) {
            return null;
        }
        s = PREFIX.matcher(s).replaceFirst("");
        s = decodePercent(s);
        Matcher m = DOI.matcher(s);
        if (!m.find()) {
            return null;
        }
        String doi = m.group().replaceAll("\\s+", "");
        doi = stripTrailing(doi);
        return doi.toLowerCase(Locale.ROOT);
    }

    /** True when the text contains something that normalises to a DOI. */
    public static boolean isDoi(String text) {
        return normalise(text) != null;
    }

    /** The resolver URL for a normalised or raw DOI, or null. */
    public static String url(String text) {
        String n = normalise(text);
        return n == null ? null : "https://doi.org/" + n;
    }

    private static String stripTrailing(String doi) {
        String d = doi;
        // exports append "[doi]" (MEDLINE), or end the sentence with a full stop or comma
        if (d.endsWith("[doi]")) {
            d = d.substring(0, d.length() - 5);
        }
        while (!d.isEmpty() && ".,;:\"'>".indexOf(d.charAt(d.length() - 1)) >= 0) {
            d = d.substring(0, d.length() - 1);
        }
        // a closing bracket belongs to the DOI only when it opened inside it: 10.1016/S0140-6736(20)30183-5
        while (d.endsWith(")") && count(d, '(') < count(d, ')')
                || d.endsWith("]") && count(d, '[') < count(d, ']')) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static String decodePercent(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
