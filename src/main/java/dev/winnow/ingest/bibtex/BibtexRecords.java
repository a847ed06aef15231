package dev.winnow.ingest.bibtex;

import dev.winnow.ingest.Formats;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import dev.winnow.record.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BibTeX (and biblatex) entries as records, and the field names Winnow uses both ways. See
 * docs/ingest-structured.md for the table.
 */
final class BibtexRecords {
    static final String KEY = Formats.CITE_KEY;
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(1[5-9]\\d\\d|2[01]\\d\\d)(?!\\d)");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /** Fields read into a slot of the record (everything else goes to extra under its own name). */
    private static final Set<String> MAPPED = Set.of(
            "title", "origtitle", "author", "editor", "year", "date", "month", "journal", "journaltitle", "booktitle",
            "shortjournal", "journal-abbreviation", "volume", "number", "issue", "pages", "eid", "doi", "pmid",
            "pmcid", "issn", "isbn", "abstract", "keywords", "language", "url", "publisher", "address", "location",
            "school", "institution", "note", "database", "accessions", "entrysubtype", "article-number",
            "book-group-author", "unique-id");

    private BibtexRecords() {
    }

    static Record toRecord(BibtexParser.Entry e) {
        Record.Builder b = Record.builder();
        b.type(type(e));
        if (!e.key().isEmpty()) {
            b.extra(KEY, e.key());
        }
        b.title(text(e.first("title")));
        b.originalTitle(text(e.first("origtitle")));
        authors(e.first("author")).forEach(b::author);
        groupAuthors(e.first("book-group-author")).forEach(b::author);
        authors(e.first("editor")).forEach(b::editor);
        String date = verbatim(e.first("date"));
        Integer year = year(e.first("year"));
        if (year == null) {
            year = year(date);
        }
        if (year == null) {
            year = year(e.first("earlyaccessdate")); // Web of Science: an article online before its issue
        }
        b.year(year);
        String month = e.first("month");
        if (date == null && month != null) {
            String m = month(month);
            date = year == null ? m : year + "-" + m;
        }
        b.date(date);
        String journal = first(e, "journal", "journaltitle");
        if (journal == null) {
            journal = e.first("booktitle");
        } else if (e.first("booktitle") != null) {
            b.extra("booktitle", text(e.first("booktitle")));
        }
        b.journal(text(journal));
        b.journalAbbreviation(text(first(e, "shortjournal", "journal-abbreviation")));
        b.volume(text(e.first("volume")));
        b.issue(text(first(e, "number", "issue")));
        String pages = e.first("pages");
        b.pages(pages == null ? null : text(pages.replaceAll("-{2,}|–|—", "-")));
        b.articleNumber(text(first(e, "eid", "article-number")));
        b.doi(verbatim(e.first("doi")));
        b.pmid(verbatim(e.first("pmid")));
        b.pmcid(verbatim(e.first("pmcid")));
        split(verbatim(e.first("issn")), "[,;]|\\s+and\\s+").forEach(b::issn);
        split(verbatim(e.first("isbn")), "[,;]|\\s+and\\s+").forEach(b::isbn);
        String abstractText = Latex.decodeParagraphs(e.first("abstract"));
        b.abstractText(abstractText == null ? null : Titles.decodeEntities(abstractText));
        String keywords = e.first("keywords");
        if (keywords != null) {
            split(text(keywords), keywords.contains(";") ? ";" : ",").forEach(b::keyword);
        }
        b.language(text(e.first("language")));
        split(verbatim(e.first("url")), "\\s+").forEach(b::url);
        b.publisher(text(e.first("publisher")));
        b.place(text(first(e, "address", "location")));
        b.institution(text(first(e, "school", "institution")));
        for (String note : e.fields().getOrDefault("note", List.of())) {
            b.note(Latex.decodeParagraphs(note));
        }
        b.database(text(e.first("database")));
        String uniqueId = verbatim(e.first("unique-id"));
        if (uniqueId != null) { // Web of Science: "WOS:000301234500001", "MEDLINE:33000001"
            int colon = uniqueId.indexOf(':');
            String db = colon > 0 ? uniqueId.substring(0, colon) : "WOS";
            b.accessionNumber(db.equals("WOS") ? "Web of Science" : db, uniqueId);
            if (db.equals("MEDLINE") && e.first("pmid") == null) {
                b.pmid(uniqueId.substring(colon + 1).strip());
            }
        }
        for (String pair : split(verbatim(e.first("accessions")), ";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                b.accessionNumber(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        for (Map.Entry<String, List<String>> f : e.fields().entrySet()) {
            if (MAPPED.contains(f.getKey())) {
                continue;
            }
            for (String v : f.getValue()) {
                b.extra(f.getKey(), isVerbatim(f.getKey()) ? verbatim(v) : Latex.decodeParagraphs(v));
            }
        }
        return b.build();
    }

    static RecordType type(BibtexParser.Entry e) {
        String sub = e.first("entrysubtype");
        if (sub != null) {
            try {
                return RecordType.fromLabel(text(sub));
            } catch (IllegalArgumentException ignored) {
                // an entry subtype of biblatex's own (e.g. "magazine"): the entry type decides
            }
        }
        return switch (e.type()) {
            case "article", "periodical", "suppperiodical" -> RecordType.JOURNAL_ARTICLE;
            case "inproceedings", "conference", "proceedings" -> RecordType.CONFERENCE_PAPER;
            case "book", "booklet", "mvbook", "collection", "mvcollection", "reference", "manual" -> RecordType.BOOK;
            case "incollection", "inbook", "bookinbook", "inreference", "suppbook", "suppcollection" -> RecordType.BOOK_SECTION;
            case "phdthesis", "mastersthesis", "thesis" -> RecordType.THESIS;
            case "techreport", "report" -> RecordType.REPORT;
            case "online", "electronic", "www", "webpage" -> RecordType.WEB_PAGE;
            case "patent" -> RecordType.PATENT;
            case "dataset", "data" -> RecordType.DATASET;
            default -> {
                String prefix = first(e, "archiveprefix", "eprinttype");
                yield prefix != null && prefix.toLowerCase(Locale.ROOT).matches(".*(arxiv|biorxiv|medrxiv|ssrn).*")
                        ? RecordType.PREPRINT : RecordType.GENERIC;
            }
        };
    }

    /**
     * Names in a BibTeX author field: split on " and " outside braces; a name wholly in braces is
     * a corporate author kept whole; braced parts of a personal name stay together.
     */
    static List<Author> authors(String field) {
        List<Author> out = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return out;
        }
        for (String name : splitOutsideBraces(field.strip())) {
            String n = name.strip();
            if (n.isEmpty() || n.equalsIgnoreCase("others")) {
                continue;
            }
            if (n.startsWith("{") && Latex.closing(n, 0) == n.length() - 1) {
                String inner = Latex.decode(n.substring(1, n.length() - 1));
                if (!inner.isEmpty()) {
                    out.add(Author.organisation(inner));
                }
                continue;
            }
            Author a = AuthorNames.parse(Latex.decode(protectBracedSpaces(n)));
            if (a != null) {
                out.add(new Author(restore(a.family()), a.given() == null ? null : restore(a.given()), a.corporate()));
            }
        }
        return out;
    }

    /** Web of Science's Book-Group-Author: organisations, never split into family and given names. */
    private static List<Author> groupAuthors(String field) {
        List<Author> out = new ArrayList<>();
        if (field == null || field.isBlank()) {
            return out;
        }
        for (String name : splitOutsideBraces(field.strip())) {
            String n = text(name.strip().replaceAll("^\\{(.*)\\}$", "$1"));
            if (n != null) {
                out.add(Author.organisation(n));
            }
        }
        return out;
    }

    private static List<String> splitOutsideBraces(String s) {
        List<String> parts = new ArrayList<>();
        Matcher m = AND.matcher(insideBraces(s, c -> '\u0000'));
        int from = 0;
        while (m.find()) {
            parts.add(s.substring(from, m.start()));
            from = m.end();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /**
     * Stand-ins for a space and a comma inside braces while a name is parsed: characters of
     * Unicode's private use area, which no export uses and which {@link dev.winnow.record.Author}
     * keeps (it drops control characters).
     */
    private static final char BRACED_SPACE = '\uE000';
    private static final char BRACED_COMMA = '\uE001';

    /** Spaces and commas inside braces hidden from name parsing (restored by {@link #restore}). */
    private static String protectBracedSpaces(String s) {
        return insideBraces(s, c -> c == ' ' ? BRACED_SPACE : c == ',' ? BRACED_COMMA : c);
    }

    /** The text with every character inside braces (at any depth) replaced by {@code f}'s answer. */
    private static String insideBraces(String s, java.util.function.IntUnaryOperator f) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            sb.append(depth > 0 ? (char) f.applyAsInt(c) : c);
        }
        return sb.toString();
    }

    private static String restore(String s) {
        return s.replace(BRACED_SPACE, ' ').replace(BRACED_COMMA, ',');
    }

    private static String first(BibtexParser.Entry e, String... names) {
        for (String n : names) {
            String v = e.first(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    static String text(String latex) {
        if (latex == null) {
            return null;
        }
        String s = Titles.decodeEntities(Latex.decode(latex)); // Web of Science writes "&apos;", "&amp;"
        return s.isEmpty() ? null : s;
    }

    /** Fields whose value is not LaTeX text but an identifier or address. */
    static boolean isVerbatim(String field) {
        return switch (field) {
            case "url", "doi", "file", "eprint", "pmid", "pmcid", "issn", "isbn", "urldate", "date", "accessions",
                 KEY -> true;
            default -> false;
        };
    }

    /** An identifier field: escapes undone, braces dropped, whitespace collapsed; LaTeX left alone. */
    static String verbatim(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replaceAll("\\\\([_%&#$~{}])", "$1").replaceAll("(?<!\\\\)[{}]", "")
                .replaceAll("\\s+", " ").strip();
        if (s.startsWith("\\url")) {
            s = s.substring(4).strip();
        }
        return s.isEmpty() ? null : s;
    }

    static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** A month field ("feb", "February", "2", "{Feb.}") as two digits, or as written when unknown. */
    static String month(String text) {
        String t = text(text);
        if (t == null) {
            return null;
        }
        String k = t.toLowerCase(Locale.ROOT).replace(".", "").strip();
        if (k.matches("\\d{1,2}") && Integer.parseInt(k) >= 1 && Integer.parseInt(k) <= 12) {
            return String.format("%02d", Integer.parseInt(k));
        }
        for (int i = 0; i < MONTHS.length; i++) {
            if (k.startsWith(MONTHS[i])) {
                return String.format("%02d", i + 1);
            }
        }
        return t;
    }

    private static List<String> split(String text, String regex) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split(regex)) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
