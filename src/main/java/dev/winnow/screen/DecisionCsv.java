package dev.winnow.screen;

import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.tabular.CsvTokenizer;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a decisions CSV (as exported from Rayyan, Covidence or a spreadsheet): a header row, a
 * {@code decision} column (include / exclude / maybe) and at least one of {@code doi}, {@code pmid},
 * {@code title} to find the record; optional {@code year}, {@code author} (first author) to sharpen
 * the match, {@code reason} (several separated by ';') and {@code note}. Comma, semicolon or tab
 * separated. Pure: text in, rows out.
 */
public final class DecisionCsv {
    private DecisionCsv() {
    }

    /** One data row: the record to look for, the decision, its reasons and note, and the line it is on. */
    public record Row(long line, Record key, Verdict verdict, List<String> reasons, String note) {
    }

    /** True when a file's first line is a header with a {@code decision} column. */
    public static boolean looksLikeDecisions(String head) {
        String first = head.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        char d = delimiter(first);
        return Arrays.stream(first.split(java.util.regex.Pattern.quote(String.valueOf(d))))
                .map(DecisionCsv::column).anyMatch("decision"::equals);
    }

    public static List<Row> read(Reader in, String fileName, String head) throws IOException {
        char delimiter = delimiter(head.lines().findFirst().orElse(""));
        CsvTokenizer csv = new CsvTokenizer(in, delimiter);
        List<String> header;
        try {
            header = csv.next();
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new ParseException(fileName, e.line(), "a quoted field is never closed");
        }
        if (header == null) {
            throw new ParseException(fileName, 0, "the file is empty");
        }
        Map<String, Integer> cols = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            cols.putIfAbsent(column(header.get(i)), i);
        }
        if (!cols.containsKey("decision")) {
            throw new ParseException(fileName, 1, "expected a header with a 'decision' column; found: "
                    + String.join(", ", header));
        }
        if (!cols.containsKey("doi") && !cols.containsKey("pmid") && !cols.containsKey("title")) {
            throw new ParseException(fileName, 1, "expected a 'doi', 'pmid' or 'title' column to find the records by");
        }
        List<Row> rows = new ArrayList<>();
        while (true) {
            List<String> f;
            try {
                f = csv.next();
            } catch (CsvTokenizer.UnterminatedQuoteException e) {
                throw new ParseException(fileName, e.line(), "a quoted field is never closed");
            }
            if (f == null) {
                break;
            }
            if (f.stream().allMatch(String::isBlank)) {
                continue;
            }
            long line = csv.rowLine();
            String decision = get(f, cols, "decision");
            Verdict verdict;
            try {
                verdict = Verdict.parse(decision);
            } catch (IllegalArgumentException e) {
                throw new ParseException(fileName, line, e.getMessage());
            }
            Record.Builder key = Record.builder().doi(get(f, cols, "doi")).pmid(get(f, cols, "pmid"))
                    .title(get(f, cols, "title"));
            String year = get(f, cols, "year");
            if (year != null && year.strip().matches("\\d{4}")) {
                key.year(Integer.parseInt(year.strip()));
            }
            String author = get(f, cols, "author");
            if (author != null) {
                key.author(AuthorNames.parse(author.split(";")[0]));
            }
            String reason = get(f, cols, "reason");
            List<String> reasons = reason == null ? List.of()
                    : Arrays.stream(reason.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            rows.add(new Row(line, key.build(), verdict, reasons, get(f, cols, "note")));
        }
        return rows;
    }

    private static char delimiter(String headerLine) {
        if (headerLine.indexOf('\t') >= 0) {
            return '\t';
        }
        if (headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0) {
            return ';';
        }
        return ',';
    }

    /** A header cell as a column name: "Decision", "DOI", "Exclusion reason(s)" → decision, doi, reason. */
    private static String column(String header) {
        String h = header.strip().replace("\uFEFF", "").replace("\"", "").toLowerCase(Locale.ROOT);
        return switch (h) {
            case "decision", "verdict", "label", "included", "screening decision" -> "decision";
            case "doi" -> "doi";
            case "pmid", "pubmed id", "pubmed_id" -> "pmid";
            case "title", "ti" -> "title";
            case "year", "py", "publication year" -> "year";
            case "author", "authors", "first author", "first_author", "au" -> "author";
            case "reason", "reasons", "exclusion reason", "exclusion reasons", "exclusion_reason" -> "reason";
            case "note", "notes", "comment", "comments" -> "note";
            default -> h;
        };
    }

    private static String get(List<String> f, Map<String, Integer> cols, String name) {
        Integer i = cols.get(name);
        if (i == null || i >= f.size()) {
            return null;
        }
        String v = f.get(i).strip();
        return v.isEmpty() ? null : v;
    }
}
