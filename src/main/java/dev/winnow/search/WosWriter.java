package dev.winnow.search;

import java.util.List;

/** Writes Web of Science advanced search: {@code TS=(…)}, {@code TI="…"}, {@code NEAR/n}, {@code #1 OR #2}; no thesaurus. */
final class WosWriter extends StrategyWriter {
    WosWriter() {
        super(Syntax.WOS);
    }

    @Override
    boolean canGroup(List<String> codes) {
        return codes.size() == 1;
    }

    @Override
    String groupFields(List<String> codes, String body) {
        return codes.getFirst() + "=(" + body + ")";
    }

    @Override
    String fielded(String words, List<String> codes) {
        return codes.getFirst() + "=" + words;
    }

    @Override
    String quote(String spelled) {
        boolean special = spelled.contains(" ") || spelled.matches(".*[()#=/].*") || hasOperatorWord(spelled);
        return special ? "\"" + spelled + "\"" : spelled;
    }

    @Override
    String wildcard(char kind) {
        return switch (kind) {
            case Wildcards.TRUNCATE -> "*";
            case Wildcards.ONE -> "?";
            default -> "$";
        };
    }

    @Override
    String headingFallbackField() {
        return "TS (topic)";
    }

    @Override
    String heading(Query.Heading h) {
        return fieldedTerm(h.name(), headingFallback());
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        return ordered ? null : "NEAR/" + between;
    }
}
