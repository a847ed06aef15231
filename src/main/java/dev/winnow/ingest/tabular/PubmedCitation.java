package dev.winnow.ingest.tabular;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Record;

/**
 * The {@code Citation} column of PubMed's CSV export, which alone holds volume, issue and pages, in
 * the NLM form PubMed shows under each result: "Nature. 2021 Dec 21;1(2):10-11. doi: 10.1038/x. Epub
 * 2021 Nov 3.", "BMJ. 2020;368:m123.", "Ann Oncol. 2019;30 Suppl 5:v1-v2.", "Int J Nurs Stud. 2024
 * Jan 1:104567. doi: …" (ahead of print: no volume). It fills only what the row's own columns left
 * empty; a book's citation ("In: StatPearls [Internet]. …") gives nothing.
 */
final class PubmedCitation {
    /** The longest date NLM writes before the volume: "2019 Nov-Dec", "2021 Dec 21", "2020 Winter". */
    private static final int MAX_DATE = 16;

    private PubmedCitation() {
    }

    static void apply(Record.Builder b, String citation) {
        String c = citation.strip();
        if (c.startsWith("In: ")) {
            return;
        }
        int dateStart = dateStart(c);
        if (dateStart < 0) {
            return;
        }
        int end = sourceEnd(c, dateStart);
        String source = c.substring(dateStart, end); // "2021 Dec 21;1(2):10-11"
        int semicolon = source.indexOf(';');
        int colon = source.indexOf(':', Math.max(semicolon, 0));
        int dateEnd = semicolon >= 0 ? semicolon : colon;
        if (dateEnd < 0 || dateEnd > MAX_DATE) {
            return; // not "Journal. date;volume(issue):pages": some other citation style, left alone
        }
        String date = source.substring(0, dateEnd).strip();
        if (b.journal() == null) {
            b.journal(c.substring(0, dateStart - 2));
        }
        if (b.year() == null) {
            b.year(FieldValues.year(date));
        }
        if (semicolon >= 0) {
            String volumeIssue = source.substring(semicolon + 1, colon >= 0 ? colon : source.length()).strip();
            int open = volumeIssue.indexOf('(');
            int close = volumeIssue.indexOf(')', Math.max(open, 0));
            String volume = open >= 0 ? volumeIssue.substring(0, open).strip() : volumeIssue;
            if (b.volume() == null && !volume.isEmpty()) {
                b.volume(volume);
            }
            if (open >= 0 && close > open && b.issue() == null) {
                b.issue(volumeIssue.substring(open + 1, close).strip());
            }
        }
        if (colon >= 0 && b.pages() == null) {
            String pages = source.substring(colon + 1).strip();
            if (!pages.isEmpty()) {
                b.pages(pages);
            }
        }
        if (b.doi() == null) {
            int doi = c.indexOf("doi: ", end);
            if (doi >= 0) {
                b.doi(FieldValues.doi(c.substring(doi + 5)));
            }
        }
    }

    /** Where the date starts: after the first ". " that a four-digit year follows; -1 when none does. */
    private static int dateStart(String c) {
        int from = 0;
        while (true) {
            int dot = c.indexOf(". ", from);
            if (dot < 0) {
                return -1;
            }
            int d = dot + 2;
            if (d + 4 <= c.length() && isDigits(c, d, d + 4) && (d + 4 == c.length() || !Character.isDigit(c.charAt(d + 4)))) {
                return dot > 0 ? d : -1;
            }
            from = dot + 1;
        }
    }

    /** The end of "date;volume(issue):pages": the first ". " after it, or a final ".", or the end. */
    private static int sourceEnd(String c, int from) {
        int dot = c.indexOf(". ", from);
        if (dot >= 0) {
            return dot;
        }
        return c.endsWith(".") ? c.length() - 1 : c.length();
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
