package dev.winnow.ingest.tabular;

import dev.winnow.record.RecordType;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The type column's words in the exports' vocabularies (BibTeX entry types, RIS TY codes, Scopus
 * "Document Type", Zotero "Item Type", Lens "Publication Type", Springer "Content Type") as Winnow's
 * {@link RecordType}.
 */
final class PublicationTypes {
    private static final Map<String, RecordType> TYPES = new HashMap<>();

    static {
        put(RecordType.JOURNAL_ARTICLE, "article", "journalarticle", "jour", "ejour", "j", "review", "articleinpress",
                "letter", "editorial", "note", "erratum", "shortsurvey", "survey", "journal", "dataPaper");
        put(RecordType.CONFERENCE_PAPER, "conferencepaper", "inproceedings", "conference", "conf", "cpaper",
                "proceedingspaper", "proceedings", "conferenceproceedings", "conferencereview", "paper");
        put(RecordType.CONFERENCE_ABSTRACT, "conferenceabstract", "meetingabstract", "abst");
        put(RecordType.BOOK, "book", "ebook", "b", "editedbook", "edbook", "monograph");
        put(RecordType.BOOK_SECTION, "chapter", "bookchapter", "booksection", "incollection", "inbook", "chap",
                "echap", "bookpart");
        put(RecordType.THESIS, "thesis", "phdthesis", "mastersthesis", "dissertation", "thes");
        put(RecordType.REPORT, "report", "techreport", "rprt", "governmentdocument", "govdoc");
        put(RecordType.PREPRINT, "preprint", "postedcontent");
        put(RecordType.DATASET, "dataset", "data");
        put(RecordType.WEB_PAGE, "webpage", "elec", "online", "website", "blogpost");
        put(RecordType.PATENT, "patent", "pat");
        put(RecordType.GENERIC, "misc", "generic", "gen", "unpublished", "other");
    }

    private PublicationTypes() {
    }

    private static void put(RecordType type, String... words) {
        for (String w : words) {
            TYPES.put(w.toLowerCase(Locale.ROOT), type);
        }
    }

    /** The record type a cell names, or null when the word is not one Winnow knows. */
    static RecordType of(String cell) {
        if (cell == null) {
            return null;
        }
        String key = cell.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return TYPES.get(key);
    }
}
