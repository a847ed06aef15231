package dev.winnow.ingest.tabular;

import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one spreadsheet row into a {@link Record} by a file's {@link ColumnMapping}. */
final class RowRecords {
    /** Embase: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014". */
    private static final Pattern EMBASE_SOURCE = Pattern.compile(
            "^(.+?)\\s+\\((\\d{4})\\)(?:\\s+([^:\\s(]+)(?::([^\\s(]+))?)?(?:\\s+\\(([^)]*)\\))?\\.?(?:\\s*Date of Publication:\\s*(.+))?$");

    private RowRecords() {
    }

    /**
     * Between the links of a URL cell: white space, "|", or ";" followed by white space or by the
     * start of another link. A ";" inside a link ("article.asp?issn=2251-953X;year=2021") stays.
     */
    static final String URL_SEPARATOR = "\\s*\\|\\s*|;\\s+|;(?=(?:https?|ftp)://|www\\.|doi:)|\\s+";

    /** The record a row describes; null when the row has nothing in any column. */
    static Record toRecord(ColumnMapping mapping, List<String> row) {
        Record.Builder b = Record.builder();
        boolean any = false;
        for (ColumnMapping.Column c : mapping.columns()) {
            String v = cell(row, c.index());
            if (v == null) {
                continue;
            }
            any = true;
            if (c.field() == null) {
                b.extra(c.header().isEmpty() ? "column " + (c.index() + 1) : c.header(), v);
            }
        }
        if (!any) {
            return null;
        }
        for (TabularField f : TabularField.values()) {
            int[] cols = mapping.columnsFor(f);
            String chosen = null;
            for (int i : cols) {
                String v = cell(row, i);
                if (v == null) {
                    continue;
                }
                if (chosen == null) {
                    chosen = v;
                    if (!apply(b, f, v)) {
                        b.extra(mapping.columns().get(i).header(), v);
                    }
                } else if (!v.equals(chosen)) {
                    b.extra(mapping.columns().get(i).header(), v); // a second column for the same field
                }
            }
        }
        if (b.year() == null) {
            for (int i : mapping.columnsFor(TabularField.DATE)) {
                Integer y = CellValues.year(cell(row, i));
                if (y != null) {
                    b.year(y);
                    break;
                }
            }
        }
        pages(b, mapping, row);
        return b.build();
    }

    /** Puts a cell into its field; false when the value does not fit there (kept as extra instead). */
    private static boolean apply(Record.Builder b, TabularField f, String v) {
        switch (f) {
            case ID -> b.extra("id", v);
            case TYPE -> {
                RecordType t = PublicationTypes.of(v);
                if (t == null) {
                    return false;
                }
                b.type(t);
            }
            case TITLE -> b.title(v);
            case ORIGINAL_TITLE -> b.originalTitle(v);
            case AUTHORS -> AuthorLists.parse(v).forEach(b::author);
            case EDITORS -> AuthorLists.parse(v).forEach(b::editor);
            case JOURNAL -> b.journal(v);
            case JOURNAL_ABBREVIATION -> b.journalAbbreviation(v);
            case YEAR -> {
                Integer y = CellValues.year(v);
                if (y == null) {
                    return false;
                }
                b.year(y);
            }
            case DATE -> b.date(v);
            case VOLUME -> b.volume(CellValues.whole(v));
            case ISSUE -> b.issue(CellValues.whole(v));
            case PAGES -> b.pages(v);
            case FIRST_PAGE, LAST_PAGE -> {
                // combined in pages()
            }
            case ARTICLE_NUMBER -> b.articleNumber(v);
            case DOI -> b.doi(v);
            case PMID -> b.pmid(CellValues.whole(v));
            case PMCID -> b.pmcid(v);
            case ABSTRACT -> b.abstractText(v);
            case KEYWORDS -> CellValues.split(v, ";").forEach(b::keyword);
            case URL -> CellValues.split(v, URL_SEPARATOR).forEach(b::url);
            case ISSN -> CellValues.split(v, "[\\s;,|]+").forEach(b::issn);
            case ISBN -> CellValues.split(v, "[\\s;,|]+").forEach(b::isbn);
            case LANGUAGE -> b.language(v);
            case PUBLISHER -> b.publisher(v);
            case PLACE -> b.place(v);
            case NOTES -> CellValues.split(v, "\\n\\s*\\n").forEach(b::note); // Winnow's CSV joins notes by blank lines
            case INSTITUTION -> b.institution(v);
            case DATABASE -> b.database(v);
            case ACCESSION_NUMBERS -> {
                return accessionNumbers(b, v);
            }
            case EMBASE_SOURCE -> {
                embaseSource(b, v);
                return false; // the cell itself is kept too, under its header
            }
            case PUBMED_CITATION -> {
                PubmedCitation.apply(b, v);
                return false; // kept too, under its header
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** "DB=number; DB=number" (as Winnow writes them); anything else stays in extra. */
    private static boolean accessionNumbers(Record.Builder b, String v) {
        List<String> parts = CellValues.split(v, ";");
        for (String p : parts) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                return false;
            }
        }
        for (String p : parts) {
            int eq = p.indexOf('=');
            b.accessionNumber(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return true;
    }

    private static void pages(Record.Builder b, ColumnMapping mapping, List<String> row) {
        boolean hasPages = false;
        for (int i : mapping.columnsFor(TabularField.PAGES)) {
            hasPages |= cell(row, i) != null;
        }
        String first = first(mapping, row, TabularField.FIRST_PAGE);
        String last = first(mapping, row, TabularField.LAST_PAGE);
        if (!hasPages && first != null) {
            b.pages(last == null || last.equals(first) ? first : first + "-" + last);
        } else if (hasPages) {
            if (first != null) {
                b.extra(header(mapping, TabularField.FIRST_PAGE), first);
            }
            if (last != null) {
                b.extra(header(mapping, TabularField.LAST_PAGE), last);
            }
        } else if (last != null) {
            b.extra(header(mapping, TabularField.LAST_PAGE), last);
        }
    }

    private static String first(ColumnMapping mapping, List<String> row, TabularField f) {
        for (int i : mapping.columnsFor(f)) {
            String v = cell(row, i);
            if (v != null) {
                return CellValues.whole(v);
            }
        }
        return null;
    }

    private static String header(ColumnMapping mapping, TabularField f) {
        return mapping.columns().get(mapping.columnsFor(f)[0]).header();
    }

    /** Embase's citation cell gives journal, year, volume:issue and pages when the file has no such columns. */
    private static void embaseSource(Record.Builder b, String v) {
        Matcher m = EMBASE_SOURCE.matcher(v);
        if (!m.matches()) {
            return;
        }
        if (b.journal() == null) {
            b.journal(m.group(1));
        }
        if (b.year() == null) {
            b.year(Integer.valueOf(m.group(2)));
        }
        if (m.group(3) != null) {
            b.volume(m.group(3));
        }
        if (m.group(4) != null) {
            b.issue(m.group(4));
        }
        if (m.group(5) != null && !m.group(5).isBlank()) {
            b.pages(m.group(5));
        }
        if (m.group(6) != null) {
            b.date(m.group(6).strip());
        }
    }

    private static String cell(List<String> row, int i) {
        if (i >= row.size()) {
            return null;
        }
        String v = row.get(i);
        if (v == null) {
            return null;
        }
        String t = v.strip();
        return t.isEmpty() ? null : t;
    }

    /** True when the record has something to screen or match on: a title, authors, DOI, PMID or abstract. */
    static boolean identifiable(Record r) {
        return r.title() != null || !r.authors().isEmpty() || r.doi() != null || r.pmid() != null
                || r.abstractText() != null;
    }
}
