package dev.winnow.ingest.bibtex;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes biblatex-flavoured BibTeX in UTF-8 that {@link BibtexReader} reads back to the same
 * record: text fields LaTeX-escaped ({@link Latex#encode}), identifiers verbatim, several notes
 * or extra values as repeated fields. See docs/ingest-structured.md for the field table.
 */
public final class BibtexWriter implements RecordWriter {
    /** Record slots: extras under these names would be read back into the slot, so they are not written. */
    private static final Set<String> SLOT_FIELDS = Set.of(
            "title", "origtitle", "author", "editor", "year", "date", "month", "journal", "journaltitle", "booktitle",
            "shortjournal", "journal-abbreviation", "volume", "number", "issue", "pages", "eid", "doi", "pmid",
            "pmcid", "issn", "isbn", "abstract", "keywords", "language", "url", "publisher", "address", "location",
            "school", "institution", "note", "database", "accessions", "entrysubtype");

    @Override
    public Format format() {
        return Format.BIBTEX;
    }

    @Override
    public void write(Iterable<Record> records, Writer out) throws IOException {
        Set<String> used = new HashSet<>();
        for (Record r : records) {
            StringBuilder sb = new StringBuilder();
            sb.append('@').append(entryType(r)).append('{').append(key(r, used)).append(",\n");
            if (r.type() == RecordType.CONFERENCE_ABSTRACT || r.type() == RecordType.PREPRINT) {
                field(sb, "entrysubtype", r.type().label());
            }
            field(sb, "title", Latex.encode(r.title()));
            field(sb, "origtitle", Latex.encode(r.originalTitle()));
            field(sb, "author", names(r.authors()));
            field(sb, "editor", names(r.editors()));
            field(sb, "year", r.year() == null ? null : r.year().toString());
            field(sb, "date", verbatim(r.date()));
            boolean inBook = r.type() == RecordType.BOOK_SECTION || r.type() == RecordType.CONFERENCE_PAPER
                    || r.type() == RecordType.CONFERENCE_ABSTRACT;
            field(sb, inBook ? "booktitle" : "journal", Latex.encode(r.journal()));
            field(sb, "shortjournal", Latex.encode(r.journalAbbreviation()));
            field(sb, "volume", Latex.encode(r.volume()));
            field(sb, "number", Latex.encode(r.issue()));
            field(sb, "pages", r.pages() == null ? null : Latex.encode(r.pages()).replace("-", "--"));
            field(sb, "eid", Latex.encode(r.articleNumber()));
            field(sb, "doi", verbatim(r.doi()));
            field(sb, "pmid", verbatim(r.pmid()));
            field(sb, "pmcid", verbatim(r.pmcid()));
            field(sb, "issn", r.issns().isEmpty() ? null : verbatim(String.join(", ", r.issns())));
            field(sb, "isbn", r.isbns().isEmpty() ? null : verbatim(String.join(", ", r.isbns())));
            field(sb, "abstract", Latex.encode(r.abstractText()));
            if (!r.keywords().isEmpty()) {
                String joined = String.join("; ", r.keywords());
                // one keyword with a comma: a trailing ';' tells the reader to split on ';' only
                field(sb, "keywords", Latex.encode(r.keywords().size() == 1 && joined.contains(",") ? joined + ";" : joined));
            }
            field(sb, "language", Latex.encode(r.language()));
            field(sb, "url", r.urls().isEmpty() ? null
                    : r.urls().stream().map(u -> verbatim(u.replace(" ", "%20"))).collect(Collectors.joining(" ")));
            field(sb, "publisher", Latex.encode(r.publisher()));
            field(sb, "address", Latex.encode(r.place()));
            field(sb, r.type() == RecordType.THESIS ? "school" : "institution", Latex.encode(r.institution()));
            for (String note : r.notes()) {
                field(sb, "note", Latex.encode(note));
            }
            field(sb, "database", Latex.encode(r.database()));
            if (!r.accessionNumbers().isEmpty()) {
                field(sb, "accessions", verbatim(r.accessionNumbers().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
            }
            for (Map.Entry<String, List<String>> e : r.extra().entrySet()) {
                String name = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_:.+-]", "-");
                if (e.getKey().equals(BibtexRecords.KEY) || SLOT_FIELDS.contains(name) || name.isEmpty()) {
                    continue;
                }
                for (String v : e.getValue()) {
                    field(sb, name, BibtexRecords.isVerbatim(name) ? verbatim(v) : Latex.encode(v));
                }
            }
            sb.append("}\n\n");
            out.write(sb.toString());
        }
        out.flush();
    }

    static String entryType(Record r) {
        return switch (r.type()) {
            case JOURNAL_ARTICLE -> "article";
            case CONFERENCE_PAPER, CONFERENCE_ABSTRACT -> "inproceedings";
            case BOOK -> "book";
            case BOOK_SECTION -> "incollection";
            case THESIS -> r.extra().getOrDefault("type", List.of()).stream()
                    .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("master")) ? "mastersthesis" : "phdthesis";
            case REPORT -> "techreport";
            case PREPRINT, GENERIC -> "misc";
            case DATASET -> "dataset";
            case WEB_PAGE -> "online";
            case PATENT -> "patent";
        };
    }

    /** The record's own key when it has one, else first author's family name and the year; unique in the file. */
    private static String key(Record r, Set<String> used) {
        List<String> own = r.extra().getOrDefault(BibtexRecords.KEY, List.of());
        String base;
        if (!own.isEmpty()) {
            base = own.get(0).replaceAll("[\\s,{}()\"#%'=\\\\]", "");
        } else {
            String family = r.firstAuthorFamily() == null ? "anon" : AuthorNames.familyKey(r.firstAuthorFamily());
            base = (family.isEmpty() ? "anon" : family) + (r.year() == null ? "" : r.year());
        }
        if (base.isEmpty()) {
            base = "record";
        }
        String key = base;
        for (char suffix = 'a'; used.contains(key); suffix++) {
            key = base + (suffix <= 'z' ? String.valueOf(suffix) : "-" + used.size());
        }
        used.add(key);
        return key;
    }

    /** "Family, Given" joined with " and "; a corporate name in braces; parts with spaces, commas or "and" braced. */
    static String names(List<Author> authors) {
        if (authors.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Author a : authors) {
            if (!sb.isEmpty()) {
                sb.append(" and ");
            }
            if (a.corporate()) {
                sb.append('{').append(Latex.encode(a.family())).append('}');
                continue;
            }
            String family = Latex.encode(a.family());
            sb.append(family.contains(" ") || family.contains(",") ? "{" + family + "}" : family);
            sb.append(", ");
            if (a.given() != null) {
                String given = Latex.encode(a.given());
                sb.append(given.contains(",") || given.matches("(?i).*\\band\\b.*") ? "{" + given + "}" : given);
            }
        }
        return sb.toString();
    }

    /** Identifiers and addresses: written as they are, braces (which would unbalance the entry) dropped. */
    private static String verbatim(String s) {
        return s == null ? null : s.replace("{", "").replace("}", "");
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        sb.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
