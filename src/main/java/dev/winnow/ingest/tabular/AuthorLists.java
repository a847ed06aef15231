package dev.winnow.ingest.tabular;

import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits an authors cell into names, whichever way the exporting tool joined them:
 * "Smith, J.; Lee, K." (Zotero, Scopus full names, Lens, IEEE), "Smith, J. and Lee, K." (BibTeX,
 * bib-dedupe), "Aria M|Cuccurullo C" (OpenAlex), "['Marx, Karl', 'Lindgren, Astrid']" (ASReview via
 * pandas), "Rahmani A.M., Gia T.N., Negash B." (Scopus, Embase), "E J Reimer; G S Dunn".
 * Scopus's author ids in parentheses ("Aria, Massimo (6602395563)") are dropped.
 */
public final class AuthorLists {
    private static final Pattern SCOPUS_ID = Pattern.compile("\\s*\\(\\d{5,}\\)\\s*$");
    /** "Rahmani A.M.", "Gia T.N.", "Sa-Ambo J.M.", "de la Cruz M." — a family name followed by initials. */
    private static final Pattern FAMILY_INITIALS = Pattern.compile("\\S.*\\s(?:\\p{Lu}\\.?-?){1,4}");

    private AuthorLists() {
    }

    /** The authors a cell names, each parsed by {@link AuthorNames#parse}. */
    public static List<Author> parse(String cell) {
        List<Author> out = new ArrayList<>();
        for (String name : names(cell)) {
            Author a = AuthorNames.parse(SCOPUS_ID.matcher(name).replaceFirst(""));
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    static List<String> names(String cell) {
        String s = cell.strip();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> py = CellValues.pythonList(s);
        if (py != null) {
            return py;
        }
        if (s.indexOf(';') >= 0) {
            return CellValues.split(s, ";");
        }
        if (s.indexOf('|') >= 0) {
            return CellValues.split(s, "\\|");
        }
        if (s.contains(" and ")) {
            return CellValues.split(s, "\\s+and\\s+");
        }
        if (s.indexOf(',') >= 0) {
            List<String> parts = CellValues.split(s, ",");
            if (parts.size() >= 2 && parts.stream().allMatch(p -> FAMILY_INITIALS.matcher(p).matches())) {
                return parts; // "Liu R., Adler D.G."
            }
            if (parts.size() >= 3 && parts.stream().allMatch(p -> p.indexOf(' ') > 0)) {
                return parts; // "John Smith, Kim Lee, Ana Silva"
            }
        }
        return List.of(s);
    }
}
