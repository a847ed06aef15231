package dev.winnow.search;

import java.util.List;
import java.util.Locale;

/** Writes EBSCOhost CINAHL: {@code TI word}, {@code TI ( … )}, {@code MH "Heading+"}, {@code N3}, {@code W3}, {@code S1 OR S2}. */
final class CinahlWriter extends StrategyWriter {
    CinahlWriter() {
        super(Syntax.CINAHL);
    }

    @Override
    boolean canGroup(List<String> codes) {
        return codes.size() == 1;
    }

    @Override
    String groupFields(List<String> codes, String body) {
        return codes.getFirst() + " (" + body + ")";
    }

    @Override
    String fielded(String words, List<String> codes) {
        return codes.getFirst() + " " + words;
    }

    @Override
    String quote(String spelled) {
        boolean special = spelled.contains(" ") || spelled.matches(".*[()/].*") || hasOperatorWord(spelled)
                || spelled.matches("[A-Z]{2}|[Ss]\\d+");
        return special ? "\"" + spelled + "\"" : spelled;
    }

    @Override
    String wildcard(char kind) {
        return switch (kind) {
            case Wildcards.TRUNCATE -> "*";
            case Wildcards.ONE -> "?";
            default -> "#";
        };
    }

    @Override
    boolean subheadings() {
        return true;
    }

    @Override
    String heading(Query.Heading h) {
        String subs = h.subheadings().isEmpty() ? ""
                : "/" + String.join("/", h.subheadings().stream().map(s -> s.toUpperCase(Locale.ROOT)).toList());
        return (h.major() ? "MM" : "MH") + " \"" + h.name() + subs + (h.explode() ? "+" : "") + "\"";
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        return (ordered ? "W" : "N") + between;
    }
}
