package dev.winnow.search;

import dev.winnow.UserError;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The search syntaxes Winnow reads and writes, with the thesaurus each one's subject headings come from. */
public enum Syntax {
    OVID_MEDLINE("ovid-medline", "MEDLINE (Ovid)", Thesaurus.MESH, ""),
    OVID_EMBASE("ovid-embase", "Embase (Ovid)", Thesaurus.EMTREE, ""),
    PUBMED("pubmed", "PubMed", Thesaurus.MESH, "#"),
    EMBASE("embase", "Embase (Embase.com)", Thesaurus.EMTREE, "#"),
    CINAHL("cinahl", "CINAHL (EBSCOhost)", Thesaurus.CINAHL_HEADINGS, "S"),
    WOS("wos", "Web of Science", Thesaurus.NONE, "#"),
    PROQUEST("proquest", "ProQuest", Thesaurus.PROQUEST_SUBJECTS, "S");

    public final String id;
    public final String label;
    public final Thesaurus thesaurus;
    /** What goes before a line's number: "#1", "S1", or nothing for Ovid's "1". */
    public final String linePrefix;

    Syntax(String id, String label, Thesaurus thesaurus, String linePrefix) {
        this.id = id;
        this.label = label;
        this.thesaurus = thesaurus;
        this.linePrefix = linePrefix;
    }

    public boolean ovid() {
        return this == OVID_MEDLINE || this == OVID_EMBASE;
    }

    public static Syntax parse(String s, String option) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (Syntax x : values()) {
            if (x.id.equals(k)) {
                return x;
            }
        }
        switch (k) {
            case "ovid", "medline" -> {
                return OVID_MEDLINE;
            }
            case "embase.com" -> {
                return EMBASE;
            }
            case "ebsco", "ebscohost" -> {
                return CINAHL;
            }
            case "web-of-science", "webofscience" -> {
                return WOS;
            }
            default -> {
            }
        }
        throw new UserError("unknown search syntax '" + s + "'" + (option == null ? "" : " (" + option + ")")
                + ": expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(x -> x.id).collect(Collectors.joining(", "));
    }

    /** The syntax a source's platform and name suggest, or null (MEDLINE on Ovid, CINAHL on EBSCOhost…). */
    public static Syntax guess(String name, String platform) {
        String n = (name == null ? "" : name).toLowerCase(Locale.ROOT);
        String p = (platform == null ? "" : platform).toLowerCase(Locale.ROOT);
        if (p.contains("ovid")) {
            return n.contains("embase") ? OVID_EMBASE : OVID_MEDLINE;
        }
        if (n.contains("pubmed") || p.contains("pubmed")) {
            return PUBMED;
        }
        if (n.contains("embase")) {
            return EMBASE;
        }
        if (p.contains("ebsco") || n.contains("cinahl")) {
            return CINAHL;
        }
        if (n.contains("web of science") || p.contains("web of science") || p.contains("clarivate")) {
            return WOS;
        }
        if (p.contains("proquest") || n.contains("proquest")) {
            return PROQUEST;
        }
        if (n.contains("medline")) {
            return OVID_MEDLINE;
        }
        return null;
    }
}
