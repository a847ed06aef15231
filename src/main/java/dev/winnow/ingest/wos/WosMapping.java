package dev.winnow.ingest.wos;

import dev.winnow.ingest.tagged.FieldValues;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Web of Science field tags → {@link Record}, for the plain-text and the tab-delimited export alike
 * (table in docs/ingest.md). Authors are the full names (AF) when given, else the short ones (AU);
 * for books BF/BA stand in; group authors (CA, GP) follow as organisations; BE are editors.
 * Every list field may also hold several values separated by ";" (the tab-delimited export, and
 * WoS's MEDLINE records, write them so). Tags with no slot go to {@link Record#extra()}.
 */
final class WosMapping {
    private WosMapping() {
    }

    static Record toRecord(Map<String, List<String>> f) {
        Record.Builder b = Record.builder();
        List<String> names = names(f, "AF");
        if (names.isEmpty()) {
            names = names(f, "AU");
        }
        if (names.isEmpty()) {
            names = names(f, "BF");
        }
        if (names.isEmpty()) {
            names = names(f, "BA");
        }
        names.forEach(n -> b.author(Author.parse(n)));
        names(f, "CA").forEach(n -> b.author(Author.organisation(n)));
        names(f, "GP").forEach(n -> b.author(Author.organisation(n)));
        names(f, "BE").forEach(n -> b.editor(Author.parse(n)));
        b.title(one(f, "TI"));
        b.journal(one(f, "SO"));
        String abbreviation = one(f, "JI");
        b.journalAbbreviation(abbreviation != null ? abbreviation : one(f, "J9"));
        String py = one(f, "PY");
        String pd = one(f, "PD");
        Integer year = FieldValues.year(py);
        if (year == null) {
            year = FieldValues.year(pd);
        }
        if (year == null) {
            year = FieldValues.year(one(f, "EA"));
        }
        b.year(year);
        b.date(pd == null ? py : FieldValues.year(pd) != null || py == null ? pd : pd + " " + py);
        b.volume(one(f, "VL"));
        b.issue(one(f, "IS"));
        String pages = FieldValues.pages(one(f, "BP"), one(f, "EP"));
        b.pages(pages != null ? pages : one(f, "PS"));
        b.articleNumber(one(f, "AR"));
        b.doi(FieldValues.doi(one(f, "DI")));
        b.abstractText(one(f, "AB"));
        keywords(f, "DE", b);
        keywords(f, "ID", b);
        b.language(one(f, "LA"));
        FieldValues.standardNumbers(one(f, "SN"), b);
        FieldValues.standardNumbers(one(f, "EI"), b);
        FieldValues.standardNumbers(one(f, "BN"), b);
        String ut = one(f, "UT");
        if (ut != null) {
            int colon = ut.indexOf(':');
            String db = colon > 0 ? ut.substring(0, colon) : "WOS";
            b.accessionNumber(db.equals("WOS") ? "Web of Science" : db, ut);
            if (db.equals("MEDLINE")) {
                b.pmid(ut.substring(colon + 1).strip());
            }
        }
        String pm = one(f, "PM");
        if (pm != null) {
            b.pmid(pm);
        }
        b.publisher(one(f, "PU"));
        b.place(one(f, "PI"));
        b.type(type(one(f, "PT"), one(f, "DT")));
        b.database("Web of Science");
        for (Map.Entry<String, List<String>> e : f.entrySet()) {
            if (!MAPPED.contains(e.getKey())) {
                for (String v : e.getValue()) {
                    b.extra(e.getKey(), v);
                }
            }
        }
        return b.build();
    }

    private static final java.util.Set<String> MAPPED = java.util.Set.of(
            "AF", "AU", "BF", "BA", "CA", "GP", "BE", "TI", "SO", "JI", "J9", "PY", "PD", "VL", "IS", "BP", "EP",
            "AR", "DI", "AB", "DE", "ID", "LA", "SN", "EI", "BN", "UT", "PM", "PU", "PI", "PT", "DT", "PS");

    private static String one(Map<String, List<String>> f, String tag) {
        List<String> vs = f.get(tag);
        if (vs == null) {
            return null;
        }
        for (String v : vs) {
            if (!v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    /** The names of a list field, each value also split at ";". */
    private static List<String> names(Map<String, List<String>> f, String tag) {
        List<String> vs = f.get(tag);
        List<String> out = new ArrayList<>();
        if (vs == null) {
            return out;
        }
        for (String v : vs) {
            if (v.indexOf(';') < 0) {
                if (!v.isBlank()) {
                    out.add(v.strip());
                }
                continue;
            }
            for (String part : v.split(";")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static void keywords(Map<String, List<String>> f, String tag, Record.Builder b) {
        String v = one(f, tag);
        if (v == null) {
            return;
        }
        for (String k : v.split(";")) {
            b.keyword(k.strip());
        }
    }

    /** PT (J, B, S, P, C) refined by DT (document type). */
    static RecordType type(String pt, String dt) {
        if (dt != null) {
            String d = dt.toLowerCase(Locale.ROOT);
            if (d.contains("meeting abstract")) {
                return RecordType.CONFERENCE_ABSTRACT;
            }
            if (d.contains("proceedings paper")) {
                return RecordType.CONFERENCE_PAPER;
            }
            if (d.contains("book chapter")) {
                return RecordType.BOOK_SECTION;
            }
            if (d.equals("book")) {
                return RecordType.BOOK;
            }
            if (d.contains("data paper") || d.contains("data set")) {
                return RecordType.DATASET;
            }
            if (d.contains("preprint")) {
                return RecordType.PREPRINT;
            }
        }
        if (pt == null) {
            return RecordType.GENERIC;
        }
        return switch (pt.strip().toUpperCase(Locale.ROOT)) {
            case "J" -> RecordType.JOURNAL_ARTICLE;
            case "B" -> RecordType.BOOK;
            case "S" -> RecordType.BOOK_SECTION;
            case "C" -> RecordType.CONFERENCE_PAPER;
            case "P" -> RecordType.PATENT;
            default -> RecordType.GENERIC;
        };
    }
}
