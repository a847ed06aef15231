package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ProQuest: {@code S1 OR S2}; field codes wrapping a term or group ({@code ti(palliat*)},
 * {@code ab("end of life")}, {@code noft(…)}); subject headings {@code MAINSUBJECT.EXACT("x")} and
 * {@code MAINSUBJECT.EXACT.EXPLODE("x")} (also {@code SU.EXACT}); {@code NEAR/n} or {@code N/n} (any
 * order) and {@code PRE/n} or {@code P/n} (in order); {@code *} truncation, {@code [*3]} limited
 * truncation, {@code ?} one character. Words side by side are ANDed. Proximity binds tightest, then
 * AND and NOT, then OR.
 */
final class ProQuestParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(?i)(and|or|not|(?:near|n)/(\\d+)|(?:pre|p)/(\\d+))(?=[\\s(\"]|$)");
    private static final Pattern CODE = Pattern.compile("([A-Za-z]+(?:\\.[A-Za-z]+)*(?:,[A-Za-z]+)*)\\(");

    ProQuestParser() {
        super(Syntax.PROQUEST, S_REF);
    }

    @Override
    Op operatorAt() {
        Matcher m = operatorMatch(OPERATOR);
        if (m == null) {
            return null;
        }
        Op near = slashNear(m, 4);
        return near != null ? near : bool(m.group(1), m.end(), 2, 3, 3);
    }

    @Override
    int andPrecedence() {
        return 3;
    }

    @Override
    boolean implicitAnd() {
        return true;
    }

    @Override
    String proximityHint() {
        return "ProQuest writes proximity as NEAR/n (any order) or PRE/n (in order)";
    }

    @Override
    Query operand() {
        int start = c.pos;
        Matcher code = lookingAt(CODE);
        if (code != null) {
            String name = code.group(1).toUpperCase(Locale.ROOT);
            int open = c.pos + code.end() - code.start() - 1;
            if (name.equals("MAINSUBJECT.EXACT") || name.equals("MAINSUBJECT.EXACT.EXPLODE")
                    || name.equals("SU.EXACT") || name.equals("SU.EXACT.EXPLODE")) {
                c.pos = open + 1;
                c.skipSpace();
                String text;
                if (c.peek() == '"') {
                    text = quoted();
                } else {
                    int e = c.text.indexOf(')', c.pos);
                    if (e < 0) {
                        throw c.error(open, "this '(' is never closed");
                    }
                    text = c.text.substring(c.pos, e).strip();
                    c.pos = e;
                }
                c.skipSpace();
                if (c.peek() != ')') {
                    throw c.error(open, name + "(…) holds one heading in quotes; this '(' is never closed");
                }
                c.pos++;
                return new Query.Heading(text, Thesaurus.PROQUEST_SUBJECTS, name.endsWith("EXPLODE"), false, List.of());
            }
            if (!name.contains(".")) {
                List<Field> fields = new ArrayList<>();
                for (String k : code.group(1).split(",")) {
                    Set<Field> f = FieldCodes.lookup(syntax, k);
                    if (f == null) {
                        throw c.error(start, "'" + k + "(' is not a ProQuest field code Winnow knows (it knows "
                                + FieldCodes.known(syntax) + ", MAINSUBJECT.EXACT and MAINSUBJECT.EXACT.EXPLODE)");
                    }
                    fields.addAll(f);
                }
                c.pos = open;
                return Query.withFields(primary(), Set.copyOf(fields));
            }
            throw c.error(start, "'" + code.group(1) + "(' is not a ProQuest field Winnow knows");
        }
        if (c.peek() == '"') {
            return new Query.Term(wildcards(quoted(), start), Set.of());
        }
        int e = c.pos;
        while (e < c.text.length() && !Character.isWhitespace(c.text.charAt(e)) && "()\"".indexOf(c.text.charAt(e)) < 0) {
            if (c.text.charAt(e) == '[') {
                int close = c.text.indexOf(']', e);
                e = close < 0 ? c.text.length() : close + 1;
            } else {
                e++;
            }
        }
        String w = c.text.substring(c.pos, e);
        if (w.isEmpty()) {
            throw c.error("expected a search term, found '" + snippet() + "'");
        }
        foreign(w, start);
        c.pos = e;
        return new Query.Term(wildcards(w, start), Set.of());
    }

    @Override
    String wildcards(String raw, int at) {
        Matcher m = Pattern.compile("\\[\\*(\\d+)\\]").matcher(raw);
        String s = m.replaceAll("*$1");
        if (s.indexOf('[') >= 0) {
            throw c.error(at, "ProQuest's limited truncation is written [*n], e.g. nurs[*3]");
        }
        return s;
    }
}
