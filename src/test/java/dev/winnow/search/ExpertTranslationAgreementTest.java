package dev.winnow.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Winnow's translation against an expert one: Cochrane's information specialists published their
 * RCT filters in Ovid and PubMed syntax. Each line is compared on structure (operators, proximity,
 * line references, terms and headings; fields and explosion aside) and on everything (fields too).
 * The sensitivity-maximising pair was read while developing; the precision-maximising pair is held
 * out. Figures are printed; structure must agree on every line.
 */
class ExpertTranslationAgreementTest {

    record Agreement(int lines, int structure, int exact) {
        @Override
        public String toString() {
            return structure + "/" + lines + " lines same structure, " + exact + "/" + lines + " same fields too";
        }
    }

    static Agreement compare(Syntax from, String source, Syntax to, String reference) {
        Strategy ours = Strategies.parse(to, Strategies.write(Strategies.parse(from, source), to).text());
        Strategy theirs = Strategies.parse(to, reference);
        assertEquals(theirs.lines().size(), ours.lines().size());
        int structure = 0;
        int exact = 0;
        for (int i = 0; i < ours.lines().size(); i++) {
            Query a = Query.canonical(ours.lines().get(i).query());
            Query b = Query.canonical(theirs.lines().get(i).query());
            if (shape(a).equals(shape(b))) {
                structure++;
            }
            if (a.equals(b)) {
                exact++;
            }
        }
        return new Agreement(ours.lines().size(), structure, exact);
    }

    /** The tree without fields, explosion or case: what the strategy combines, not where it looks. */
    static Query shape(Query q) {
        return switch (q) {
            case Query.Term t -> new Query.Term(t.text().toLowerCase(Locale.ROOT), java.util.Set.of());
            case Query.Heading h -> new Query.Heading(h.name().toLowerCase(Locale.ROOT), h.thesaurus(), false, h.major(),
                    h.subheadings());
            case Query.And a -> new Query.And(a.parts().stream().map(ExpertTranslationAgreementTest::shape).toList());
            case Query.Or o -> new Query.Or(o.parts().stream().map(ExpertTranslationAgreementTest::shape).toList());
            case Query.Not n -> new Query.Not(shape(n.include()), shape(n.exclude()));
            case Query.Near n -> new Query.Near(n.parts().stream().map(ExpertTranslationAgreementTest::shape).toList(),
                    n.between(), n.ordered());
            case Query.LineRef r -> r;
            case Query.Limit l -> new Query.Limit(shape(l.base()), l.limits());
        };
    }

    @Test
    void agreesWithCochranesOwnTranslationsOnStructure() {
        List<Object[]> cases = List.of(
                new Object[] {"in-sample  Ovid→PubMed (sensitive)", Syntax.OVID_MEDLINE, PublishedStrategies.OVID_COCHRANE_RCT,
                        Syntax.PUBMED, PublishedStrategies.PUBMED_COCHRANE_RCT},
                new Object[] {"in-sample  PubMed→Ovid (sensitive)", Syntax.PUBMED, PublishedStrategies.PUBMED_COCHRANE_RCT,
                        Syntax.OVID_MEDLINE, PublishedStrategies.OVID_COCHRANE_RCT},
                new Object[] {"held-out   Ovid→PubMed (precise)", Syntax.OVID_MEDLINE,
                        PublishedStrategies.OVID_COCHRANE_RCT_PRECISE, Syntax.PUBMED,
                        PublishedStrategies.PUBMED_COCHRANE_RCT_PRECISE},
                new Object[] {"held-out   PubMed→Ovid (precise)", Syntax.PUBMED,
                        PublishedStrategies.PUBMED_COCHRANE_RCT_PRECISE, Syntax.OVID_MEDLINE,
                        PublishedStrategies.OVID_COCHRANE_RCT_PRECISE});
        for (Object[] c : cases) {
            Agreement a = compare((Syntax) c[1], (String) c[2], (Syntax) c[3], (String) c[4]);
            System.out.println("expert agreement " + c[0] + ": " + a);
            assertEquals(a.lines(), a.structure(), c[0] + ": " + a);
            assertTrue(a.exact() <= a.structure());
        }
    }
}
