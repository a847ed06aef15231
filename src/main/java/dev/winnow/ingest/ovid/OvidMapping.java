package dev.winnow.ingest.ovid;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ovid field labels → {@link Record} (table in docs/ingest.md). Ovid's labels differ by database
 * and display ("Authors" in MEDLINE, "Author" in Journals@Ovid; "DOI Number" or "Digital Object
 * Identifier"), so labels are matched case-blind against a list of synonyms. The "Source" line
 * is split into journal, volume, issue, pages and year by {@link OvidSource}; separate "Volume",
 * "Issue", "Pages" fields win over it. Unknown labels go to {@link Record#extra()}.
 */
final class OvidMapping {
    private static final Set<String> CREDENTIALS = Set.of(
            "md", "phd", "rn", "faan", "msc", "bsc", "mph", "drph", "mbbs", "frcp", "frcs", "facp", "ma", "ms", "ba",
            "bs", "bn", "msn", "dnp", "np", "pharmd", "dds", "dmd", "do", "mba", "mbchb", "frcpc", "facs", "fracp",
            "bsn", "crnp", "aprn", "lpn", "lcsw", "msw", "psyd", "edd", "dphil", "mrcp", "mrcgp", "frcgp", "cns",
            "ccrn", "ocn", "aocn", "fnp", "anp", "mhs", "mhsc", "bpharm", "mpharm", "otr", "pt", "dpt", "ot", "slp",
            "ccc", "rd", "ld", "cde", "chpn", "achpn", "fache", "jd", "llb", "prof", "dr");

    private OvidMapping() {
    }

    static Record toRecord(List<OvidField> fields, String headerDatabase) {
        Record.Builder b = Record.builder();
        String title = null;
        String chapterTitle = null;
        String source = null;
        String journal = null;
        String volume = null;
        String issue = null;
        String pages = null;
        String yearText = null;
        String dateText = null;
        String type = null;
        String database = headerDatabase;
        String uniqueIdentifier = null;
        List<OvidField> authors = new ArrayList<>();
        List<OvidField> fullNames = new ArrayList<>();
        for (OvidField f : fields) {
            if (f.lines.isEmpty()) {
                continue;
            }
            String v = f.text();
            switch (f.label.toLowerCase(Locale.ROOT)) {
                case "author", "authors" -> authors.add(f);
                case "authors full name", "author full name" -> fullNames.add(f);
                case "editor", "editors", "editor(s)" -> names(f).forEach(n -> b.editor(Author.parse(n)));
                case "title", "article title", "document title" -> title = v;
                case "chapter title" -> chapterTitle = v;
                case "source" -> source = v;
                case "journal name", "journal title", "full journal name" -> journal = v;
                case "journal abbreviation", "abbreviated source", "nlm journal name" -> b.journalAbbreviation(v);
                case "volume" -> volume = v;
                case "issue", "issue/part" -> issue = v;
                case "page", "pages", "pagination" -> pages = v;
                case "year of publication", "publication year", "year" -> yearText = v;
                case "date of publication", "publication date", "entry date" -> {
                    if (dateText == null) {
                        dateText = v;
                    }
                    b.extra(f.label, v);
                }
                case "abstract" -> b.abstractText(v);
                case "doi", "doi number", "digital object identifier", "digital object identifier (doi)" -> {
                    String doi = FieldValues.doi(v);
                    if (doi != null) {
                        b.doi(doi);
                    } else {
                        b.extra(f.label, v);
                    }
                }
                case "author keywords", "keywords", "keyword heading", "mesh subject headings", "subject headings",
                        "emtree heading", "index terms", "major subject headings", "minor subject headings" ->
                        keywords(f, b);
                case "language" -> b.language(stripStop(v));
                case "issn", "issn print", "issn electronic", "issn linking", "isbn", "electronic issn",
                        "print issn" -> FieldValues.standardNumbers(v, b);
                case "unique identifier", "accession number", "pubmed id", "pmid", "embase accession number" -> {
                    String an = stripStop(v);
                    if (f.label.equalsIgnoreCase("unique identifier")) {
                        uniqueIdentifier = an;
                    }
                    if (f.label.toLowerCase(Locale.ROOT).startsWith("pubmed") || f.label.equalsIgnoreCase("pmid")) {
                        b.pmid(an);
                    }
                    b.extra(f.label, an);
                }
                case "database" -> database = OvidReader.databaseName(v);
                case "publication type", "document type", "publication types" -> {
                    if (type == null) {
                        type = v;
                    }
                    b.extra(f.label, v);
                }
                case "publisher" -> b.publisher(v);
                case "place of publication" -> b.place(v);
                case "institution", "author affiliation" -> b.extra(f.label, String.join("\n", f.lines));
                default -> b.extra(f.label, String.join("\n", f.lines));
            }
        }
        List<OvidField> names = fullNames.isEmpty() ? authors : fullNames;
        for (OvidField f : names) {
            for (String n : names(f)) {
                boolean editor = n.endsWith("[Ed]") || n.endsWith("[Ed.]");
                String name = editor ? n.substring(0, n.lastIndexOf('[')).strip() : n;
                Author a = Author.parse(name);
                if (editor) {
                    b.editor(a);
                } else {
                    b.author(a);
                }
            }
        }
        if (!fullNames.isEmpty()) {
            authors.forEach(f -> b.extra(f.label, f.text()));
        }
        OvidSource parsed = OvidSource.parse(source);
        if (parsed != null) {
            if (journal == null) {
                journal = parsed.journal();
            }
            volume = volume != null ? volume : parsed.volume();
            issue = issue != null ? issue : parsed.issue();
            pages = pages != null ? pages : parsed.pages();
            if (dateText == null) {
                dateText = parsed.date();
            }
            b.extra("Source", source);
        }
        if (chapterTitle != null) {
            b.title(stripTypeNote(chapterTitle));
            if (journal == null && title != null) {
                journal = stripTypeNote(title);
            }
        } else {
            b.title(stripTypeNote(title));
        }
        b.journal(journal);
        b.volume(volume);
        b.issue(issue);
        b.pages(pages);
        Integer year = FieldValues.year(yearText);
        b.year(year != null ? year : FieldValues.year(dateText));
        b.date(dateText != null ? dateText : yearText);
        b.database(database);
        if (uniqueIdentifier != null) {
            b.accessionNumber(database != null ? database : "Ovid", uniqueIdentifier);
            if (database != null && database.toLowerCase(Locale.ROOT).contains("medline") && uniqueIdentifier.chars()
                    .allMatch(Character::isDigit)) {
                b.pmid(uniqueIdentifier);
            }
        }
        b.type(type(type, title, chapterTitle, journal));
        return b.build();
    }

    /**
     * The names in an author field. Ovid separates them by ";" (Journals@Ovid: "Holstiege, Jakob 1;
     * Mathes, Tim 2") or by two spaces (MEDLINE: "Smith AB.  Jones CD."). Affiliation marks ("1",
     * "*", "+") and credentials ("MD", "PhD", "RN") after a name are dropped, and a part that holds
     * only credentials ("PhD" in "Bunkers, Sandra RN; PhD; FAAN 1") is no author.
     */
    static List<String> names(OvidField f) {
        List<String> out = new ArrayList<>();
        for (String line : f.lines) {
            String[] parts = line.indexOf(';') >= 0 ? line.split(";") : line.split("\\s{2,}");
            for (String part : parts) {
                String name = cleanName(part);
                if (name != null) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    static String cleanName(String part) {
        String s = part.strip();
        if (s.isEmpty()) {
            return null;
        }
        String[] words = s.split("\\s+");
        int end = words.length;
        while (end > 0 && isMarkOrCredential(words[end - 1])) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(words[i]);
        }
        String name = sb.toString();
        while (name.endsWith(",") || name.endsWith(".") && name.length() > 2 && !Character.isUpperCase(name.charAt(name.length() - 2))) {
            name = name.substring(0, name.length() - 1).strip();
        }
        if (name.endsWith(".") && name.lastIndexOf(' ') > 0) {
            // "Smith AB." → "Smith AB"
            name = name.substring(0, name.length() - 1);
        }
        return name.isEmpty() ? null : name;
    }

    private static boolean isMarkOrCredential(String word) {
        String w = word.replace(",", "").replace(".", "").strip();
        if (w.isEmpty()) {
            return true;
        }
        boolean marks = true;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(Character.isDigit(c) || c == '*' || c == '+' || c == '†' || c == '‡' || c == '§' || c == '#')) {
                marks = false;
                break;
            }
        }
        return marks || CREDENTIALS.contains(w.toLowerCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT));
    }

    private static void keywords(OvidField f, Record.Builder b) {
        for (String line : f.lines) {
            for (String k : line.indexOf(';') >= 0 ? line.split(";") : new String[] {line}) {
                String kw = stripStop(k.strip());
                if (kw != null && !kw.isEmpty()) {
                    b.keyword(kw);
                }
            }
        }
    }

    /** "Effects of X.[Review]" → "Effects of X": Ovid appends the article type in brackets. */
    static String stripTypeNote(String title) {
        if (title == null) {
            return null;
        }
        String t = title.strip();
        if (t.endsWith("]")) {
            int open = t.lastIndexOf(".[");
            if (open > 0 && t.indexOf(']', open) == t.length() - 1) {
                t = t.substring(0, open);
            }
        }
        return t;
    }

    private static String stripStop(String v) {
        String t = v.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1).strip() : t;
    }

    private static RecordType type(String type, String title, String chapterTitle, String journal) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("conference abstract") || t.contains("meeting abstract")) {
            return RecordType.CONFERENCE_ABSTRACT;
        }
        if (t.contains("conference")) {
            return RecordType.CONFERENCE_PAPER;
        }
        if (t.contains("chapter") || chapterTitle != null) {
            return RecordType.BOOK_SECTION;
        }
        if (t.startsWith("book") || t.equals("-") && title != null && journal == null) {
            return RecordType.BOOK;
        }
        if (t.contains("dissertation") || t.contains("thesis")) {
            return RecordType.THESIS;
        }
        if (journal != null || t.contains("journal") || t.contains("article") || t.contains("review")) {
            return RecordType.JOURNAL_ARTICLE;
        }
        return RecordType.GENERIC;
    }
}
