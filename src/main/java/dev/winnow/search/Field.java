package dev.winnow.search;

/**
 * The parts of a bibliographic record a term can be searched in, named for what they hold rather
 * than for any one database's code. Each database's codes map to a set of these
 * ({@link FieldCodes}); Ovid's {@code .tw.} is {TITLE, ABSTRACT}, Web of Science's {@code TS=} is
 * {TITLE, ABSTRACT, AUTHOR_KEYWORDS, KEYWORDS_PLUS}. A term with no field is searched in the
 * database's default fields.
 */
public enum Field {
    TITLE("title"),
    ABSTRACT("abstract"),
    AUTHOR_KEYWORDS("author keywords"),
    KEYWORDS_PLUS("Keywords Plus"),
    HEADING_WORDS("words in subject headings"),
    FLOATING_SUBHEADING("floating subheading"),
    SUBSTANCE("substance or drug name"),
    ALL("all fields"),
    AUTHOR("author"),
    JOURNAL("journal"),
    PUBLICATION_TYPE("publication type"),
    LANGUAGE("language"),
    YEAR("publication year"),
    LIMIT("a database limit");

    public final String label;

    Field(String label) {
        this.label = label;
    }
}
