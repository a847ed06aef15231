package dev.winnow.search;

/** The controlled vocabulary a subject heading belongs to; a heading must be looked up again in another. */
public enum Thesaurus {
    MESH("MeSH"),
    EMTREE("Emtree"),
    CINAHL_HEADINGS("CINAHL Headings"),
    PROQUEST_SUBJECTS("the ProQuest thesaurus"),
    NONE("no thesaurus");

    public final String label;

    Thesaurus(String label) {
        this.label = label;
    }
}
