package dev.winnow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Translation between syntaxes: what is written, and a flag for each kind of thing a target cannot say. */
class TranslationTest {

    static final Map<Syntax, List<String>> ALL = Map.of(
            Syntax.OVID_MEDLINE, List.of(PublishedStrategies.OVID_PACERS, PublishedStrategies.OVID_COCHRANE_RCT,
                    PublishedStrategies.OVID_LAYPERSONS),
            Syntax.PUBMED, List.of(PublishedStrategies.PUBMED_COCHRANE_RCT),
            Syntax.EMBASE, List.of(PublishedStrategies.EMBASE_COCHRANE_RCT, PublishedStrategies.EMBASE_PALLIATIVE),
            Syntax.CINAHL, List.of(PublishedStrategies.CINAHL_PALLIATIVE),
            Syntax.WOS, List.of(PublishedStrategies.WOS_PALLIATIVE),
            Syntax.PROQUEST, List.of(PublishedStrategies.PROQUEST_PALLIATIVE));

    private static Translation translate(Syntax from, String text, Syntax to) {
        return Strategies.write(Strategies.parse(from, text), to);
    }

    private static boolean has(Translation t, Flag.Kind kind, int line) {
        return t.flags().stream().anyMatch(f -> f.kind() == kind && f.line() == line);
    }

    @Test
    void noTermIsDroppedInAnyTranslation() {
        int pairs = 0;
        for (var e : ALL.entrySet()) {
            for (String text : e.getValue()) {
                Strategy s = Strategies.parse(e.getKey(), text);
                List<String> stems = new ArrayList<>();
                s.lines().forEach(l -> stems(l.query(), stems));
                for (Syntax to : Syntax.values()) {
                    String out = Strategies.write(s, to).text().toLowerCase(Locale.ROOT);
                    for (String stem : stems) {
                        assertTrue(out.contains(stem), () -> "'" + stem + "' missing from the " + to.id
                                + " translation of a " + e.getKey().id + " strategy:\n" + out);
                    }
                    pairs++;
                }
            }
        }
        assertEquals(9 * Syntax.values().length, pairs);
    }

    /** The first word (letters and digits) of each term, and each heading: they must be in every translation. */
    private static void stems(Query q, List<String> out) {
        switch (q) {
            case Query.Term t -> {
                Matcher m = Pattern.compile("^[\\p{L}\\p{N}]+").matcher(t.text());
                if (m.find()) {
                    out.add(m.group().toLowerCase(Locale.ROOT));
                }
            }
            case Query.Heading h -> out.add(h.name().toLowerCase(Locale.ROOT));
            case Query.And a -> a.parts().forEach(p -> stems(p, out));
            case Query.Or o -> o.parts().forEach(p -> stems(p, out));
            case Query.Not n -> {
                stems(n.include(), out);
                stems(n.exclude(), out);
            }
            case Query.Near n -> n.parts().forEach(p -> stems(p, out));
            case Query.Limit l -> stems(l.base(), out);
            case Query.LineRef r -> {
            }
        }
    }

    @Test
    void aTranslationWithoutFlagsReadsBackToTheSameTree() {
        int clean = 0;
        for (var e : ALL.entrySet()) {
            for (String text : e.getValue()) {
                Strategy s = Strategies.parse(e.getKey(), text);
                for (Syntax to : Syntax.values()) {
                    Translation t = Strategies.write(s, to);
                    if (t.flags().isEmpty()) {
                        Strategy back = Strategies.parse(to, t.text());
                        assertTrue(s.sameSearch(back), () -> e.getKey().id + " → " + to.id + " changed the tree:\n"
                                + Strategies.tree(s) + "\n" + Strategies.tree(back) + "\n" + t.text());
                        clean++;
                    }
                }
            }
        }
        assertTrue(clean >= 12, "flag-free translations checked: " + clean);
    }

    @Test
    void theCochraneFilterTranslatesBetweenOvidAndPubMedWithoutAFlag() {
        Translation toPubMed = translate(Syntax.OVID_MEDLINE, PublishedStrategies.OVID_COCHRANE_RCT, Syntax.PUBMED);
        assertEquals(List.of(), toPubMed.flags());
        assertEquals("#10 \"animals\"[Mesh] NOT \"humans\"[Mesh:NoExp]", toPubMed.lines().get(9));
        assertEquals("#5 \"drug therapy\"[sh]", toPubMed.lines().get(4));
        Translation toOvid = translate(Syntax.PUBMED, PublishedStrategies.PUBMED_COCHRANE_RCT, Syntax.OVID_MEDLINE);
        assertEquals(List.of(), toOvid.flags());
        assertEquals("3 randomized.tw.", toOvid.lines().get(2));
        assertEquals("9 or/1-8", toOvid.lines().get(8));
    }

    @Test
    void aHeadingOfAnotherThesaurusIsFlaggedForLookUp() {
        String ovid = "1 exp Palliative Care/\n2 *Hospices/\n";
        Translation embase = translate(Syntax.OVID_MEDLINE, ovid, Syntax.EMBASE);
        assertEquals("#1 'Palliative Care'/exp", embase.lines().get(0));
        assertEquals("#2 'Hospices'/mj", embase.lines().get(1));
        assertTrue(has(embase, Flag.Kind.HEADING, 1) && has(embase, Flag.Kind.HEADING, 2), embase.flags().toString());
        assertTrue(embase.flags().getFirst().message().contains("Emtree"));

        Translation pubmed = translate(Syntax.OVID_MEDLINE, ovid, Syntax.PUBMED);
        assertEquals(List.of(), pubmed.flags(), "MeSH to MeSH needs no look-up");
        assertEquals("#2 \"Hospices\"[Majr:NoExp]", pubmed.lines().get(1));

        Translation wos = translate(Syntax.OVID_MEDLINE, ovid, Syntax.WOS);
        assertEquals("#1 TS=\"Palliative Care\"", wos.lines().get(0));
        assertTrue(wos.flags().getFirst().message().contains("no thesaurus"), wos.flags().toString());
        assertTrue(wos.flags().getFirst().message().contains("narrower headings are not included"));

        Translation cinahl = translate(Syntax.CINAHL, "S1 MH \"Neoplasms/DT+\"", Syntax.EMBASE);
        assertTrue(cinahl.flags().stream().filter(f -> f.kind() == Flag.Kind.HEADING).count() == 2,
                "look-up and the subheading: " + cinahl.flags());
    }

    @Test
    void aProximityTheTargetCannotExpressIsFlaggedAndWrittenWider() {
        Translation plain = translate(Syntax.OVID_MEDLINE, "1 (palliative adj3 care).ti,ab.", Syntax.PUBMED);
        assertEquals("#1 \"palliative care\"[tiab:~2]", plain.lines().getFirst());
        assertEquals(List.of(), plain.flags());

        Translation truncated = translate(Syntax.OVID_MEDLINE, "1 (palliat* adj3 care).ti,ab.", Syntax.PUBMED);
        assertEquals("#1 palliat*[tiab] AND care[tiab]", truncated.lines().getFirst());
        assertTrue(has(truncated, Flag.Kind.PROXIMITY, 1), truncated.flags().toString());

        Translation ordered = translate(Syntax.CINAHL, "S1 TI ( early W2 referral* )", Syntax.WOS);
        assertEquals("#1 TI=(early NEAR/2 referral*)", ordered.lines().getFirst());
        assertTrue(has(ordered, Flag.Kind.PROXIMITY, 1), ordered.flags().toString());
        assertTrue(ordered.flags().getFirst().message().contains("word order"));

        Translation ebsco = translate(Syntax.OVID_MEDLINE, "1 (palliat* adj3 care).ti,ab.", Syntax.CINAHL);
        assertEquals("S1 (TI (palliat* N2 care) OR AB (palliat* N2 care))", ebsco.lines().getFirst());
        assertEquals(List.of(), ebsco.flags());
    }

    @Test
    void aFieldWithoutCounterpartIsFlagged() {
        Translation cinahl = translate(Syntax.OVID_MEDLINE, "1 palliat*.kf.", Syntax.CINAHL);
        assertTrue(has(cinahl, Flag.Kind.FIELD, 1), cinahl.flags().toString());
        assertTrue(cinahl.lines().getFirst().contains("palliat*"));

        Translation fromWos = translate(Syntax.WOS, "#1 TS=(hospice*)", Syntax.OVID_MEDLINE);
        assertEquals("1 hospice*.tw,kf.", fromWos.lines().getFirst());
        assertTrue(fromWos.flags().getFirst().message().contains("Keywords Plus"), fromWos.flags().toString());

        Translation toWos = translate(Syntax.OVID_MEDLINE, "1 (hospice* or palliat*).ti,ab.", Syntax.WOS);
        assertEquals("#1 TS=(hospice* OR palliat*)", toWos.lines().getFirst());
        assertTrue(has(toWos, Flag.Kind.FIELD, 1), "TS is wider than title and abstract: " + toWos.flags());

        Translation exact = translate(Syntax.OVID_MEDLINE, "1 (hospice* or palliat*).ti,ab.", Syntax.EMBASE);
        assertEquals("#1 (hospice* OR palliat*):ti,ab", exact.lines().getFirst());
        assertEquals(List.of(), exact.flags());
    }

    @Test
    void aWildcardTheTargetLacksIsFlaggedOrSpelledOut() {
        Translation pubmed = translate(Syntax.OVID_MEDLINE, "1 wom#n.ti.\n2 nurs$3.ti.\n", Syntax.PUBMED);
        assertEquals("#1 wom*[ti]", pubmed.lines().get(0));
        assertTrue(has(pubmed, Flag.Kind.WILDCARD, 1) && has(pubmed, Flag.Kind.WILDCARD, 2), pubmed.flags().toString());

        Translation proquest = translate(Syntax.OVID_MEDLINE, "1 tumo?r.ti.", Syntax.PROQUEST);
        assertEquals("S1 ti(tumor OR tumo?r)", proquest.lines().getFirst());
        assertEquals(List.of(), proquest.flags(), "zero-or-one spelled out exactly");

        Translation ebsco = translate(Syntax.OVID_MEDLINE, "1 tumo?r.ti.", Syntax.CINAHL);
        assertEquals("S1 TI tumo#r", ebsco.lines().getFirst());
    }

    @Test
    void aLimitIsWrittenWhereKnownAndFlaggedOtherwise() {
        String ovid = "1 exp Palliative Care/\n2 limit 1 to (english language and humans and yr=\"2010 - 2020\")\n";
        Translation pubmed = translate(Syntax.OVID_MEDLINE, ovid, Syntax.PUBMED);
        assertEquals("#2 #1 AND english[la] AND \"2010:2020\"[dp]", pubmed.lines().get(1));
        assertTrue(has(pubmed, Flag.Kind.LIMIT, 2), pubmed.flags().toString());
        assertTrue(pubmed.flags().getFirst().message().contains("humans"));

        Translation fromEmbase = translate(Syntax.EMBASE, "#1 hospice*:ti\n#2 #1 AND [embase]/lim", Syntax.PUBMED);
        assertTrue(has(fromEmbase, Flag.Kind.LIMIT, 2), fromEmbase.flags().toString());
        assertTrue(fromEmbase.lines().get(1).contains("embase"), "kept, not dropped");

        Translation dedup = translate(Syntax.OVID_MEDLINE, ovid + "3 remove duplicates from 2\n", Syntax.WOS);
        assertEquals("#3 #2", dedup.lines().get(2));
        assertTrue(has(dedup, Flag.Kind.LIMIT, 3), dedup.flags().toString());
        assertEquals("3 remove duplicates from 2", translate(Syntax.OVID_MEDLINE,
                ovid + "3 remove duplicates from 2\n", Syntax.OVID_EMBASE).lines().get(2));

        Translation ovidBack = translate(Syntax.OVID_MEDLINE, ovid, Syntax.OVID_EMBASE);
        assertEquals("2 limit 1 to (english language and humans and yr=\"2010 - 2020\")", ovidBack.lines().get(1));
        assertFalse(has(ovidBack, Flag.Kind.LIMIT, 2));
    }
}
