package dev.winnow.ingest.ris;

import dev.winnow.record.RecordType;
import java.util.Locale;

/** RIS reference types (TY) → {@link RecordType}; M3 "Conference Abstract" refines a JOUR or CONF. */
final class RisTypes {
    private RisTypes() {
    }

    static RecordType of(String ty, String m3) {
        RecordType t = of(ty);
        if (m3 != null && (t == RecordType.JOURNAL_ARTICLE || t == RecordType.CONFERENCE_PAPER || t == RecordType.GENERIC)) {
            String m = m3.toLowerCase(Locale.ROOT);
            if (m.contains("conference abstract") || m.contains("meeting abstract")) {
                return RecordType.CONFERENCE_ABSTRACT;
            }
            if (m.contains("preprint")) {
                return RecordType.PREPRINT;
            }
        }
        return t;
    }

    static RecordType of(String ty) {
        if (ty == null) {
            return RecordType.GENERIC;
        }
        return switch (ty.strip().toUpperCase(Locale.ROOT)) {
            case "JOUR", "JFULL", "MGZN", "NEWS", "EJOUR", "INPR", "SER" -> RecordType.JOURNAL_ARTICLE;
            case "ABST" -> RecordType.CONFERENCE_ABSTRACT;
            case "CONF", "CPAPER" -> RecordType.CONFERENCE_PAPER;
            case "BOOK", "EBOOK", "EDBOOK", "CLSWK" -> RecordType.BOOK;
            case "CHAP", "ECHAP" -> RecordType.BOOK_SECTION;
            case "THES", "DISS" -> RecordType.THESIS;
            case "RPRT", "GOVDOC", "STAND", "PAMP" -> RecordType.REPORT;
            case "UNPB", "MANSCPT" -> RecordType.PREPRINT;
            case "ELEC", "WEB", "BLOG", "ICOMM" -> RecordType.WEB_PAGE;
            case "DATA", "DBASE", "AGGR" -> RecordType.DATASET;
            case "PAT" -> RecordType.PATENT;
            default -> RecordType.GENERIC;
        };
    }
}
