package dev.winnow.ingest.ris;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Author;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * Writes RIS as reference managers read it: {@code TY} first, {@code ER} last, one tag per line,
 * repeated tags for lists. Tag choices are in docs/ingest-structured.md.
 */
public final class RisWriter implements RecordWriter {
    @Override
    public Format format() {
        return Format.RIS;
    }

    static String risType(RecordType t) {
        return switch (t) {
            case JOURNAL_ARTICLE -> "JOUR";
            case CONFERENCE_PAPER -> "CPAPER";
            case CONFERENCE_ABSTRACT -> "ABST";
            case BOOK -> "BOOK";
            case BOOK_SECTION -> "CHAP";
            case THESIS -> "THES";
            case REPORT -> "RPRT";
            case PREPRINT -> "UNPB";
            case DATASET -> "DATA";
            case WEB_PAGE -> "ELEC";
            case PATENT -> "PAT";
            case GENERIC -> "GEN";
        };
    }

    @Override
    public void write(Iterable<Record> records, Writer out) throws IOException {
        for (Record r : records) {
            tag(out, "TY", risType(r.type()));
            tag(out, "TI", r.title());
            tag(out, "TT", r.originalTitle());
            for (Author a : r.authors()) {
                tag(out, "AU", a.display());
            }
            for (Author a : r.editors()) {
                tag(out, "A2", a.display());
            }
            tag(out, "PY", r.year() == null ? null : r.year().toString());
            tag(out, "DA", r.date());
            tag(out, "T2", r.journal());
            tag(out, "J2", r.journalAbbreviation());
            tag(out, "VL", r.volume());
            tag(out, "IS", r.issue());
            pages(out, r.pages());
            tag(out, "C7", r.articleNumber());
            tag(out, "DO", r.doi());
            tag(out, "AN", r.pmid());
            for (Map.Entry<String, String> acc : r.accessionNumbers().entrySet()) {
                if (!acc.getValue().equals(r.pmid())) {
                    tag(out, "AN", acc.getValue());
                }
            }
            tag(out, "C2", r.pmcid());
            for (String s : r.issns()) {
                tag(out, "SN", s);
            }
            for (String s : r.isbns()) {
                tag(out, "SN", s);
            }
            tag(out, "AB", r.abstractText());
            for (String k : r.keywords()) {
                tag(out, "KW", k);
            }
            tag(out, "LA", r.language());
            for (String u : r.urls()) {
                tag(out, "UR", u);
            }
            tag(out, "DB", r.database());
            tag(out, "PB", r.publisher() != null ? r.publisher() : r.institution());
            tag(out, "CY", r.place());
            for (String n : r.notes()) {
                tag(out, "N1", n);
            }
            for (Map.Entry<String, List<String>> e : r.extra().entrySet()) {
                if (e.getKey().matches("[A-Z][A-Z0-9]") && !e.getKey().equals("TY") && !e.getKey().equals("ER")) {
                    for (String v : e.getValue()) {
                        tag(out, e.getKey(), v);
                    }
                }
            }
            out.write("ER  - \r\n\r\n");
        }
        out.flush();
    }

    /** "590-595" as SP/EP; anything else whole in SP. */
    private static void pages(Writer out, String pages) throws IOException {
        if (pages == null) {
            return;
        }
        String[] parts = pages.split("\\s*[-–]\\s*");
        if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
            tag(out, "SP", parts[0]);
            tag(out, "EP", parts[1]);
        } else {
            tag(out, "SP", pages);
        }
    }

    /** One tag line; line breaks inside a value become spaces (RIS values are one line). */
    private static void tag(Writer out, String tag, String value) throws IOException {
        if (value == null || value.isBlank()) {
            return;
        }
        out.write(tag);
        out.write("  - ");
        out.write(value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
        out.write("\r\n");
    }
}
