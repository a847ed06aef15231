package dev.winnow.search;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Web of Science advanced search: {@code #1 OR #2}; field tags with an equals sign before a term or a
 * group ({@code TS=(palliat* OR hospice*)}, {@code TI="end of life"}); {@code NEAR/n} (any order;
 * {@code NEAR} alone is NEAR/15); {@code *} truncation, {@code ?} one character, {@code $} zero or
 * one. Words side by side are ANDed. No thesaurus. NEAR binds tightest, then NOT, AND, OR.
 */
final class WosParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(?i)(and|or|not|near(?:/(\\d+))?|same)(?=[\\s(\"#]|$)");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z]{2,3})\\s*=\\s*");

    WosParser() {
        super(Syntax.WOS, HASH_REF);
    }

    @Override
    Op operatorAt() {
        Matcher m = operatorMatch(OPERATOR);
        if (m == null) {
            return null;
        }
        String w = m.group(1).toLowerCase(Locale.ROOT);
        if (w.startsWith("near")) {
            return new Op(Kind.NEAR, m.end(), 4, m.group(2) == null ? 15 : Integer.parseInt(m.group(2)), false);
        }
        if (w.equals("same")) {
            throw c.error("SAME is for address searches; Winnow reads AND, OR, NOT and NEAR/n");
        }
        return bool(w, m.end(), 1, 2, 3);
    }

    @Override
    boolean implicitAnd() {
        return true;
    }

    @Override
    String proximityHint() {
        return "Web of Science writes proximity as NEAR/n";
    }

    @Override
    Query operand() {
        int start = c.pos;
        Matcher f = lookingAt(FIELD);
        if (f != null) {
            Set<Field> fields = FieldCodes.lookup(syntax, f.group(1));
            if (fields == null) {
                throw c.error(start, "'" + f.group(1) + "=' is not a Web of Science field tag Winnow knows (it knows "
                        + FieldCodes.known(syntax) + ")");
            }
            c.pos = f.end();
            return Query.withFields(primary(), fields);
        }
        if (c.peek() == '"') {
            return new Query.Term(wildcards(quoted(), start), Set.of());
        }
        String w = word(c.pos);
        if (w.isEmpty()) {
            throw c.error("expected a search term, found '" + snippet() + "'");
        }
        foreign(w, start);
        c.pos += w.length();
        return new Query.Term(wildcards(w, start), Set.of());
    }

    @Override
    String wildcards(String raw, int at) {
        return raw.replace('$', Wildcards.OPTIONAL);
    }
}
