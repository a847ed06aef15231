package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ovid (MEDLINE, Embase): numbered lines; {@code 1 or 2}, {@code or/1-8}; {@code exp Heading/},
 * {@code *Heading/} (major), {@code Heading/dt} (subheading), {@code heading.sh.}; words side by side
 * are a phrase; {@code .ti,ab.} after a word, phrase or parenthesis; {@code adj} (in order) and
 * {@code adjN} (any order, N-1 words between); {@code $}, {@code *}, {@code $3} truncation, {@code #}
 * one character, {@code ?} zero or one; {@code limit 5 to english language} and {@code remove duplicates
 * from 5} (kept as a limit). AND and NOT bind
 * tighter than OR, proximity tightest.
 */
final class OvidParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(?i)(or|and|not|adj(\\d*))(?=[\\s(\"]|$)");
    private static final Pattern COMBINE = Pattern.compile("(?i)(or|and)/\\s*(\\d+(?:\\s*-\\s*\\d+)?(?:\\s*,\\s*\\d+(?:\\s*-\\s*\\d+)?)*)");
    private static final Pattern SUFFIX = Pattern.compile("\\.([A-Za-z]{2,3}(?:,[A-Za-z]{2,3})*)\\.");
    private static final Pattern WORD_SUFFIX = Pattern.compile("^(.*?)\\.([A-Za-z]{2,3}(?:,[A-Za-z]{2,3})*)\\.$");
    private static final Pattern LIMIT = Pattern.compile("(?i)limit\\s+(\\d+)\\s+to\\s+");
    private static final Pattern REMOVE_DUPLICATES = Pattern.compile("(?i)remove\\s+duplicates\\s+from\\s+(\\d+)\\s*$");
    /** How a {@code remove duplicates from N} line is kept in the tree: a limit with these words. */
    static final String REMOVE = "remove duplicates";
    private static final Pattern EXP = Pattern.compile("(?i)exp\\.?\\s+");
    private static final Pattern SUBHEADINGS = Pattern.compile("([a-z]{2}(?:,\\s?[a-z]{2})*)(?=[\\s)]|$)");
    private static final Pattern MP_NOTE = Pattern.compile("(?i)\\s*\\[mp=[^\\]]*\\]");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    OvidParser(Syntax syntax) {
        super(syntax, null);
    }

    @Override
    Query line() {
        Matcher dup = lookingAt(REMOVE_DUPLICATES);
        if (dup != null) {
            Query base = ref(Integer.parseInt(dup.group(1)), c.pos + dup.start(1) - dup.start());
            c.pos = c.text.length();
            return new Query.Limit(base, REMOVE);
        }
        Matcher m = lookingAt(LIMIT);
        if (m != null) {
            Query base = ref(Integer.parseInt(m.group(1)), c.pos + m.start(1) - m.start());
            c.pos = m.end();
            String limits = c.rest().strip();
            if (limits.isEmpty()) {
                throw c.error("'limit " + m.group(1) + " to' needs the limits after it");
            }
            c.pos = c.text.length();
            return new Query.Limit(base, limits);
        }
        return expression(0);
    }

    @Override
    Op operatorAt() {
        c.skipSpace();
        Matcher m = lookingAt(OPERATOR);
        if (m == null) {
            return null;
        }
        String w = m.group(1).toLowerCase(Locale.ROOT);
        return switch (w) {
            case "or" -> new Op(Kind.OR, m.end(), 1, 0, false);
            case "and" -> new Op(Kind.AND, m.end(), 2, 0, false);
            case "not" -> new Op(Kind.NOT, m.end(), 2, 0, false);
            default -> {
                String n = m.group(2);
                if (n.isEmpty()) {
                    yield new Op(Kind.NEAR, m.end(), 3, 0, true);
                }
                int d = Integer.parseInt(n);
                if (d < 1) {
                    throw c.error("adj0 is not an Ovid operator: adj1 finds adjacent words in any order");
                }
                yield new Op(Kind.NEAR, m.end(), 3, d - 1, false);
            }
        };
    }

    @Override
    boolean implicitAnd() {
        return false;
    }

    @Override
    String operatorNames() {
        return "or, and, not, adjN";
    }

    @Override
    String proximityHint() {
        return "Ovid writes proximity as adjN (within N-1 words, any order)";
    }

    @Override
    Query afterGroup(Query q) {
        Matcher m = lookingAt(SUFFIX);
        if (m == null) {
            return q;
        }
        int at = c.pos;
        c.pos = m.end();
        skipMpNote();
        return applySuffix(q, m.group(1), at);
    }

    private void skipMpNote() {
        Matcher n = lookingAt(MP_NOTE);
        if (n != null) {
            c.pos = n.end();
        }
    }

    private Query applySuffix(Query q, String codes, int at) {
        if (codes.equalsIgnoreCase("sh")) {
            if (q instanceof Query.Term t) {
                return new Query.Heading(t.text(), syntax.thesaurus, false, false, List.of());
            }
            throw c.error(at, ".sh. follows a single subject heading, not a group");
        }
        List<Field> fields = new ArrayList<>();
        for (String code : codes.split(",")) {
            Set<Field> f = FieldCodes.lookup(syntax, code);
            if (f == null) {
                throw c.error(at, "'." + code + ".' is not a field code Winnow knows for " + syntax.label
                        + " (it knows " + FieldCodes.known(syntax) + ", and sh)");
            }
            fields.addAll(f);
        }
        return Query.withFields(q, Set.copyOf(fields));
    }

    @Override
    Query operand() {
        int start = c.pos;
        Matcher m = lookingAt(COMBINE);
        if (m != null && boundaryAt(m.end())) {
            List<Query> refs = new ArrayList<>();
            int at = c.pos + m.start(2) - m.start();
            for (String part : m.group(2).split(",")) {
                String[] range = part.strip().split("\\s*-\\s*");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (to < from) {
                    throw c.error(at, "the range " + part.strip() + " runs backwards");
                }
                for (int i = from; i <= to; i++) {
                    refs.add(ref(i, at));
                }
            }
            c.pos = m.end();
            return m.group(1).equalsIgnoreCase("or") ? Query.or(refs) : Query.and(refs);
        }
        String w = word(c.pos);
        if (DIGITS.matcher(w).matches()) {
            c.pos += w.length();
            return ref(Integer.parseInt(w), start);
        }
        Query heading = heading();
        if (heading != null) {
            return heading;
        }
        if (c.peek() == '"') {
            String text = quoted();
            return afterWord(new Query.Term(wildcards(text, start), Set.of()), start);
        }
        // words side by side are a phrase, up to an operator, a parenthesis, a quote or a field suffix
        List<String> words = new ArrayList<>();
        String suffix = null;
        int suffixAt = -1;
        while (true) {
            c.skipSpace();
            if (c.pos >= c.text.length() || c.peek() == '(' || c.peek() == ')' || c.peek() == '"'
                    || operatorAt() != null) {
                break;
            }
            int at = c.pos;
            String next = word(at);
            Matcher sm = WORD_SUFFIX.matcher(next);
            if (sm.matches() && !sm.group(1).isEmpty()) {
                words.add(sm.group(1));
                suffix = sm.group(2);
                suffixAt = at + sm.start(2) - 1;
                c.pos = at + next.length();
                break;
            }
            if (!words.isEmpty() && DIGITS.matcher(next).matches()) {
                break;
            }
            foreign(next, at);
            words.add(next);
            c.pos = at + next.length();
        }
        if (words.isEmpty()) {
            throw c.error("expected a search term, found '" + snippet() + "'");
        }
        Query t = new Query.Term(wildcards(String.join(" ", words), start), Set.of());
        if (suffix != null) {
            skipMpNote();
            return applySuffix(t, suffix, suffixAt);
        }
        return t;
    }

    private Query afterWord(Query t, int start) {
        Matcher m = lookingAt(SUFFIX);
        if (m == null) {
            return t;
        }
        int at = c.pos;
        c.pos = m.end();
        skipMpNote();
        return applySuffix(t, m.group(1), at);
    }

    /** {@code exp *Name/dt} at the cursor, or null (cursor unchanged) when the operand is not a heading. */
    private Query heading() {
        int start = c.pos;
        boolean explode = false;
        Matcher e = lookingAt(EXP);
        if (e != null) {
            explode = true;
            c.pos = e.end();
        }
        boolean major = false;
        if (c.peek() == '*') {
            major = true;
            c.pos++;
        }
        boolean marked = explode || major;
        String name;
        if (c.peek() == '"') {
            int q = c.pos;
            name = quoted();
            if (c.peek() != '/') {
                if (marked) {
                    throw c.error(q, "a subject heading ends with '/' (e.g. exp \"" + name + "\"/)");
                }
                c.pos = start;
                return null;
            }
        } else {
            int end = c.pos;
            while (end < c.text.length() && "/()\"".indexOf(c.text.charAt(end)) < 0) {
                end++;
            }
            if (end >= c.text.length() || c.text.charAt(end) != '/' || !headingWords(c.text.substring(c.pos, end))
                    || !(boundaryAt(end + 1) || Character.isLetter(c.text.charAt(end + 1)))) {
                if (marked) {
                    throw c.error(start, "'" + (explode ? "exp" : "*") + "' must be followed by a subject heading "
                            + "ending in '/' (e.g. exp Palliative Care/)");
                }
                c.pos = start;
                return null;
            }
            name = c.text.substring(c.pos, end).strip();
            if (name.isEmpty()) {
                throw c.error(start, "a '/' with no subject heading before it");
            }
            c.pos = end;
        }
        c.pos++; // the '/'
        List<String> subheadings = new ArrayList<>();
        Matcher sm = lookingAt(SUBHEADINGS);
        if (sm != null && !sm.group(1).equalsIgnoreCase("or")) {
            for (String s : sm.group(1).split(",")) {
                subheadings.add(s.strip().toLowerCase(Locale.ROOT));
            }
            c.pos = sm.end();
        }
        return new Query.Heading(name, syntax.thesaurus, explode, major, subheadings);
    }

    /** Whether text before a '/' can be a heading's name: no or/not/adjN, no line number, no field suffix. */
    private static boolean headingWords(String span) {
        if (span.isBlank()) {
            return true;
        }
        for (String w : span.strip().split("\\s+")) {
            String l = w.toLowerCase(Locale.ROOT);
            if (l.equals("or") || l.equals("not") || l.matches("adj\\d*") || l.matches("\\d+")
                    || WORD_SUFFIX.matcher(w).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    String wildcards(String raw, int at) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            switch (ch) {
                case '$', '*' -> {
                    b.append(Wildcards.TRUNCATE);
                    int j = i + 1;
                    while (j < raw.length() && Character.isDigit(raw.charAt(j))) {
                        b.append(raw.charAt(j));
                        j++;
                    }
                    i = j - 1;
                }
                case '#' -> b.append(Wildcards.ONE);
                case '?' -> b.append(Wildcards.OPTIONAL);
                case '!' -> throw c.error(at, "'!' is not an Ovid wildcard (use $ or * to truncate, # for one "
                        + "character, ? for zero or one)");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
