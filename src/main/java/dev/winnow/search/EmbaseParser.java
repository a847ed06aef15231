package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Embase.com: {@code #1 OR #2}; Emtree headings {@code 'x'/exp} (exploded), {@code 'x'/de} (not),
 * {@code 'x'/mj} (major) and {@code 'x'/exp/mj}; fields after a colon ({@code palliat*:ti,ab,kw},
 * {@code (a OR b):ti,ab}); limits {@code [english]/lim}, {@code [2000-2020]/py}; {@code NEAR/n} (any
 * order) and {@code NEXT/n} (in order); {@code *} truncation, {@code ?} one character, {@code $} zero or
 * one. Words side by side are ANDed. Proximity binds tightest, then NOT, AND, OR.
 */
final class EmbaseParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(?i)(and|or|not|near/(\\d+)|next/(\\d+))(?=[\\s(\"'#]|$)");
    private static final Pattern COLON_FIELDS = Pattern.compile(":([A-Za-z]{2,3}(?:,[A-Za-z]{2,3})*)");
    private static final Pattern HEADING = Pattern.compile("(?i)/(exp|de|mj)(?:/(exp|de|mj))?(?=[\\s)]|$)");
    private static final Pattern LIMIT = Pattern.compile("\\[([^\\]]+)\\]/(lim|py|it|la)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LANGUAGES = Set.of("english", "french", "german", "spanish", "italian",
            "portuguese", "dutch", "chinese", "japanese", "russian", "swedish", "danish", "norwegian", "polish");

    EmbaseParser() {
        super(Syntax.EMBASE, HASH_REF);
    }

    @Override
    Op operatorAt() {
        Matcher m = operatorMatch(OPERATOR);
        if (m == null) {
            return null;
        }
        Op near = slashNear(m, 4);
        return near != null ? near : bool(m.group(1), m.end(), 1, 2, 3);
    }

    @Override
    boolean implicitAnd() {
        return true;
    }

    @Override
    String proximityHint() {
        return "Embase.com writes proximity as NEAR/n (any order) or NEXT/n (in order)";
    }

    @Override
    Query afterGroup(Query q) {
        Matcher m = lookingAt(COLON_FIELDS);
        if (m == null) {
            return q;
        }
        int at = c.pos;
        c.pos = m.end();
        return Query.withFields(q, fieldsOf(m.group(1), at));
    }

    private Set<Field> fieldsOf(String codes, int at) {
        List<Field> out = new ArrayList<>();
        for (String code : codes.split(",")) {
            Set<Field> f = FieldCodes.lookup(syntax, code);
            if (f == null) {
                throw c.error(at, "':" + code + "' is not an Embase.com field Winnow knows (it knows "
                        + FieldCodes.known(syntax) + ")");
            }
            out.addAll(f);
        }
        return Set.copyOf(out);
    }

    @Override
    Query operand() {
        int start = c.pos;
        Matcher lim = lookingAt(LIMIT);
        if (lim != null) {
            c.pos = lim.end();
            String value = lim.group(1).strip();
            String kind = lim.group(2).toLowerCase(Locale.ROOT);
            Set<Field> f = switch (kind) {
                case "py" -> Set.of(Field.YEAR);
                case "it" -> Set.of(Field.PUBLICATION_TYPE);
                case "la" -> Set.of(Field.LANGUAGE);
                default -> LANGUAGES.contains(value.toLowerCase(Locale.ROOT)) ? Set.of(Field.LANGUAGE) : Set.of(Field.LIMIT);
            };
            return new Query.Term(value, f);
        }
        String text;
        boolean quoted = c.peek() == '\'' || c.peek() == '"';
        if (quoted) {
            text = quoted();
        } else {
            int e = c.pos;
            while (e < c.text.length()) {
                char ch = c.text.charAt(e);
                if (Character.isWhitespace(ch) || "()\"':/[".indexOf(ch) >= 0) {
                    break;
                }
                e++;
            }
            text = c.text.substring(c.pos, e);
            if (text.isEmpty()) {
                throw c.error("expected a search term, found '" + snippet() + "'");
            }
            foreign(text, start);
            c.pos = e;
        }
        Matcher h = lookingAt(HEADING);
        if (h != null) {
            c.pos = h.end();
            Set<String> marks = new java.util.HashSet<>();
            marks.add(h.group(1).toLowerCase(Locale.ROOT));
            if (h.group(2) != null) {
                marks.add(h.group(2).toLowerCase(Locale.ROOT));
            }
            return new Query.Heading(text, Thesaurus.EMTREE, marks.contains("exp"), marks.contains("mj"), List.of());
        }
        Query t = new Query.Term(wildcards(text, start), Set.of());
        Matcher f = lookingAt(COLON_FIELDS);
        if (f != null) {
            int at = c.pos;
            c.pos = f.end();
            return Query.withFields(t, fieldsOf(f.group(1), at));
        }
        if (c.peek() == '/' ) {
            throw c.error("after '/' Embase.com expects exp, de or mj (a subject heading) — found '" + snippet() + "'");
        }
        return t;
    }

    @Override
    String wildcards(String raw, int at) {
        return raw.replace('$', Wildcards.OPTIONAL);
    }
}
