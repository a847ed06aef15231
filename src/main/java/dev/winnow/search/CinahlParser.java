package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EBSCOhost (CINAHL): {@code S1 OR S2}; field codes before the term or group ({@code TI palliat*},
 * {@code AB ( a OR b )}); CINAHL Headings {@code MH "Palliative Care"}, {@code MH "Palliative Care+"}
 * (exploded), {@code MM} (major); {@code N3} (any order) and {@code W3} (in order), N words between;
 * {@code *} truncation, {@code ?} one character, {@code #} zero or one. Words side by side are a
 * phrase. Proximity binds tightest, then AND and NOT, then OR.
 */
final class CinahlParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(?:(?i)(and|or|not)|([NW])(\\d+))(?=[\\s(\"]|$)");
    private static final Pattern FIELD = Pattern.compile("([A-Z]{2})\\s+");
    private static final Pattern HEADING = Pattern.compile("(MH|MM)\\s+");

    CinahlParser() {
        super(Syntax.CINAHL, S_REF);
    }

    @Override
    Op operatorAt() {
        Matcher m = operatorMatch(OPERATOR);
        if (m == null) {
            return null;
        }
        if (m.group(2) != null) {
            return new Op(Kind.NEAR, m.end(), 3, Integer.parseInt(m.group(3)), m.group(2).equals("W"));
        }
        return bool(m.group(1), m.end(), 1, 2, 2);
    }

    @Override
    boolean implicitAnd() {
        return false;
    }

    @Override
    String operatorNames() {
        return "AND, OR, NOT, Nn, Wn";
    }

    @Override
    String proximityHint() {
        return "EBSCOhost writes proximity as Nn (any order) or Wn (in order)";
    }

    @Override
    Query operand() {
        int start = c.pos;
        Matcher h = lookingAt(HEADING);
        if (h != null) {
            c.pos = h.end();
            return heading(h.group(1).equals("MM"), start);
        }
        Matcher f = lookingAt(FIELD);
        if (f != null) {
            Set<Field> fields = FieldCodes.lookup(syntax, f.group(1));
            if (fields != null) {
                c.pos = f.end();
                Query q = primary();
                return Query.withFields(q, fields);
            }
        }
        if (c.peek() == '"') {
            return new Query.Term(wildcards(quoted(), start), Set.of());
        }
        List<String> words = new ArrayList<>();
        while (true) {
            c.skipSpace();
            if (c.pos >= c.text.length() || "()\"".indexOf(c.peek()) >= 0 || operatorAt() != null) {
                break;
            }
            int at = c.pos;
            Matcher code = lookingAt(FIELD);
            if (code != null && !words.isEmpty() && (FieldCodes.lookup(syntax, code.group(1)) != null
                    || lookingAt(HEADING) != null)) {
                break; // a field code starts the next operand, which needs an operator before it
            }
            String w = word(at);
            foreign(w, at);
            words.add(w);
            c.pos = at + w.length();
        }
        if (words.isEmpty()) {
            throw c.error("expected a search term, found '" + snippet() + "'");
        }
        return new Query.Term(wildcards(String.join(" ", words), start), Set.of());
    }

    private Query heading(boolean major, int start) {
        String text;
        if (c.peek() == '"') {
            text = quoted();
        } else {
            int e = c.pos;
            while (e < c.text.length() && "()\"".indexOf(c.text.charAt(e)) < 0) {
                e++;
            }
            text = c.text.substring(c.pos, e);
            // stop before an operator: MH Hospice Care OR ...
            Matcher op = Pattern.compile("(?i)\\s(and|or|not|[NW]\\d+)(\\s|$)").matcher(text);
            if (op.find()) {
                text = text.substring(0, op.start());
                e = c.pos + op.start();
            }
            c.pos = e;
            text = text.strip();
            if (text.isEmpty()) {
                throw c.error(start, "MH needs a heading after it, e.g. MH \"Palliative Care\"");
            }
        }
        boolean explode = text.endsWith("+");
        if (explode) {
            text = text.substring(0, text.length() - 1).strip();
        }
        List<String> subs = new ArrayList<>();
        int slash = text.indexOf('/');
        if (slash > 0) {
            for (String s : text.substring(slash + 1).split("[/,]")) {
                if (!s.isBlank()) {
                    subs.add(s.strip().toLowerCase(Locale.ROOT));
                }
            }
            text = text.substring(0, slash).strip();
        }
        return new Query.Heading(text, Thesaurus.CINAHL_HEADINGS, explode, major, subs);
    }

    @Override
    String wildcards(String raw, int at) {
        return raw.replace('#', Wildcards.OPTIONAL);
    }
}
