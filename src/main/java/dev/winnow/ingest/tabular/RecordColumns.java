package dev.winnow.ingest.tabular;

import dev.winnow.record.Author;
import dev.winnow.record.Record;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns Winnow writes to CSV and XLSX, in order: simple lower-case names (the ones the CSV
 * reader maps back). Lists are joined with "; "; authors as "Family, Given", a corporate author in
 * braces ("{WHO}"); accession numbers as "DB=number".
 */
public final class RecordColumns {
    /** Column name → value of a record (null for empty). */
    public static final Map<String, Function<Record, String>> COLUMNS = columns();

    /** Characters that make a spreadsheet treat a cell as a formula (CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    private RecordColumns() {
    }

    public static List<String> names() {
        return List.copyOf(COLUMNS.keySet());
    }

    private static Map<String, Function<Record, String>> columns() {
        Map<String, Function<Record, String>> m = new java.util.LinkedHashMap<>();
        m.put("type", r -> r.type().label());
        m.put("title", Record::title);
        m.put("authors", r -> authors(r.authors()));
        m.put("year", r -> r.year() == null ? null : r.year().toString());
        m.put("journal", Record::journal);
        m.put("volume", Record::volume);
        m.put("issue", Record::issue);
        m.put("pages", Record::pages);
        m.put("doi", Record::doi);
        m.put("pmid", Record::pmid);
        m.put("abstract", Record::abstractText);
        m.put("keywords", r -> join(r.keywords()));
        m.put("url", r -> join(r.urls()));
        m.put("date", Record::date);
        m.put("original_title", Record::originalTitle);
        m.put("editors", r -> authors(r.editors()));
        m.put("journal_abbreviation", Record::journalAbbreviation);
        m.put("article_number", Record::articleNumber);
        m.put("pmcid", Record::pmcid);
        m.put("issn", r -> join(r.issns()));
        m.put("isbn", r -> join(r.isbns()));
        m.put("language", Record::language);
        m.put("publisher", Record::publisher);
        m.put("place", Record::place);
        m.put("institution", Record::institution);
        m.put("database", Record::database);
        m.put("accession_numbers", r -> r.accessionNumbers().isEmpty() ? null
                : r.accessionNumbers().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
        m.put("notes", r -> r.notes().isEmpty() ? null : String.join("\n\n", r.notes()));
        return m;
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : String.join("; ", values);
    }

    private static String authors(List<Author> authors) {
        if (authors.isEmpty()) {
            return null;
        }
        return authors.stream().map(a -> a.corporate() ? "{" + a.family() + "}" : a.display())
                .collect(Collectors.joining("; "));
    }

    /**
     * A cell value a spreadsheet will not run: text starting with = + - @ (or a tab or carriage
     * return) gets a leading apostrophe, as OWASP advises against formula injection.
     */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
