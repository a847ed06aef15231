package dev.winnow.search;

/**
 * Something of a strategy that the target syntax cannot say as written: it is still in the
 * translation (never dropped), as near as the target allows, and the flag says what to check.
 */
public record Flag(Kind kind, int line, String message) {

    public enum Kind {
        /** A subject heading that must be looked up in the target's thesaurus (or that it has none). */
        HEADING("subject heading"),
        /** A proximity the target cannot express (order, distance, or operands), written wider. */
        PROXIMITY("proximity"),
        /** A field with no counterpart in the target, searched in the nearest it has. */
        FIELD("field"),
        /** Truncation or a wildcard the target lacks. */
        WILDCARD("wildcard"),
        /** A database limit the target applies with its own limits or filters. */
        LIMIT("limit");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    @Override
    public String toString() {
        return "line " + line + " [" + kind.label + "] " + message;
    }
}
