package dev.winnow.search;

import java.util.List;
import java.util.Set;

/** Writes Embase.com: {@code 'phrase':ti,ab}, {@code 'heading'/exp}, {@code [english]/lim}, {@code NEAR/n}, {@code NEXT/n}. */
final class EmbaseWriter extends StrategyWriter {
    EmbaseWriter() {
        super(Syntax.EMBASE);
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
        return "(" + body + "):" + String.join(",", codes);
    }

    @Override
    String fielded(String words, List<String> codes) {
        return words + ":" + String.join(",", codes);
    }

    @Override
    String specialField(String spelled, Set<Field> fields) {
        if (fields.size() != 1) {
            return null;
        }
        return switch (fields.iterator().next()) {
            case LANGUAGE, LIMIT -> "[" + spelled + "]/lim";
            case YEAR -> "[" + spelled + "]/py";
            case PUBLICATION_TYPE -> "[" + spelled + "]/it";
            default -> null;
        };
    }

    @Override
    String quote(String spelled) {
        boolean special = spelled.contains(" ") || spelled.matches(".*[\\[\\]()#/:'].*") || hasOperatorWord(spelled);
        if (!special) {
            return spelled;
        }
        return spelled.contains("'") ? "\"" + spelled + "\"" : "'" + spelled + "'";
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
    String heading(Query.Heading h) {
        String q = h.name().contains("'") ? "\"" + h.name() + "\"" : "'" + h.name() + "'";
        if (h.major()) {
            return q + (h.explode() ? "/exp/mj" : "/mj");
        }
        return q + (h.explode() ? "/exp" : "/de");
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        return (ordered ? "NEXT/" : "NEAR/") + between;
    }
}
