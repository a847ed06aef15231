package dev.winnow.ingest.refer;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Author;
import dev.winnow.record.AuthorNames;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.List;
import java.util.Locale;

/**
 * EndNote tagged / refer fields → {@link Record}, after EndNote's own table of tags (the table is in
 * docs/ingest.md). The container is {@code %J} (journal), else {@code %B} (the book of a section,
 * the conference of a paper, the journal when only {@code %B} names it). Tags with no slot go to
 * {@link Record#extra()} under their own name ({@code %Y}, {@code %9}, {@code %+} …).
 */
final class ReferMapping {
    private ReferMapping() {
    }

    static Record toRecord(List<ReferField> fields) {
        Record.Builder b = Record.builder();
        String type = null;
        String journal = null;
        String secondary = null;
        String year = null;
        String date = null;
        String publisher = null;
        String database = null;
        String provider = null;
        String pages = null;
        List<String> accession = new java.util.ArrayList<>(1);
        for (ReferField f : fields) {
            String v = f.value;
            if (v.isEmpty() && f.more == null) {
                continue;
            }
            switch (f.tag) {
                case '0' -> {
                    if (type == null) {
                        type = v;
                    } else {
                        b.extra(f.name(), v);
                    }
                }
                case 'T' -> {
                    if (b.title() == null) {
                        b.title(v);
                    } else {
                        b.extra(f.name(), v);
                    }
                }
                case 'A' -> AuthorNames.names(v).forEach(n -> b.author(Author.parse(n)));
                case 'E' -> AuthorNames.names(v).forEach(n -> b.editor(Author.parse(n)));
                case 'J' -> journal = FieldValues.first(journal, v, b, f.name());
                case 'B' -> secondary = FieldValues.first(secondary, v, b, f.name());
                case 'D' -> year = FieldValues.first(year, v, b, f.name());
                case '8' -> date = FieldValues.first(date, v, b, f.name());
                case 'V' -> b.volume(v);
                case 'N' -> b.issue(v);
                case 'P' -> pages = v;
                case 'I' -> publisher = FieldValues.first(publisher, v, b, f.name());
                case 'C' -> b.place(v);
                case '@' -> {
                    if (FieldValues.standardNumbers(v, b) == 0) {
                        b.extra(f.name(), v);
                    }
                }
                case 'R' -> {
                    String doi = FieldValues.doi(v);
                    if (doi != null && b.doi() == null) {
                        b.doi(doi);
                    } else {
                        b.extra(f.name(), v);
                    }
                }
                case 'U' -> {
                    for (String url : v.split("\\s+")) {
                        b.url(url);
                    }
                }
                case 'X' -> b.abstractText(b.abstractText() == null ? v : b.abstractText() + "\n" + v);
                case 'K' -> f.values().forEach(k -> keywords(k, b));
                case 'Z' -> b.note(v);
                case 'G' -> b.language(v);
                case 'M' -> accession.add(v);
                case '~' -> database = FieldValues.first(database, v, b, f.name());
                case 'W' -> provider = FieldValues.first(provider, v, b, f.name());
                default -> b.extra(f.name(), v);
            }
        }
        RecordType recordType = type(type);
        b.type(recordType);
        if (recordType == RecordType.BOOK && pages != null && pages.indexOf('-') < 0 && pages.indexOf('–') < 0) {
            b.extra("%P", pages); // a book's %P is its number of pages ("XX, 327"), not a range in a container
        } else {
            b.pages(pages);
        }
        b.journal(journal != null ? journal : secondary);
        if (journal != null && secondary != null) {
            b.extra("%B", secondary);
        }
        b.year(FieldValues.year(year) != null ? FieldValues.year(year) : FieldValues.year(date));
        b.date(date != null ? date : year);
        b.publisher(publisher);
        if (recordType == RecordType.THESIS) {
            b.institution(publisher);
        }
        String db = database != null ? database : provider;
        b.database(db);
        if (database != null && provider != null) {
            b.extra("%W", provider);
        }
        for (String an : accession) {
            b.accessionNumber(db != null ? db : "EndNote", an);
            if (db != null && db.toLowerCase(Locale.ROOT).contains("pubmed") && an.matches("\\d{1,9}")) {
                b.pmid(an);
            }
        }
        if (b.doi() == null) {
            for (ReferField f : fields) {
                if ((f.tag == 'U' || f.tag == 'O' || f.tag == 'Z') && f.value.contains("doi.org/")) {
                    b.doi(FieldValues.doi(f.value.substring(f.value.indexOf("doi.org/") + 8)));
                    break;
                }
            }
        }
        return b.build();
    }

    /** One keyword a line; a line that lists several ("a; b; c") is split at its semicolons. */
    private static void keywords(String line, Record.Builder b) {
        if (line.indexOf(';') < 0) {
            b.keyword(line);
            return;
        }
        for (String k : line.split(";")) {
            b.keyword(k);
        }
    }

    /** EndNote's reference types (and refer's shorter names) as Winnow's. */
    static RecordType type(String type) {
        if (type == null) {
            return RecordType.GENERIC;
        }
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (t.contains("section") || t.contains("chapter")) {
            return RecordType.BOOK_SECTION;
        }
        if (t.contains("book")) {
            return RecordType.BOOK;
        }
        if (t.contains("abstract") && t.contains("conference")) {
            return RecordType.CONFERENCE_ABSTRACT;
        }
        if (t.startsWith("conference") || t.contains("proceedings")) {
            return RecordType.CONFERENCE_PAPER;
        }
        if (t.contains("thesis") || t.contains("dissertation")) {
            return RecordType.THESIS;
        }
        if (t.contains("report") || t.contains("government document") || t.equals("standard")) {
            return RecordType.REPORT;
        }
        if (t.contains("web page") || t.equals("blog") || t.equals("electronic source")) {
            return RecordType.WEB_PAGE;
        }
        if (t.equals("dataset")) {
            return RecordType.DATASET;
        }
        if (t.equals("patent")) {
            return RecordType.PATENT;
        }
        if (t.equals("preprint")) {
            return RecordType.PREPRINT;
        }
        if (t.contains("article") || t.equals("journal") || t.contains("review")) {
            return RecordType.JOURNAL_ARTICLE;
        }
        return RecordType.GENERIC;
    }
}
