package dev.winnow.search;

import java.util.List;
import java.util.Set;

/** Writes PubMed: {@code term[tiab]}, {@code "Heading"[Mesh]}, {@code "a b"[tiab:~N]}, {@code #1 OR #2}. */
final class PubMedWriter extends StrategyWriter {
    PubMedWriter() {
        super(Syntax.PUBMED);
    }

    @Override
    boolean canGroup(List<String> codes) {
        return false;
    }

    @Override
    String groupFields(List<String> codes, String body) {
        return null;
    }

    @Override
    String fielded(String words, List<String> codes) {
        return words + "[" + codes.getFirst() + "]";
    }

    @Override
    String specialField(String spelled, Set<Field> fields) {
        if (fields.equals(Set.of(Field.YEAR))) {
            return quote(spelled.replace('-', ':')) + "[dp]";
        }
        return null;
    }

    @Override
    String quote(String spelled) {
        boolean special = spelled.contains(" ") || spelled.matches(".*[\\[\\]()#/:].*") || spelled.matches("AND|OR|NOT");
        return special ? "\"" + spelled + "\"" : spelled;
    }

    @Override
    String wildcard(char kind) {
        return kind == Wildcards.TRUNCATE ? "*" : null;
    }

    @Override
    boolean innerTruncation() {
        return false;
    }

    @Override
    boolean subheadings() {
        return true;
    }

    @Override
    String heading(Query.Heading h) {
        String name = h.name() + (h.subheadings().isEmpty() ? "" : "/" + String.join("/", h.subheadings()));
        return "\"" + name + "\"[" + (h.major() ? "Majr" : "Mesh") + (h.explode() ? "" : ":NoExp") + "]";
    }

    @Override
    String nearOperator(int between, boolean ordered) {
        return null;
    }

    @Override
    String near(Query.Near n) {
        if (!n.ordered()) {
            String phrase = plainPhrase(n);
            if (phrase != null && !Wildcards.any(phrase)) {
                Set<Field> f = ((Query.Term) n.parts().getFirst()).fields();
                String code = f.equals(Set.of(Field.TITLE)) ? "ti"
                        : f.equals(Set.of(Field.TITLE, Field.ABSTRACT)) ? "tiab" : null;
                if (code != null) {
                    return "\"" + phrase + "\"[" + code + ":~" + n.between() + "]";
                }
            }
        }
        return super.near(n);
    }
}
