package dev.winnow.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One node of a search strategy's query tree, the same for every database syntax. Parsers build
 * normalised trees (nested ANDs and ORs flattened, fields pushed down onto the terms they qualify),
 * so two strategies mean the same when their trees are equal.
 */
public sealed interface Query {

    /**
     * A word or phrase searched in some fields (empty: the database's default). A phrase is several
     * words separated by single spaces. The text keeps its wildcards in {@link Wildcards}' spelling.
     */
    record Term(String text, Set<Field> fields) implements Query {
        public Term {
            text = text.strip().replaceAll("\\s+", " ");
            fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
        }

        public boolean phrase() {
            return text.indexOf(' ') >= 0;
        }

        Term withFields(Set<Field> f) {
            return new Term(text, f);
        }
    }

    /** A subject heading of a thesaurus, exploded (narrower headings too) or not, as a major topic or not. */
    record Heading(String name, Thesaurus thesaurus, boolean explode, boolean major, List<String> subheadings)
            implements Query {
        public Heading {
            name = name.strip().replaceAll("\\s+", " ");
            subheadings = List.copyOf(subheadings);
        }
    }

    record And(List<Query> parts) implements Query {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<Query> parts) implements Query {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /** Records matching {@code include} but not {@code exclude}. */
    record Not(Query include, Query exclude) implements Query {
    }

    /**
     * Operands within {@code between} intervening words of each other; {@code ordered} when they must
     * appear in the order given. Ovid's {@code adj3} is between = 2, unordered; EBSCO's {@code N3},
     * Embase.com's and Web of Science's {@code NEAR/3} and PubMed's {@code [tiab:~3]} are between = 3.
     */
    record Near(List<Query> parts, int between, boolean ordered) implements Query {
        public Near {
            parts = List.copyOf(parts);
        }
    }

    /** The records of an earlier line of the strategy. */
    record LineRef(int line) implements Query {
    }

    /** Ovid's {@code limit 5 to english language}: a database limit applied to a query, kept as written. */
    record Limit(Query base, String limits) implements Query {
        public Limit {
            limits = limits.strip().replaceAll("\\s+", " ");
        }
    }

    static Query and(Query a, Query b) {
        return new And(flatten(And.class, List.of(a, b)));
    }

    static Query or(Query a, Query b) {
        return new Or(flatten(Or.class, List.of(a, b)));
    }

    static Query or(List<Query> parts) {
        return parts.size() == 1 ? parts.getFirst() : new Or(flatten(Or.class, parts));
    }

    static Query and(List<Query> parts) {
        return parts.size() == 1 ? parts.getFirst() : new And(flatten(And.class, parts));
    }

    /** Proximity chains of the same distance and order read as one n-ary node ({@code a adj3 b adj3 c}). */
    static Query near(Query a, Query b, int between, boolean ordered) {
        List<Query> parts = new ArrayList<>();
        for (Query q : List.of(a, b)) {
            if (q instanceof Near n && n.between() == between && n.ordered() == ordered) {
                parts.addAll(n.parts());
            } else {
                parts.add(q);
            }
        }
        return new Near(parts, between, ordered);
    }

    private static List<Query> flatten(Class<?> kind, List<Query> parts) {
        List<Query> out = new ArrayList<>();
        for (Query q : parts) {
            if (kind == And.class && q instanceof And a) {
                out.addAll(a.parts());
            } else if (kind == Or.class && q instanceof Or o) {
                out.addAll(o.parts());
            } else {
                out.add(q);
            }
        }
        return out;
    }

    /** Gives the terms under {@code q} that have no field of their own the fields {@code f} (a field qualifying a group). */
    static Query withFields(Query q, Set<Field> f) {
        return switch (q) {
            case Term t -> t.fields().isEmpty() ? t.withFields(f) : t;
            case And a -> new And(a.parts().stream().map(p -> withFields(p, f)).toList());
            case Or o -> new Or(o.parts().stream().map(p -> withFields(p, f)).toList());
            case Not n -> new Not(withFields(n.include(), f), withFields(n.exclude(), f));
            case Near n -> new Near(n.parts().stream().map(p -> withFields(p, f)).toList(), n.between(), n.ordered());
            case Heading h -> h;
            case LineRef r -> r;
            case Limit l -> new Limit(withFields(l.base(), f), l.limits());
        };
    }

    /**
     * The tree with alternatives that differ only in their fields merged: {@code TI x OR AB x} reads as
     * x in title or abstract, {@code TI (a N3 b) OR AB (a N3 b)} as (a N3 b) in title or abstract —
     * how writers spread fields over a syntax with one field code per term. Two strategies mean the
     * same when their canonical trees are equal.
     */
    static Query canonical(Query q) {
        return switch (q) {
            case Term t -> t;
            case Heading h -> h;
            case LineRef r -> r;
            case Limit l -> new Limit(canonical(l.base()), l.limits());
            case And a -> and(a.parts().stream().map(Query::canonical).toList());
            case Not n -> new Not(canonical(n.include()), canonical(n.exclude()));
            case Near n -> new Near(n.parts().stream().map(Query::canonical).toList(), n.between(), n.ordered());
            case Or o -> mergeFields(o.parts().stream().map(Query::canonical).toList());
        };
    }

    private static Query mergeFields(List<Query> parts) {
        List<Query> flat = new ArrayList<>();
        for (Query p : parts) {
            if (p instanceof Or inner) {
                flat.addAll(inner.parts());
            } else {
                flat.add(p);
            }
        }
        List<Query> shapes = new ArrayList<>();
        List<java.util.EnumSet<Field>> fields = new ArrayList<>();
        List<Query> out = new ArrayList<>();
        for (Query p : flat) {
            Set<Field> f = StrategyWriter.sharedFields(p);
            if (f == null || f.isEmpty()) {
                out.add(p);
                continue;
            }
            Query shape = StrategyWriter.stripFields(p);
            int at = shapes.indexOf(shape);
            if (at < 0) {
                shapes.add(shape);
                fields.add(java.util.EnumSet.copyOf(f));
                out.add(null);
                continue;
            }
            fields.get(at).addAll(f);
        }
        int k = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, withFields(shapes.get(k), fields.get(k)));
                k++;
            }
        }
        return or(out);
    }
}
