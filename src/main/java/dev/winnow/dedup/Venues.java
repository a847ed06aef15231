package dev.winnow.dedup;

import dev.winnow.record.Journals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conference venues as exports write them: "ICIS 2019 Proceedings", "Proceedings of the 40th
 * International Conference on Information Systems", "25TH AMERICAS CONFERENCE ON INFORMATION
 * SYSTEMS (AMCIS 2019)", "Proceedings of the Twelfth International Joint Conference on …". The
 * edition ("40th", "Twelfth"), the year, "Proceedings of the", the place and dates after a comma
 * are dropped, and an acronym in brackets or after a comma ("(AMCIS 2019)", ", ICIS 2019,") becomes
 * a form of its own. The forms then go through {@link Journals#compatibleKeys}, which already reads
 * "amcis" as an abbreviation of "americas conference on information systems".
 */
final class Venues {
    private static final Pattern CONFERENCE = Pattern.compile(
            "(?i:\\b(?:proceedings|proc\\.?|conference|conf\\.|symposium|workshop|congress|colloquium|summit|"
                    + "convention)\\b)|\\b[A-Z][A-Za-z]*[A-Z]{2,}[A-Za-z]*\\s*'?(?:19|20)?\\d{2}\\b");
    /** Journals whose names say "proceedings" but are journals. */
    private static final Pattern JOURNAL_NAMED_PROCEEDINGS = Pattern.compile(
            "(?i)proceedings of the (?:national academy|royal society|ieee\\b(?! \\w+ (?:conference|symposium|workshop)))"
                    + "|mayo clinic proceedings|proceedings \\(baylor|baylor university medical center proceedings"
                    + "|proceedings of the nutrition society|proceedings of the american thoracic society");
    private static final Pattern ORDINAL = Pattern.compile(
            "(?i)\\b(?:\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                    + "twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                    + "(?:twenty|thirty|forty|fifty|sixty)(?:[- ]?(?:first|second|third|fourth|fifth|sixth|seventh|"
                    + "eighth|ninth)|ieth))\\b");
    private static final Pattern LEADING = Pattern.compile("(?i)^\\s*(?:in:\\s*)?(?:proceedings|proc\\.?)\\s+(?:of\\s+)?(?:the\\s+)?");
    private static final Pattern BRACKETED = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern ACRONYM = Pattern.compile("^\\s*([A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)(?:\\s*'?\\d{2,4})?\\s*$");
    private static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");

    private Venues() {
    }

    /** True when a venue name reads as a conference's (and is not a journal named "Proceedings of …"). */
    static boolean isConference(String venue) {
        return venue != null && CONFERENCE.matcher(venue).find() && !JOURNAL_NAMED_PROCEEDINGS.matcher(venue).find();
    }

    /**
     * The extra comparison forms of a conference venue: its name without edition, year, leading
     * "Proceedings of the" and what follows the first comma; and each acronym it carries. Empty for
     * a venue that is not a conference's.
     */
    static List<String> keys(String venue) {
        List<String> out = new ArrayList<>();
        if (!isConference(venue)) {
            return out;
        }
        Matcher b = BRACKETED.matcher(venue);
        while (b.find()) {
            addAcronym(out, b.group(1));
        }
        String[] commaParts = venue.split(",");
        for (int i = 1; i < commaParts.length; i++) {
            addAcronym(out, commaParts[i]);
        }
        String name = BRACKETED.matcher(commaParts[0]).replaceAll(" ");
        name = LEADING.matcher(ORDINAL.matcher(YEAR.matcher(name).replaceAll(" ")).replaceAll(" ")).replaceAll("");
        name = LEADING.matcher(name.strip()).replaceAll("");
        for (String k : Journals.keys(name)) {
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static void addAcronym(List<String> out, String part) {
        Matcher m = ACRONYM.matcher(part);
        if (m.matches() && m.group(1).length() >= 3) {
            String k = m.group(1).toLowerCase(Locale.ROOT).replace("-", "");
            if (!out.contains(k)) {
                out.add(k);
            }
        }
    }
}
