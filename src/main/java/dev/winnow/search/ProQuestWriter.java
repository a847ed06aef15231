package dev.winnow.search;

import java.util.List;

/** Writes ProQuest: {@code ti(…)}, {@code MAINSUBJECT.EXACT.EXPLODE("…")}, {@code NEAR/n}, {@code PRE/n}, {@code [*3]}. */
final class ProQuestWriter extends StrategyWriter {
    ProQuestWriter() {
        super(Syntax.PROQUEST);
    }

    @Override
    boolean canGroup(List<String> codes) {
        return codes.size() == 1;
    }

    @Override
    String groupFields(List<String> codes, String body) {
        return codes.getFirst() + "(" + body + ")";
    }

    @Override
    String fielded(String words, List<String> codes) {
        return codes.getFirst() + "(" + words + ")";
    }

    @Override
    String quote(String spelled) {
        String plain = spelled.replaceAll("\\[\\*\\d+\\]", "");
        boolean special = spelled.contains(" ") || plain.matches(".*[()/\\[\\]].*") || hasOperatorWord(spelled)
                || spelled.matches("[Ss]\\d+");
        return special ? "\"" + spelled + "\"" : spelled;
    }

    @Override
    String wildcard(char kind) {
        return switch (kind) {
            case Wildcards.TRUNCATE -> "*";
            case Wildcards.ONE -> "?";
            default -> null;
        };
    }

    @Override
    String limitedTruncation(int max) {
        return "[*" + max + "]";
    }

    @Override
    String heading(Query.Heading h) {
        if (h.major()) {
            flag(Flag.Kind.HEADING, "ProQuest cannot mark '" + h.name() + "' as a major topic: searched as any subject, "
                    + "which is wider");
        }
        return "MAINSUBJECT.EXACT" + (h.explode() ? ".EXPLODE" : "") + "(\"" + h.name() + "\")";
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        return (ordered ? "PRE/" : "NEAR/") + between;
    }
}
