package dev.winnow.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a query tree in one syntax. What the syntax can say is written as it says it; what it
 * cannot is written as near as it allows and flagged ({@link Flag}) — nothing is dropped. Every
 * nested group is parenthesised, so that the databases' different precedence rules cannot change
 * its meaning.
 */
abstract class StrategyWriter {
    final Syntax target;
    private List<Flag> flags;
    private int line;

    StrategyWriter(Syntax target) {
        this.target = target;
    }

    final Translation write(Strategy s) {
        flags = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Strategy.Line l : s.lines()) {
            line = l.number();
            out.add(label(l.number()) + " " + expr(l.query(), false));
        }
        return new Translation(target, out, flags);
    }

    final void flag(Flag.Kind kind, String message) {
        Flag f = new Flag(kind, line, message);
        if (!flags.contains(f)) {
            flags.add(f);
        }
    }

    String label(int number) {
        return target.linePrefix + number;
    }

    // --- the tree

    /** Set by {@link #composite} when it wrote a field-qualified group, which needs no more parentheses. */
    private boolean atomic;

    final String expr(Query q, boolean nested) {
        atomic = false;
        String s = switch (q) {
            case Query.Term t -> term(t);
            case Query.Heading h -> headingChecked(h);
            case Query.LineRef r -> ref(r.line());
            case Query.Limit l -> limit(l);
            case Query.And a -> composite(q);
            case Query.Or o -> composite(q);
            case Query.Not n -> composite(q);
            case Query.Near n -> composite(q);
        };
        boolean done = atomic;
        atomic = false;
        return nested && !done && needsParentheses(q, s) ? "(" + s + ")" : s;
    }

    private static boolean needsParentheses(Query q, String written) {
        return switch (q) {
            case Query.And a -> true;
            case Query.Or o -> !wrapped(written);
            case Query.Not n -> true;
            case Query.Near n -> !wrapped(written) && !simple(written);
            case Query.Limit l -> true;
            default -> (written.contains(" OR ") || written.contains(" or ")) && !wrapped(written);
        };
    }

    /** Whether the text has no white space outside quotes and brackets (one term, needing no parentheses). */
    static boolean simple(String s) {
        boolean quote = false;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                quote = !quote;
            } else if (!quote && (ch == '[' || ch == '(')) {
                depth++;
            } else if (!quote && (ch == ']' || ch == ')')) {
                depth--;
            } else if (!quote && depth == 0 && Character.isWhitespace(ch)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text is one parenthesised group (so it needs no more). */
    static boolean wrapped(String s) {
        if (!s.startsWith("(") || !s.endsWith(")")) {
            return false;
        }
        int depth = 0;
        boolean quote = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quote = !quote;
            } else if (!quote && ch == '(') {
                depth++;
            } else if (!quote && ch == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private String composite(Query q) {
        String combined = combined(q);
        if (combined != null) {
            return combined;
        }
        Set<Field> shared = sharedFields(q);
        if (shared != null && !shared.isEmpty()) {
            FieldCodes.Cover cover = cover(shared);
            if (cover.missing().isEmpty() && (cover.codes().size() == 1 || multiCode()) && canGroup(cover.codes())) {
                widened(cover);
                String group = groupFields(cover.codes(), bare(stripFields(q)));
                atomic = true;
                return group;
            }
            // proximity (or alternatives) in several fields, one code at a time: TI (a N3 b) OR AB (a N3 b)
            if (cover.missing().isEmpty() && (q instanceof Query.Near || q instanceof Query.Or)
                    && cover.codes().stream().allMatch(code -> canGroup(List.of(code)))) {
                String body = bare(stripFields(q));
                List<String> each = new ArrayList<>();
                for (String code : cover.codes()) {
                    each.add(groupFields(List.of(code), body));
                }
                atomic = each.size() == 1;
                return each.size() == 1 ? each.getFirst() : "(" + String.join(" " + or() + " ", each) + ")";
            }
        }
        return bare(q);
    }

    /** A syntax's shorthand for a whole node (Ovid's {@code or/1-8}), or null. */
    String combined(Query q) {
        return null;
    }

    /** AND, OR, NOT or proximity written with each part as it is (fields on the terms). */
    final String bare(Query q) {
        return switch (q) {
            case Query.And a -> join(runs(a.parts(), true), " " + and() + " ");
            case Query.Or o -> join(runs(o.parts(), false), " " + or() + " ");
            case Query.Not n -> expr(n.include(), true) + " " + not() + " " + expr(n.exclude(), true);
            case Query.Near n -> near(n);
            default -> expr(q, false);
        };
    }

    /**
     * Side-by-side parts searching the same fields, gathered into one group where the syntax can put
     * fields on a group ({@code (a or b).ti,ab.} rather than {@code a.ti,ab. or b.ti,ab.}); the tree is
     * the same, since nested ORs (ANDs) read as one.
     */
    private List<Query> runs(List<Query> parts, boolean and) {
        List<Query> out = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            Set<Field> f = sharedFields(parts.get(i));
            int j = i + 1;
            if (f != null && !f.isEmpty()) {
                while (j < parts.size() && f.equals(sharedFields(parts.get(j)))) {
                    j++;
                }
            }
            if (j - i >= 2 && j - i < parts.size() && groupable(f)) {
                List<Query> run = parts.subList(i, j);
                out.add(and ? new Query.And(run) : new Query.Or(run));
            } else {
                out.addAll(parts.subList(i, j));
            }
            i = j;
        }
        return out;
    }

    private FieldCodes.Cover cover(Set<Field> f) {
        return FieldCodes.cover(target, f, !multiCode());
    }

    /** Flags a field searched more widely than the source asked (Web of Science's TS for title and abstract). */
    private void widened(FieldCodes.Cover cover) {
        if (!cover.extra().isEmpty()) {
            flag(Flag.Kind.FIELD, target.label + " has no field for exactly these: searched in "
                    + String.join(", ", cover.codes()) + ", which also searches " + FieldCodes.labels(cover.extra()));
        }
    }

    private boolean groupable(Set<Field> f) {
        FieldCodes.Cover cover = cover(f);
        return cover.missing().isEmpty() && (cover.codes().size() == 1 || multiCode()) && canGroup(cover.codes());
    }

    /** Whether {@link #groupFields} can write a group with these codes. */
    abstract boolean canGroup(List<String> codes);

    final String join(List<Query> parts, String op) {
        List<String> s = new ArrayList<>();
        for (Query p : parts) {
            s.add(expr(p, true));
        }
        return String.join(op, s);
    }

    String and() {
        return "AND";
    }

    String or() {
        return "OR";
    }

    String not() {
        return "NOT";
    }

    /** Whether one term or group can carry several field codes at once (Ovid's .ti,ab., Embase.com's :ti,ab). */
    boolean multiCode() {
        return false;
    }

    /** A group with field codes applied to it ({@code (…).ti,ab.}, {@code TI (…)}); called when {@link #canGroup}. */
    abstract String groupFields(List<String> codes, String body);

    /** The fields every leaf term under {@code q} shares, or null when its leaves differ or are not all terms. */
    static Set<Field> sharedFields(Query q) {
        List<Set<Field>> seen = new ArrayList<>();
        if (!leafFields(q, seen) || seen.isEmpty()) {
            return null;
        }
        Set<Field> first = seen.getFirst();
        for (Set<Field> f : seen) {
            if (!f.equals(first)) {
                return null;
            }
        }
        return first;
    }

    private static boolean leafFields(Query q, List<Set<Field>> seen) {
        return switch (q) {
            case Query.Term t -> seen.add(t.fields());
            case Query.And a -> a.parts().stream().allMatch(p -> leafFields(p, seen));
            case Query.Or o -> o.parts().stream().allMatch(p -> leafFields(p, seen));
            case Query.Not n -> leafFields(n.include(), seen) && leafFields(n.exclude(), seen);
            case Query.Near n -> n.parts().stream().allMatch(p -> leafFields(p, seen));
            default -> false;
        };
    }

    static Query stripFields(Query q) {
        return switch (q) {
            case Query.Term t -> new Query.Term(t.text(), Set.of());
            case Query.And a -> new Query.And(a.parts().stream().map(StrategyWriter::stripFields).toList());
            case Query.Or o -> new Query.Or(o.parts().stream().map(StrategyWriter::stripFields).toList());
            case Query.Not n -> new Query.Not(stripFields(n.include()), stripFields(n.exclude()));
            case Query.Near n -> new Query.Near(n.parts().stream().map(StrategyWriter::stripFields).toList(),
                    n.between(), n.ordered());
            default -> q;
        };
    }

    // --- terms

    private String term(Query.Term t) {
        List<String> variants = spell(t.text());
        if (variants.size() > 1 && !t.fields().isEmpty() && specialField(variants.getFirst(), t.fields()) == null) {
            FieldCodes.Cover cover = cover(t.fields());
            if (cover.missing().isEmpty() && (cover.codes().size() == 1 || multiCode()) && canGroup(cover.codes())) {
                widened(cover);
                String group = groupFields(cover.codes(), String.join(" " + or() + " ",
                        variants.stream().map(this::quote).toList()));
                atomic = true;
                return group;
            }
        }
        if (variants.size() > 1) {
            List<String> each = new ArrayList<>();
            for (String v : variants) {
                each.add(fieldedTerm(v, t.fields()));
            }
            return "(" + String.join(" " + or() + " ", each) + ")";
        }
        return fieldedTerm(variants.getFirst(), t.fields());
    }

    final String fieldedTerm(String spelled, Set<Field> fields) {
        String words = quote(spelled);
        if (fields.isEmpty()) {
            return words;
        }
        String special = specialField(spelled, fields);
        if (special != null) {
            return special;
        }
        FieldCodes.Cover cover = cover(fields);
        widened(cover);
        if (!cover.missing().isEmpty()) {
            if (cover.missing().contains(Field.LIMIT)) {
                flag(Flag.Kind.LIMIT, "'" + spelled + "' is a limit of " + "the source database; apply it with "
                        + target.label + "'s own limits (written here as a plain word)");
                return words;
            }
            if (cover.codes().isEmpty()) {
                if (cover.widened() != null) {
                    flag(Flag.Kind.FIELD, target.label + " has no field for " + FieldCodes.labels(cover.missing())
                            + ": searched in " + cover.widened() + ", which is wider");
                    return fielded(words, List.of(cover.widened()));
                }
                flag(Flag.Kind.FIELD, target.label + " has no field for " + FieldCodes.labels(cover.missing())
                        + ": searched in the default fields");
                return words;
            }
            flag(Flag.Kind.FIELD, target.label + " has no field for " + FieldCodes.labels(cover.missing())
                    + ": searched in " + String.join(", ", cover.codes()) + " only");
        }
        if (cover.codes().size() == 1 || multiCode()) {
            return fielded(words, cover.codes());
        }
        List<String> each = new ArrayList<>();
        for (String code : cover.codes()) {
            each.add(fielded(words, List.of(code)));
        }
        return "(" + String.join(" " + or() + " ", each) + ")";
    }

    /** A term written with field codes (already quoted as needed). */
    abstract String fielded(String words, List<String> codes);

    /** A syntax's own way with some fields (Embase.com's [english]/lim), or null. */
    String specialField(String spelled, Set<Field> fields) {
        return null;
    }

    /** The words, quoted when the syntax needs it (phrases, operator words, special characters). */
    abstract String quote(String spelled);

    /** This syntax's spelling of a wildcard kind, or null when it has none. */
    abstract String wildcard(char kind);

    /** Limited truncation ({@code *3}) as this syntax writes it, or null when it has none. */
    String limitedTruncation(int max) {
        return null;
    }

    /** Whether truncation may stand inside a word (not only at its end). */
    boolean innerTruncation() {
        return true;
    }

    /** The text in this syntax's wildcard spelling; several variants when a zero-or-one wildcard had to be spelled out. */
    final List<String> spell(String text) {
        List<String> variants = new ArrayList<>(List.of(""));
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == Wildcards.TRUNCATE) {
                int j = i + 1;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                String sym = wildcard(Wildcards.TRUNCATE);
                if (j > i + 1) {
                    int max = Integer.parseInt(text.substring(i + 1, j));
                    String lim = limitedTruncation(max);
                    if (lim == null) {
                        flag(Flag.Kind.WILDCARD, target.label + " has no limited truncation: '"
                                + text + "' truncated without a limit, which is wider");
                    } else {
                        sym = lim;
                    }
                }
                boolean endOfWord = j >= text.length() || text.charAt(j) == ' ';
                if (!endOfWord && !innerTruncation()) {
                    flag(Flag.Kind.WILDCARD, target.label + " truncates only at the end of a word: '"
                            + text + "' cut at its '*', which is wider");
                    appendAll(variants, sym);
                    j = skipWord(text, j);
                    i = j - 1;
                    continue;
                }
                appendAll(variants, sym);
                i = j - 1;
            } else if (ch == Wildcards.ONE) {
                String sym = wildcard(Wildcards.ONE);
                if (sym == null) {
                    flag(Flag.Kind.WILDCARD, target.label + " has no one-character wildcard: '" + text
                            + "' truncated there instead, which is wider");
                    appendAll(variants, wildcard(Wildcards.TRUNCATE));
                    i = skipWord(text, i + 1) - 1;
                } else {
                    appendAll(variants, sym);
                }
            } else if (ch == Wildcards.OPTIONAL) {
                String sym = wildcard(Wildcards.OPTIONAL);
                if (sym != null) {
                    appendAll(variants, sym);
                } else if (wildcard(Wildcards.ONE) != null && variants.size() < 4) {
                    List<String> more = new ArrayList<>();
                    for (String v : variants) {
                        more.add(v);
                        more.add(v + wildcard(Wildcards.ONE));
                    }
                    variants = more;
                } else {
                    flag(Flag.Kind.WILDCARD, target.label + " has no zero-or-one-character wildcard: '" + text
                            + "' truncated there instead, which is wider");
                    appendAll(variants, wildcard(Wildcards.TRUNCATE));
                    i = skipWord(text, i + 1) - 1;
                }
            } else {
                appendAll(variants, String.valueOf(ch));
            }
        }
        return variants;
    }

    private static int skipWord(String text, int from) {
        int j = from;
        while (j < text.length() && text.charAt(j) != ' ') {
            j++;
        }
        return j;
    }

    private static void appendAll(List<String> variants, String s) {
        variants.replaceAll(v -> v + s);
    }

    static final Pattern OPERATOR_WORD = Pattern.compile("(?i)(and|or|not|near|next|same|adj\\d*|[nw]\\d+|pre|near/\\d+)");

    static boolean hasOperatorWord(String text) {
        for (String w : text.split(" ")) {
            if (OPERATOR_WORD.matcher(w).matches()) {
                return true;
            }
        }
        return false;
    }

    // --- headings, references, proximity, limits

    private String headingChecked(Query.Heading h) {
        if (target.thesaurus == Thesaurus.NONE) {
            flag(Flag.Kind.HEADING, target.label + " has no thesaurus: the " + h.thesaurus().label + " heading '"
                    + h.name() + "' is searched as a phrase in " + headingFallbackField()
                    + (h.explode() ? "; its narrower headings are not included" : ""));
            return fieldedTerm(h.name(), headingFallback());
        }
        if (h.thesaurus() != target.thesaurus) {
            flag(Flag.Kind.HEADING, "look up the " + h.thesaurus().label + " heading '" + h.name() + "' in "
                    + target.thesaurus.label + " (written here with the same words)");
        }
        if (!h.subheadings().isEmpty() && !subheadings()) {
            flag(Flag.Kind.HEADING, target.label + " cannot attach subheadings (" + String.join(", ", h.subheadings())
                    + ") to '" + h.name() + "': the heading is searched without them, which is wider");
        }
        return heading(h);
    }

    /** The fields a heading is searched in where there is no thesaurus. */
    Set<Field> headingFallback() {
        return EnumSet.of(Field.TITLE, Field.ABSTRACT, Field.AUTHOR_KEYWORDS, Field.KEYWORDS_PLUS);
    }

    String headingFallbackField() {
        return "the topic fields";
    }

    boolean subheadings() {
        return false;
    }

    abstract String heading(Query.Heading h);

    String ref(int number) {
        return target.linePrefix + number;
    }

    /** A proximity operator between two parts, or null when the syntax has none for this distance and order. */
    abstract String nearOperator(int between, boolean ordered);

    String near(Query.Near n) {
        String op = nearOperator(n.between(), n.ordered());
        if (op == null && n.ordered() && n.between() == 0) {
            String phrase = plainPhrase(n);
            if (phrase != null) {
                Set<Field> f = ((Query.Term) n.parts().getFirst()).fields();
                return expr(new Query.Term(phrase, f), false);
            }
        }
        if (op == null && n.ordered()) {
            flag(Flag.Kind.PROXIMITY, target.label + " cannot require word order: '" + describe(n)
                    + "' searched in any order, which is wider");
            op = nearOperator(n.between(), false);
        }
        if (op == null) {
            flag(Flag.Kind.PROXIMITY, target.label + " cannot search these words within " + n.between()
                    + " words of each other: '" + describe(n) + "' searched with AND, which is wider");
            return join(n.parts(), " " + and() + " ");
        }
        return join(n.parts(), " " + op + " ");
    }

    /** The words of a proximity between single plain words with the same fields, as a phrase; null otherwise. */
    static String plainPhrase(Query.Near n) {
        List<String> words = new ArrayList<>();
        Set<Field> fields = null;
        for (Query p : n.parts()) {
            if (!(p instanceof Query.Term t) || t.phrase() || (fields != null && !fields.equals(t.fields()))) {
                return null;
            }
            fields = t.fields();
            words.add(t.text());
        }
        return String.join(" ", words);
    }

    final String describe(Query.Near n) {
        List<String> s = new ArrayList<>();
        for (Query p : n.parts()) {
            s.add(p instanceof Query.Term t ? t.text() : "(…)");
        }
        return String.join(" … ", s);
    }

    /** Ovid's {@code limit N to …}: other syntaxes write the languages and years they know and flag the rest. */
    String limit(Query.Limit l) {
        List<Query> parts = new ArrayList<>();
        parts.add(l.base());
        if (OvidParser.REMOVE.equals(l.limits())) {
            flag(Flag.Kind.LIMIT, "Ovid removed duplicates here; " + target.label
                    + " has no such line (Winnow's dedup does it after import)");
            return expr(l.base(), false);
        }
        String body = l.limits();
        if (body.startsWith("(") && body.endsWith(")")) {
            body = body.substring(1, body.length() - 1);
        }
        for (String piece : body.split("(?i)\\s+and\\s+")) {
            String p = piece.strip();
            Matcher lang = LANGUAGE.matcher(p);
            Matcher year = YEAR.matcher(p);
            if (lang.matches()) {
                parts.add(new Query.Term(lang.group(1).toLowerCase(Locale.ROOT), Set.of(Field.LANGUAGE)));
            } else if (year.matches()) {
                parts.add(new Query.Term(year.group(1) + (year.group(2) == null ? "" : "-" + year.group(2)),
                        Set.of(Field.YEAR)));
            } else {
                flag(Flag.Kind.LIMIT, "Ovid's limit '" + p + "' has no counterpart written here: apply it with "
                        + target.label + "'s own limits or filters");
            }
        }
        return bare(Query.and(parts));
    }

    private static final Pattern LANGUAGE = Pattern.compile("(?i)([a-z]+) language");
    private static final Pattern YEAR = Pattern.compile("(?i)yr\\s*=\\s*\"?\\s*(\\d{4})(?:\\s*-\\s*(\\d{4}))?\\s*\"?");
}
