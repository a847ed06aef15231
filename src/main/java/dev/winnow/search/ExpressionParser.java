package dev.winnow.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every syntax's parser shares: search lines and their numbers, Boolean and proximity
 * operators by precedence, parentheses, references to earlier lines, and clear errors with line and
 * column. Each syntax supplies its operators, its operands (terms, field codes, subject headings)
 * and what may follow a closing parenthesis.
 */
abstract class ExpressionParser {
    final Syntax syntax;
    /** How a reference to an earlier line is written, read before {@link #operand()}; null when the syntax reads its own. */
    private final Pattern lineRef;
    Cursor c;
    private final Set<Integer> defined = new HashSet<>();
    private int current;

    ExpressionParser(Syntax syntax, Pattern lineRef) {
        this.syntax = syntax;
        this.lineRef = lineRef;
    }

    enum Kind { AND, OR, NOT, NEAR }

    /** An operator found at the cursor: where it ends, its precedence (higher binds tighter), and for NEAR its distance. */
    record Op(Kind kind, int end, int precedence, int between, boolean ordered) {
    }

    /** The operator at the cursor (white space skipped), not consumed; null when there is none. */
    abstract Op operatorAt();

    /** A reference to a search line written {@code #1} (PubMed, Embase.com, Web of Science). */
    static final Pattern HASH_REF = Pattern.compile("#(\\d+)");
    /** A reference to a search line written {@code S1} (EBSCOhost, ProQuest). */
    static final Pattern S_REF = Pattern.compile("[Ss](\\d+)(?=[\\s)]|$)");

    /** This syntax's operator pattern matched at the cursor after white space, or null. */
    final Matcher operatorMatch(Pattern operators) {
        c.skipSpace();
        return lookingAt(operators);
    }

    /** AND, OR or NOT (any case; anything else is NOT) ending at {@code end}, with this syntax's precedences. */
    static Op bool(String word, int end, int or, int and, int not) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "or" -> new Op(Kind.OR, end, or, 0, false);
            case "and" -> new Op(Kind.AND, end, and, 0, false);
            default -> new Op(Kind.NOT, end, not, 0, false);
        };
    }

    /**
     * Proximity written with a slash, its distance in group 2 (any order) or group 3 (in order) of
     * {@code m}, as ProQuest's NEAR/n and PRE/n or Embase.com's NEAR/n and NEXT/n; null when neither matched.
     */
    static Op slashNear(Matcher m, int precedence) {
        if (m.group(2) != null) {
            return new Op(Kind.NEAR, m.end(), precedence, Integer.parseInt(m.group(2)), false);
        }
        if (m.group(3) != null) {
            return new Op(Kind.NEAR, m.end(), precedence, Integer.parseInt(m.group(3)), true);
        }
        return null;
    }

    /** Whether two operands side by side mean AND (PubMed, Web of Science…) rather than an error. */
    abstract boolean implicitAnd();

    /** A term, heading or field-qualified group at the cursor (or a line reference, when the syntax reads its own). */
    abstract Query operand();

    /** What may follow a closing parenthesis (Ovid's {@code .ti,ab.}, Embase.com's {@code :ti,ab}). */
    Query afterGroup(Query q) {
        return q;
    }

    /** How this syntax writes proximity, for the message when another syntax's operator is used. */
    abstract String proximityHint();

    final Strategy parse(String text) {
        List<StrategyText.Raw> raws = StrategyText.split(text, syntax);
        if (raws.isEmpty()) {
            throw new SearchSyntaxError(1, 1, "the strategy is empty");
        }
        List<Strategy.Line> lines = new ArrayList<>();
        int previous = 0;
        for (StrategyText.Raw raw : raws) {
            c = raw.query();
            int number = raw.number() == 0 ? previous + 1 : raw.number();
            if (defined.contains(number)) {
                throw c.error(0, "search line " + number + " is numbered twice");
            }
            current = number;
            c.pos = 0;
            Query q = line();
            c.skipSpace();
            if (c.pos < c.text.length()) {
                if (c.peek() == ')') {
                    throw c.error("this ')' closes no '('");
                }
                throw c.error("expected an operator or the end of the line, found '" + snippet() + "'");
            }
            defined.add(number);
            lines.add(new Strategy.Line(number, q, raw.count(), c.text.strip(), raw.sourceLine()));
            previous = number;
        }
        return new Strategy(syntax, lines);
    }

    /** One search line's query; Ovid reads its {@code limit … to …} lines here. */
    Query line() {
        return expression(0);
    }

    final Query expression(int minPrecedence) {
        Query left = primary();
        while (true) {
            c.skipSpace();
            if (c.pos >= c.text.length() || c.peek() == ')') {
                return left;
            }
            int at = c.pos;
            Op op = operatorAt();
            if (op == null) {
                if (!implicitAnd()) {
                    foreign(word(c.pos), c.pos);
                    throw c.error("expected an operator (" + operatorNames() + ") before '" + snippet() + "'");
                }
                op = new Op(Kind.AND, c.pos, andPrecedence(), 0, false);
            }
            if (op.precedence() < minPrecedence) {
                return left;
            }
            c.pos = op.end();
            c.skipSpace();
            if (c.pos >= c.text.length() || c.peek() == ')') {
                throw c.error(at, "'" + c.text.substring(at, op.end()).strip() + "' needs a search term after it");
            }
            Query right = expression(op.precedence() + 1);
            left = switch (op.kind()) {
                case AND -> Query.and(left, right);
                case OR -> Query.or(left, right);
                case NOT -> new Query.Not(left, right);
                case NEAR -> Query.near(left, right, op.between(), op.ordered());
            };
        }
    }

    /** The precedence an implicit AND takes. */
    int andPrecedence() {
        return 2;
    }

    String operatorNames() {
        return "AND, OR, NOT";
    }

    Query primary() {
        c.skipSpace();
        if (c.pos >= c.text.length()) {
            throw c.error("expected a search term");
        }
        char ch = c.peek();
        if (ch == '(') {
            int open = c.pos;
            c.pos++;
            c.skipSpace();
            if (c.peek() == ')') {
                throw c.error(open, "empty parentheses");
            }
            Query q = expression(0);
            c.skipSpace();
            if (c.peek() != ')') {
                throw c.error(open, "this '(' is never closed");
            }
            c.pos++;
            return afterGroup(q);
        }
        if (ch == ')') {
            throw c.error("this ')' closes no '('");
        }
        Op op = operatorAt();
        if (op != null) {
            throw c.error("'" + c.text.substring(c.pos, op.end()).strip() + "' needs a search term before it");
        }
        Query.LineRef r = lineRef == null ? null : refAt(lineRef);
        return r != null ? r : operand();
    }

    /** A reference to an earlier line, checked: the line must exist and come before this one. */
    final Query.LineRef ref(int number, int at) {
        if (number == current) {
            throw c.error(at, "line " + current + " refers to itself");
        }
        if (number > current) {
            throw c.error(at, "line " + current + " refers to line " + number + ", which comes later");
        }
        if (!defined.contains(number)) {
            throw c.error(at, "line " + current + " refers to line " + number + ", which does not exist");
        }
        return new Query.LineRef(number);
    }

    /** A line reference written as {@code p} matches (group 1: the number) at the cursor, checked; null when there is none. */
    final Query.LineRef refAt(Pattern p) {
        int start = c.pos;
        Matcher r = lookingAt(p);
        if (r == null) {
            return null;
        }
        c.pos = r.end();
        return ref(Integer.parseInt(r.group(1)), start);
    }

    // --- words and quoted text

    /** The run of characters at {@code at} up to white space, a parenthesis or a double quote. */
    final String word(int at) {
        int e = at;
        while (e < c.text.length()) {
            char ch = c.text.charAt(e);
            if (Character.isWhitespace(ch) || ch == '(' || ch == ')' || ch == '"') {
                break;
            }
            e++;
        }
        return c.text.substring(at, e);
    }

    /** Reads text between matching quotes at the cursor (which is on the opening quote). */
    final String quoted() {
        char q = c.peek();
        int open = c.pos;
        int close = c.text.indexOf(q, open + 1);
        if (close < 0) {
            throw c.error(open, "this quote " + q + " is never closed");
        }
        c.pos = close + 1;
        String inner = c.text.substring(open + 1, close).strip();
        if (inner.isEmpty()) {
            throw c.error(open, "empty quotes");
        }
        return inner;
    }

    final String snippet() {
        String w = word(c.pos);
        if (w.isEmpty()) {
            w = String.valueOf(c.peek());
        }
        return w.length() > 30 ? w.substring(0, 30) + "…" : w;
    }

    /** Whether the word at {@code at} is followed by white space, a parenthesis, a quote or the end. */
    final boolean boundaryAt(int at) {
        return at >= c.text.length() || Character.isWhitespace(c.text.charAt(at)) || c.text.charAt(at) == '('
                || c.text.charAt(at) == ')' || c.text.charAt(at) == '"';
    }

    /** Matches {@code p} at the cursor (anchored), or null. */
    final Matcher lookingAt(Pattern p) {
        Matcher m = p.matcher(c.text);
        m.region(c.pos, c.text.length());
        return m.lookingAt() ? m : null;
    }

    private static final Pattern OVID_ADJ = Pattern.compile("(?i)adj\\d*");
    private static final Pattern SLASH_NEAR = Pattern.compile("(?i)(near|next|pre|n|p)/\\d+");
    private static final Pattern EBSCO_NEAR = Pattern.compile("[NW]\\d+");

    /** Refuses another syntax's proximity operator, which this syntax would read as a word. */
    final void foreign(String w, int at) {
        String owner = null;
        if (!syntax.ovid() && OVID_ADJ.matcher(w).matches()) {
            owner = "Ovid";
        } else if (syntax != Syntax.EMBASE && syntax != Syntax.WOS && syntax != Syntax.PROQUEST
                && SLASH_NEAR.matcher(w).matches()) {
            owner = w.toLowerCase(Locale.ROOT).startsWith("next") ? "Embase.com"
                    : w.toLowerCase(Locale.ROOT).startsWith("near") ? "Embase.com, Web of Science and ProQuest" : "ProQuest";
        } else if (syntax != Syntax.CINAHL && EBSCO_NEAR.matcher(w).matches()) {
            owner = "EBSCOhost";
        }
        if (owner != null) {
            throw c.error(at, "'" + w + "' is a proximity operator of " + owner + ", which " + syntax.label
                    + " does not have; " + proximityHint());
        }
    }

    /** The text with this syntax's wildcard symbols read into {@link Wildcards}' spelling. */
    abstract String wildcards(String raw, int at);

    static Set<Field> fields(Field... f) {
        return Set.of(f);
    }
}
