package dev.winnow.search;

import java.util.List;
import java.util.Locale;

/** Writes Ovid: lower-case operators, {@code .ti,ab.} suffixes, {@code exp Heading/}, {@code or/1-8}, {@code adjN}. */
final class OvidWriter extends StrategyWriter {
    OvidWriter(Syntax target) {
        super(target);
    }

    @Override
    String label(int number) {
        return String.valueOf(number);
    }

    @Override
    String and() {
        return "and";
    }

    @Override
    String or() {
        return "or";
    }

    @Override
    String not() {
        return "not";
    }

    @Override
    boolean multiCode() {
        return true;
    }

    @Override
    boolean canGroup(List<String> codes) {
        return true;
    }

    @Override
    String groupFields(List<String> codes, String body) {
        return "(" + body + ")." + String.join(",", codes) + ".";
    }

    @Override
    String fielded(String words, List<String> codes) {
        return words + "." + String.join(",", codes) + ".";
    }

    @Override
    String quote(String spelled) {
        boolean special = hasOperatorWord(spelled) || spelled.matches("\\d+") || spelled.matches(".*[/()\\[\\]].*")
                || spelled.matches("(?i)exp\\b.*") || spelled.matches(".*\\.[A-Za-z]{2,3}\\.$");
        return special ? "\"" + spelled + "\"" : spelled;
    }

    @Override
    String wildcard(char kind) {
        return switch (kind) {
            case Wildcards.TRUNCATE -> "*";
            case Wildcards.ONE -> "#";
            default -> "?";
        };
    }

    @Override
    String limitedTruncation(int max) {
        return "$" + max;
    }

    @Override
    boolean subheadings() {
        return true;
    }

    @Override
    String heading(Query.Heading h) {
        String name = h.name();
        if (hasOperatorWord(name.replaceAll("(?i)\\band\\b", "")) || name.matches(".*[/()].*")) {
            name = "\"" + name + "\"";
        }
        return (h.explode() ? "exp " : "") + (h.major() ? "*" : "") + name + "/"
                + String.join(",", h.subheadings().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    @Override
    String ref(int number) {
        return String.valueOf(number);
    }

    @Override
    String combined(Query q) {
        List<Query> parts = switch (q) {
            case Query.Or o -> o.parts();
            case Query.And a -> a.parts();
            default -> null;
        };
        if (parts == null || parts.size() < 3) {
            return null;
        }
        int first = -1;
        int previous = -1;
        for (Query p : parts) {
            if (!(p instanceof Query.LineRef r) || (previous >= 0 && r.line() != previous + 1)) {
                return null;
            }
            if (first < 0) {
                first = r.line();
            }
            previous = r.line();
        }
        return (q instanceof Query.Or ? "or/" : "and/") + first + "-" + previous;
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        if (ordered) {
            return between == 0 ? "adj" : null;
        }
        return "adj" + (between + 1);
    }

    @Override
    String limit(Query.Limit l) {
        if (l.base() instanceof Query.LineRef r) {
            return OvidParser.REMOVE.equals(l.limits()) ? "remove duplicates from " + r.line()
                    : "limit " + r.line() + " to " + l.limits();
        }
        return super.limit(l);
    }
}
