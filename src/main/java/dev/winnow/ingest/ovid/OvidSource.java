package dev.winnow.ingest.ovid;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ovid's "Source" line split into its parts. The forms Ovid writes:
 * <ul>
 * <li>Journals@Ovid and MEDLINE: "Nursing Science Quarterly.   28(2):103-106, April 2015."</li>
 * <li>PsycINFO: "Clinical Psychology &amp; Psychotherapy. Vol 28(2) April 2015, 103-106."</li>
 * <li>Embase: "Supportive Care in Cancer. 28(2) (pp 103-106), 2015. Date of Publication: April 2015."</li>
 * <li>ahead of print: "Journal of the American Medical Informatics Association." (journal only)</li>
 * </ul>
 * Anything else keeps only what can be known: the journal up to the first ". " and a year.
 */
record OvidSource(String journal, String volume, String issue, String pages, String date) {
    // volume(issue):pages, date
    private static final Pattern COLON = Pattern.compile(
            "^(.+?)\\.\\s+(?:Vol\\.?\\s*)?([\\w-]+)(?:\\s*\\(([^)]*)\\))?\\s*:\\s*([^,]+?)\\s*(?:,\\s*(.*?))?\\.?$");
    // PsycINFO: Vol v(i) date, pages
    private static final Pattern PSYC = Pattern.compile(
            "^(.+?)\\.\\s+Vol\\.?\\s*([\\w-]+)(?:\\s*\\(([^)]*)\\))?,?\\s*(.*?),\\s*(?:pp\\.?\\s*)?([\\w-]+(?:\\s*-\\s*[\\w-]+)?)\\.?$");
    // Embase: v(i) (pp a-b), year.
    private static final Pattern EMBASE = Pattern.compile(
            "^(.+?)\\.\\s+([\\w-]+)(?:\\s*\\(([^)]*)\\))?\\s*\\(pp\\.?\\s*([^)]*)\\),\\s*(\\d{4}.*?)\\.?(?:\\s+Date of Publication:.*)?$");
    private static final Pattern TITLE_ONLY = Pattern.compile("^[^0-9]+?\\.?$");

    static OvidSource parse(String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String s = source.strip().replaceAll("\\s+", " ");
        Matcher m = EMBASE.matcher(s);
        if (m.matches()) {
            return new OvidSource(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        m = PSYC.matcher(s);
        if (m.matches()) {
            return new OvidSource(m.group(1), m.group(2), m.group(3), m.group(5), m.group(4));
        }
        m = COLON.matcher(s);
        if (m.matches()) {
            return new OvidSource(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
        }
        if (TITLE_ONLY.matcher(s).matches()) {
            return new OvidSource(s.endsWith(".") ? s.substring(0, s.length() - 1).strip() : s, null, null, null, null);
        }
        int stop = s.indexOf(". ");
        return new OvidSource(stop > 0 ? s.substring(0, stop) : null, null, null, null, s);
    }
}
