package dev.winnow.search;

import static dev.winnow.search.Field.ABSTRACT;
import static dev.winnow.search.Field.ALL;
import static dev.winnow.search.Field.AUTHOR;
import static dev.winnow.search.Field.AUTHOR_KEYWORDS;
import static dev.winnow.search.Field.FLOATING_SUBHEADING;
import static dev.winnow.search.Field.HEADING_WORDS;
import static dev.winnow.search.Field.JOURNAL;
import static dev.winnow.search.Field.KEYWORDS_PLUS;
import static dev.winnow.search.Field.LANGUAGE;
import static dev.winnow.search.Field.LIMIT;
import static dev.winnow.search.Field.PUBLICATION_TYPE;
import static dev.winnow.search.Field.SUBSTANCE;
import static dev.winnow.search.Field.TITLE;
import static dev.winnow.search.Field.YEAR;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each syntax's field codes and the {@link Field}s they search, in the order a writer prefers them.
 * Sources: the databases' own help pages (Ovid MEDLINE and Embase field guides, PubMed Help "Search
 * field descriptions and tags", Embase.com "Search fields", EBSCOhost CINAHL "Searchable fields",
 * Web of Science "Advanced search field tags", ProQuest "Field codes").
 */
final class FieldCodes {
    private FieldCodes() {
    }

    private static final Map<Syntax, Map<String, Set<Field>>> CODES = new LinkedHashMap<>();

    static {
        Map<String, Set<Field>> ovid = new LinkedHashMap<>();
        ovid.put("ti", Set.of(TITLE));
        ovid.put("ab", Set.of(ABSTRACT));
        ovid.put("tw", Set.of(TITLE, ABSTRACT));
        ovid.put("kf", Set.of(AUTHOR_KEYWORDS));
        ovid.put("kw", Set.of(AUTHOR_KEYWORDS));
        ovid.put("hw", Set.of(HEADING_WORDS));
        ovid.put("fs", Set.of(FLOATING_SUBHEADING));
        ovid.put("nm", Set.of(SUBSTANCE));
        ovid.put("rn", Set.of(SUBSTANCE));
        ovid.put("mp", Set.of(ALL));
        ovid.put("af", Set.of(ALL));
        ovid.put("au", Set.of(AUTHOR));
        ovid.put("jn", Set.of(JOURNAL));
        ovid.put("pt", Set.of(PUBLICATION_TYPE));
        ovid.put("lg", Set.of(LANGUAGE));
        ovid.put("yr", Set.of(YEAR));
        CODES.put(Syntax.OVID_MEDLINE, ovid);
        Map<String, Set<Field>> ovidEmbase = new LinkedHashMap<>(ovid);
        ovidEmbase.put("kw", Set.of(AUTHOR_KEYWORDS)); // Embase: author keywords are .kw.; MEDLINE prefers .kf.
        ovidEmbase.remove("kf");
        ovidEmbase.put("kf", Set.of(AUTHOR_KEYWORDS));
        ovidEmbase.put("dq", Set.of(HEADING_WORDS));
        CODES.put(Syntax.OVID_EMBASE, ovidEmbase);

        Map<String, Set<Field>> pubmed = new LinkedHashMap<>();
        pubmed.put("tiab", Set.of(TITLE, ABSTRACT));
        pubmed.put("ti", Set.of(TITLE));
        pubmed.put("ab", Set.of(ABSTRACT));
        pubmed.put("tw", Set.of(TITLE, ABSTRACT, AUTHOR_KEYWORDS, HEADING_WORDS));
        pubmed.put("ot", Set.of(AUTHOR_KEYWORDS));
        pubmed.put("sh", Set.of(FLOATING_SUBHEADING));
        pubmed.put("nm", Set.of(SUBSTANCE));
        pubmed.put("all", Set.of(ALL));
        pubmed.put("au", Set.of(AUTHOR));
        pubmed.put("ta", Set.of(JOURNAL));
        pubmed.put("pt", Set.of(PUBLICATION_TYPE));
        pubmed.put("la", Set.of(LANGUAGE));
        pubmed.put("dp", Set.of(YEAR));
        CODES.put(Syntax.PUBMED, pubmed);

        Map<String, Set<Field>> embase = new LinkedHashMap<>();
        embase.put("ti", Set.of(TITLE));
        embase.put("ab", Set.of(ABSTRACT));
        embase.put("kw", Set.of(AUTHOR_KEYWORDS));
        embase.put("de", Set.of(HEADING_WORDS));
        embase.put("lnk", Set.of(FLOATING_SUBHEADING));
        embase.put("tn", Set.of(SUBSTANCE));
        embase.put("au", Set.of(AUTHOR));
        embase.put("jt", Set.of(JOURNAL));
        embase.put("it", Set.of(PUBLICATION_TYPE));
        embase.put("la", Set.of(LANGUAGE));
        embase.put("py", Set.of(YEAR));
        CODES.put(Syntax.EMBASE, embase);

        Map<String, Set<Field>> cinahl = new LinkedHashMap<>();
        cinahl.put("TI", Set.of(TITLE));
        cinahl.put("AB", Set.of(ABSTRACT));
        cinahl.put("MW", Set.of(HEADING_WORDS));
        cinahl.put("SU", Set.of(AUTHOR_KEYWORDS, HEADING_WORDS));
        cinahl.put("TX", Set.of(ALL));
        cinahl.put("AU", Set.of(AUTHOR));
        cinahl.put("SO", Set.of(JOURNAL));
        cinahl.put("PT", Set.of(PUBLICATION_TYPE));
        cinahl.put("LA", Set.of(LANGUAGE));
        cinahl.put("DT", Set.of(YEAR));
        CODES.put(Syntax.CINAHL, cinahl);

        Map<String, Set<Field>> wos = new LinkedHashMap<>();
        wos.put("TS", Set.of(TITLE, ABSTRACT, AUTHOR_KEYWORDS, KEYWORDS_PLUS));
        wos.put("TI", Set.of(TITLE));
        wos.put("AB", Set.of(ABSTRACT));
        wos.put("AK", Set.of(AUTHOR_KEYWORDS));
        wos.put("KP", Set.of(KEYWORDS_PLUS));
        wos.put("ALL", Set.of(ALL));
        wos.put("AU", Set.of(AUTHOR));
        wos.put("SO", Set.of(JOURNAL));
        wos.put("DT", Set.of(PUBLICATION_TYPE));
        wos.put("LA", Set.of(LANGUAGE));
        wos.put("PY", Set.of(YEAR));
        CODES.put(Syntax.WOS, wos);

        Map<String, Set<Field>> proquest = new LinkedHashMap<>();
        proquest.put("ti", Set.of(TITLE));
        proquest.put("ab", Set.of(ABSTRACT));
        proquest.put("if", Set.of(AUTHOR_KEYWORDS));
        proquest.put("su", Set.of(HEADING_WORDS));
        proquest.put("noft", Set.of(ALL));
        proquest.put("au", Set.of(AUTHOR));
        proquest.put("pub", Set.of(JOURNAL));
        proquest.put("dtype", Set.of(PUBLICATION_TYPE));
        proquest.put("la", Set.of(LANGUAGE));
        proquest.put("yr", Set.of(YEAR));
        CODES.put(Syntax.PROQUEST, proquest);
    }

    static Map<String, Set<Field>> of(Syntax s) {
        return CODES.get(s);
    }

    /** The fields of a code of this syntax, or null when the syntax has no such code (case as the syntax writes it). */
    static Set<Field> lookup(Syntax s, String code) {
        String k = s == Syntax.CINAHL || s == Syntax.WOS ? code.toUpperCase(Locale.ROOT) : code.toLowerCase(Locale.ROOT);
        return CODES.get(s).get(k);
    }

    static String known(Syntax s) {
        return String.join(", ", CODES.get(s).keySet());
    }

    /**
     * Codes chosen to search a set of fields: the fields no code of the syntax covers ({@code missing}),
     * the code widened to when none covers any ({@code widened}), and fields searched beyond those wanted
     * ({@code extra}, when one wider code stands for several).
     */
    record Cover(List<String> codes, Set<Field> missing, String widened, Set<Field> extra) {
        Cover(List<String> codes, Set<Field> missing, String widened) {
            this(codes, missing, widened, Set.of());
        }
    }

    /**
     * Codes whose fields together are exactly {@code wanted} where possible: one code with exactly those
     * fields, else codes each searching only wanted fields (largest first). Fields left over are
     * {@code missing}; when no code covers any wanted field, the smallest code searching all of them
     * (or all fields) is {@code widened} to.
     */
    static Cover cover(Syntax s, Set<Field> wanted) {
        return cover(s, wanted, false);
    }

    /**
     * As {@link #cover(Syntax, Set)}; with {@code oneCode} (a syntax whose terms take one code each),
     * a single code searching the wanted fields and a few more (not all fields) is preferred to
     * several codes ORed: Web of Science's TS for title and abstract, as searchers write it.
     */
    static Cover cover(Syntax s, Set<Field> wanted, boolean oneCode) {
        Map<String, Set<Field>> codes = CODES.get(s);
        if (wanted.contains(LIMIT)) {
            return new Cover(List.of(), EnumSet.of(LIMIT), null);
        }
        for (var e : codes.entrySet()) {
            if (e.getValue().equals(wanted)) {
                return new Cover(List.of(e.getKey()), Set.of(), null);
            }
        }
        if (oneCode) {
            String wider = null;
            for (var e : codes.entrySet()) {
                if (e.getValue().containsAll(wanted) && !e.getValue().contains(ALL)
                        && (wider == null || e.getValue().size() < codes.get(wider).size())) {
                    wider = e.getKey();
                }
            }
            if (wider != null) {
                EnumSet<Field> extra = EnumSet.copyOf(codes.get(wider));
                extra.removeAll(wanted);
                return new Cover(List.of(wider), Set.of(), null, extra);
            }
        }
        EnumSet<Field> left = EnumSet.copyOf(wanted);
        List<String> chosen = new ArrayList<>();
        while (!left.isEmpty()) {
            String best = null;
            int size = 0;
            for (var e : codes.entrySet()) {
                if (left.containsAll(e.getValue()) && e.getValue().size() > size) {
                    best = e.getKey();
                    size = e.getValue().size();
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            left.removeAll(codes.get(best));
        }
        if (chosen.isEmpty()) {
            String wider = null;
            int size = Integer.MAX_VALUE;
            for (var e : codes.entrySet()) {
                if (e.getValue().containsAll(wanted) && e.getValue().size() < size) {
                    wider = e.getKey();
                    size = e.getValue().size();
                }
            }
            if (wider == null) {
                wider = codes.entrySet().stream().filter(e -> e.getValue().contains(ALL)).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
            }
            return new Cover(List.of(), EnumSet.copyOf(wanted), wider);
        }
        return new Cover(chosen, left.isEmpty() ? Set.of() : left, null);
    }

    static String labels(Set<Field> f) {
        return f.stream().sorted().map(x -> x.label).collect(Collectors.joining(", "));
    }
}
