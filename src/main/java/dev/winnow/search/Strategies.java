package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reading, writing and translating search strategies: the pure core behind {@code winnow search}
 * and the web page. No I/O.
 */
public final class Strategies {
    private Strategies() {
    }

    /** The strategy as a tree; {@link SearchSyntaxError} (line, column, what was expected) when it does not parse. */
    public static Strategy parse(Syntax syntax, String text) {
        ExpressionParser p = switch (syntax) {
            case OVID_MEDLINE, OVID_EMBASE -> new OvidParser(syntax);
            case PUBMED -> new PubMedParser();
            case EMBASE -> new EmbaseParser();
            case CINAHL -> new CinahlParser();
            case WOS -> new WosParser();
            case PROQUEST -> new ProQuestParser();
        };
        return p.parse(text == null ? "" : text);
    }

    /** The strategy written in {@code target}'s syntax, with a flag for everything it cannot say as written. */
    public static Translation write(Strategy strategy, Syntax target) {
        StrategyWriter w = switch (target) {
            case OVID_MEDLINE, OVID_EMBASE -> new OvidWriter(target);
            case PUBMED -> new PubMedWriter();
            case EMBASE -> new EmbaseWriter();
            case CINAHL -> new CinahlWriter();
            case WOS -> new WosWriter();
            case PROQUEST -> new ProQuestWriter();
        };
        return w.write(strategy);
    }

    /** The strategy in every other syntax. */
    public static List<Translation> translations(Strategy strategy) {
        List<Translation> out = new ArrayList<>();
        for (Syntax s : Syntax.values()) {
            if (s != strategy.syntax()) {
                out.add(write(strategy, s));
            }
        }
        return out;
    }

    /** The tree as indented text, one node a line: what {@code search check} prints and the web page shows. */
    public static String tree(Strategy strategy) {
        StringBuilder b = new StringBuilder();
        for (Strategy.Line l : strategy.lines()) {
            b.append(l.number()).append(l.count() == null ? "" : "  (" + l.count() + " records)").append('\n');
            node(b, l.query(), 1);
        }
        return b.toString();
    }

    private static void node(StringBuilder b, Query q, int depth) {
        b.append("  ".repeat(depth));
        switch (q) {
            case Query.Term t -> b.append(t.phrase() ? "phrase \"" : "word \"").append(t.text()).append('"')
                    .append(fields(t.fields())).append('\n');
            case Query.Heading h -> b.append("heading \"").append(h.name()).append("\" (").append(h.thesaurus().label)
                    .append(h.explode() ? ", exploded" : ", not exploded").append(h.major() ? ", major topic" : "")
                    .append(h.subheadings().isEmpty() ? "" : ", subheadings " + String.join(",", h.subheadings()))
                    .append(")\n");
            case Query.LineRef r -> b.append("line ").append(r.line()).append('\n');
            case Query.Limit l -> {
                b.append("limit to ").append(l.limits()).append('\n');
                node(b, l.base(), depth + 1);
            }
            case Query.And a -> children(b, "AND", a.parts(), depth);
            case Query.Or o -> children(b, "OR", o.parts(), depth);
            case Query.Not n -> children(b, "NOT", List.of(n.include(), n.exclude()), depth);
            case Query.Near n -> children(b, "NEAR (at most " + n.between() + " words between"
                    + (n.ordered() ? ", in order)" : ", any order)"), n.parts(), depth);
        }
    }

    private static void children(StringBuilder b, String label, List<Query> parts, int depth) {
        b.append(label).append('\n');
        for (Query p : parts) {
            node(b, p, depth + 1);
        }
    }

    private static String fields(Set<Field> f) {
        return f.isEmpty() ? " in the default fields" : " in " + FieldCodes.labels(f);
    }
}
