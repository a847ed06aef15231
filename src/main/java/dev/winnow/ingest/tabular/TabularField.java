package dev.winnow.ingest.tabular;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The record fields a spreadsheet column can fill, with the column names that mean each one in the
 * exports reviewers bring: ASReview, Scopus, Embase, PubMed CSV, Zotero, Lens, IEEE, Springer,
 * OpenAlex, bib-dedupe / CoLRev (BibTeX field names), RIS and Web of Science tags used as headers.
 *
 * <p>Names compare after {@link #key(String)}: case, spaces, underscores and punctuation do not
 * matter ("Publication Year" = "publication_year"). When several columns of a file mean the same
 * field, the one listed first here wins for a row, and the others' values are kept in
 * {@code Record.extra} under their own header.
 */
public enum TabularField {
    ID("id", "record id", "recordid"),
    TYPE("entrytype", "type of reference", "document type", "item type", "publication type", "content type",
            "reference type", "ty", "pt", "dt", "type", "articletype", "article type"),
    TITLE("title", "article title", "primary title", "document title", "item title", "ti", "t1",
            "display name"),
    ORIGINAL_TITLE("original title", "alternate title", "tt"),
    AUTHORS("author full names", "af", "authors", "author", "author names", "author s", "first authors",
            "authorships author display name", "au", "a1", "creators"),
    EDITORS("editors", "editor", "secondary authors", "ed", "a2"),
    JOURNAL("journal", "source title", "publication title", "publicationname", "publication name",
            "journal title", "journal book", "journal name", "secondary title", "container title", "jo", "jf",
            "t2", "so", "booktitle", "primary location source display name"),
    JOURNAL_ABBREVIATION("journal abbreviation", "abbreviated source title", "ja", "j9", "ji"),
    YEAR("year", "publication year", "pubyear", "pub year", "py", "year published"),
    DATE("date", "publication date", "date published", "da", "y1", "pd"),
    VOLUME("volume", "vl", "journal volume", "biblio volume"),
    ISSUE("issue", "number", "is", "issue number", "journal issue", "biblio issue"),
    PAGES("pages", "page", "pp", "page range"),
    FIRST_PAGE("page start", "start page", "first page", "sp", "bp", "biblio first page"),
    LAST_PAGE("page end", "end page", "last page", "ep", "biblio last page"),
    ARTICLE_NUMBER("art no", "article number", "ar"),
    DOI("doi", "do", "di", "item doi"),
    PMID("pmid", "pubmed id", "pubmedid", "pm"),
    PMCID("pmcid", "pmc id"),
    ABSTRACT("abstract", "ab", "abstract note", "abstracttext", "n2"),
    KEYWORDS("author keywords", "keywords", "kw", "de", "manual tags"),
    URL("url", "link", "ur", "urls", "l2", "open url link"),
    ISSN("issn", "issns", "sn", "eissn", "e issn"),
    ISBN("isbn", "isbns", "bn"),
    LANGUAGE("language", "language of original document", "la", "lang"),
    PUBLISHER("publisher", "pb", "pu"),
    PLACE("place published", "place", "cy", "pi"),
    NOTES("note", "notes"),
    INSTITUTION("institution"),
    DATABASE("database"),
    /** Winnow's own CSV: "Embase=2012345678; WOS=000301234500001". */
    ACCESSION_NUMBERS("accession numbers"),
    /** Embase's citation column: "Cancer (2004) 102:4 (253-258). Date of Publication: 25 Aug 2004". */
    EMBASE_SOURCE("source"),
    /** PubMed's CSV citation column: "Nature. 2021 Dec 21;1(2):10-11. doi: 10.1038/x." ({@link PubmedCitation}). */
    PUBMED_CITATION("citation");

    private static final Map<String, TabularField> BY_KEY = new HashMap<>();
    private static final Map<String, Integer> RANK = new HashMap<>();

    static {
        for (TabularField f : values()) {
            for (int i = 0; i < f.names.size(); i++) {
                BY_KEY.putIfAbsent(f.names.get(i), f);
                RANK.putIfAbsent(f.names.get(i), i);
            }
        }
    }

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[{}\\[\\]<>=\":]");

    private final List<String> names;

    TabularField(String... names) {
        this.names = List.of(names);
    }

    /** The name used in column-mapping reports ("title", "authors", "first-page", …). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The column names (as {@link #key} forms) that mean this field, the preferred first. */
    public List<String> names() {
        return names;
    }

    /**
     * The field a column header means, or null when it is not one Winnow knows. A "header" with
     * markup characters ({@code {}[]<>=":}) is text of another format, never a column name.
     */
    public static TabularField of(String header) {
        if (header == null || MARKUP.matcher(header).find()) {
            return null;
        }
        return BY_KEY.get(key(header));
    }

    /** How strongly a header claims its field: 0 for the preferred name, larger for later synonyms. */
    static int rank(String header) {
        return RANK.getOrDefault(key(header), Integer.MAX_VALUE);
    }

    /** True for the fields that identify a bibliographic record (enough to recognise a file by). */
    public boolean identifying() {
        return this == TITLE || this == AUTHORS || this == DOI || this == PMID || this == ABSTRACT;
    }

    /**
     * The comparison form of a header: lower case, every run of other characters than letters
     * and digits one space, trimmed ("Art. No." → "art no", "publication_year" → "publication year").
     */
    public static String key(String header) {
        if (header == null) {
            return "";
        }
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
