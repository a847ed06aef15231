package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PubMed: {@code #1 OR #2}; tags in brackets ({@code [tiab]}, {@code [MeSH Terms]}, {@code [mh:noexp]},
 * {@code [Majr]}, {@code [tiab:~3]} proximity); {@code *} truncation at a word's end; AND, OR and NOT
 * in capitals, read left to right with no precedence. Words side by side are ANDed unless a tag
 * follows them, which makes them a phrase.
 */
final class PubMedParser extends ExpressionParser {
    private static final Pattern OPERATOR = Pattern.compile("(AND|OR|NOT)(?=[\\s(\"#]|$)");
    private static final Pattern LOWER_OPERATOR = Pattern.compile("(?i)(and|or|not)(?=[\\s(\"#]|$)");
    private static final Pattern TAG = Pattern.compile("\\s*\\[([^\\]\\[]*)\\]");

    PubMedParser() {
        super(Syntax.PUBMED, HASH_REF);
    }

    @Override
    Op operatorAt() {
        Matcher m = operatorMatch(OPERATOR);
        return m == null ? null : bool(m.group(1), m.end(), 1, 1, 1);
    }

    @Override
    int andPrecedence() {
        return 1;
    }

    @Override
    boolean implicitAnd() {
        return true;
    }

    @Override
    String proximityHint() {
        return "PubMed writes proximity as \"word1 word2\"[tiab:~N]";
    }

    @Override
    Query operand() {
        int start = c.pos;
        if (c.peek() == '"') {
            String text = quoted();
            return tagged(text, start, true);
        }
        // words up to an operator, parenthesis, quote or tag; a tag makes them one phrase
        List<String> words = new ArrayList<>();
        int afterFirst = -1;
        while (true) {
            c.skipSpace();
            if (c.pos >= c.text.length() || "()\"[".indexOf(c.peek()) >= 0 || operatorAt() != null) {
                break;
            }
            int at = c.pos;
            String w = bareWord(at);
            if (w.isEmpty()) {
                break;
            }
            Matcher lower = LOWER_OPERATOR.matcher(w);
            if (lower.matches()) {
                throw c.error(at, "PubMed reads Boolean operators only in capitals: write '"
                        + w.toUpperCase(Locale.ROOT) + "'");
            }
            foreign(w, at);
            if (w.startsWith("#")) {
                break;
            }
            words.add(w);
            c.pos = at + w.length();
            if (afterFirst < 0) {
                afterFirst = c.pos;
            }
        }
        if (words.isEmpty()) {
            throw c.error("expected a search term, found '" + snippet() + "'");
        }
        Matcher tag = lookingAt(TAG);
        if (tag == null && words.size() > 1) {
            c.pos = afterFirst; // untagged words are ANDed: take one
            return new Query.Term(wildcards(words.getFirst(), start), Set.of());
        }
        return tagged(String.join(" ", words), start, false);
    }

    private String bareWord(int at) {
        int e = at;
        while (e < c.text.length()) {
            char ch = c.text.charAt(e);
            if (Character.isWhitespace(ch) || "()\"[".indexOf(ch) >= 0) {
                break;
            }
            e++;
        }
        return c.text.substring(at, e);
    }

    /** The term or heading {@code text} with the tag that follows it, if any. */
    private Query tagged(String text, int start, boolean quoted) {
        Matcher m = lookingAt(TAG);
        if (m == null) {
            return new Query.Term(wildcards(text, start), Set.of());
        }
        int tagAt = c.pos + m.start(1) - m.start();
        c.pos = m.end();
        String tag = m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String option = null;
        int colon = tag.indexOf(':');
        if (colon >= 0) {
            option = tag.substring(colon + 1).strip();
            tag = tag.substring(0, colon).strip();
        }
        switch (tag) {
            case "mh", "mesh", "mesh terms", "majr", "mesh major topic" -> {
                boolean major = tag.startsWith("maj") || tag.equals("mesh major topic");
                boolean explode = true;
                if (option != null) {
                    if (!option.equals("noexp")) {
                        throw c.error(tagAt, "'[" + m.group(1).strip() + "]': a MeSH tag takes only :noexp");
                    }
                    explode = false;
                }
                String name = text;
                List<String> subs = new ArrayList<>();
                int slash = name.indexOf('/');
                if (slash > 0) {
                    for (String s : name.substring(slash + 1).split("/")) {
                        subs.add(s.strip().toLowerCase(Locale.ROOT));
                    }
                    name = name.substring(0, slash);
                }
                return new Query.Heading(name, Thesaurus.MESH, explode, major, subs);
            }
            default -> {
            }
        }
        String code = switch (tag) {
            case "title/abstract" -> "tiab";
            case "title" -> "ti";
            case "abstract" -> "ab";
            case "text word" -> "tw";
            case "other term" -> "ot";
            case "subheading" -> "sh";
            case "all fields" -> "all";
            case "author" -> "au";
            case "journal", "jour" -> "ta";
            case "publication type" -> "pt";
            case "language" -> "la";
            case "publication date", "pdat" -> "dp";
            case "supplementary concept" -> "nm";
            default -> tag;
        };
        Set<Field> fields = FieldCodes.lookup(syntax, code);
        if (fields == null) {
            throw c.error(tagAt, "'[" + m.group(1).strip() + "]' is not a PubMed tag Winnow knows (it knows "
                    + FieldCodes.known(syntax) + ", mh, mh:noexp, majr, and [tiab:~N] for proximity)");
        }
        String body = code.equals("dp") ? text.replace(':', '-') : text;
        if (option != null) {
            Matcher p = Pattern.compile("~(\\d+)").matcher(option);
            if (!p.matches() || !(code.equals("tiab") || code.equals("ti"))) {
                throw c.error(tagAt, "'[" + m.group(1).strip() + "]': PubMed's proximity is [tiab:~N] or [ti:~N]");
            }
            String[] words = body.split("\\s+");
            if (!quoted || words.length < 2) {
                throw c.error(start, "proximity needs two or more words in quotes, e.g. \"palliative care\"[tiab:~3]");
            }
            List<Query> parts = new ArrayList<>();
            for (String w : words) {
                parts.add(new Query.Term(wildcards(w, start), fields));
            }
            return new Query.Near(parts, Integer.parseInt(p.group(1)), false);
        }
        return new Query.Term(wildcards(body, start), fields);
    }

    @Override
    String wildcards(String raw, int at) {
        int q = raw.indexOf('?');
        if (q >= 0) {
            throw c.error(at, "PubMed has no '?' wildcard; truncate with * at the end of a word");
        }
        return raw;
    }
}
