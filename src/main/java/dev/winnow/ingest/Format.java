package dev.winnow.ingest;

import java.util.Locale;

/** The file formats Winnow reads (and, where a writer exists, writes). */
public enum Format {
    RIS("ris"),
    MEDLINE("medline"),          // MEDLINE/PubMed text: .nbib, .txt (PMID- / TI  - / FAU - …)
    PUBMED_XML("pubmed-xml"),
    OVID("ovid"),                // Ovid's own numbered text export (<1> Authors / Title / Source …)
    WOS("wos"),                  // Web of Science plain text (FN/VR, PT/AU/TI … ER)
    WOS_TAB("wos-tab"),          // Web of Science tab-delimited
    ENDNOTE_XML("endnote-xml"),
    ENDNOTE_TAGGED("endnote"),   // EndNote tagged / refer: .enw, .txt, .ref (%0 Journal Article, %T …)
    BIBTEX("bibtex"),
    CSV("csv"),
    TSV("tsv"),
    CSL_JSON("csl-json"),
    XLSX("xlsx");                // Excel workbook: read from a file (XlsxReader), written by XlsxWriter

    private final String id;

    Format(String id) {
        this.id = id;
    }

    /** The name used on the command line (--from, --to) and in import reports. */
    public String id() {
        return id;
    }

    public static Format parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.id.equals(t) || f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        switch (t) {
            case "nbib", "pubmed", "medline-text" -> { return MEDLINE; }
            case "isi", "ciw", "web-of-science" -> { return WOS; }
            case "bib" -> { return BIBTEX; }
            case "json", "csljson" -> { return CSL_JSON; }
            case "xml" -> { return PUBMED_XML; }
            case "enw", "refer", "endnote-tagged" -> { return ENDNOTE_TAGGED; }
            default -> {
                StringBuilder known = new StringBuilder();
                for (Format f : values()) {
                    known.append(known.length() == 0 ? "" : ", ").append(f.id);
                }
                throw new IllegalArgumentException("unknown format '" + text + "': expected one of " + known);
            }
        }
    }
}
