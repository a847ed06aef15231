package dev.winnow.search;

/**
 * How a term's text spells truncation and wildcards inside the query tree, whatever the database:
 * {@code *} any number of characters, {@code *3} up to three, {@code ?} exactly one character,
 * {@code !} zero or one. Each syntax reads its own symbols into these and writes them back
 * (Ovid's {@code $} and {@code #}, EBSCO's {@code #}, Web of Science's {@code $}, ProQuest's {@code [*3]}).
 */
public final class Wildcards {
    public static final char TRUNCATE = '*';
    public static final char ONE = '?';
    public static final char OPTIONAL = '!';

    private Wildcards() {
    }

    public static boolean any(String text) {
        return text.indexOf(TRUNCATE) >= 0 || text.indexOf(ONE) >= 0 || text.indexOf(OPTIONAL) >= 0;
    }

    /** Whether the text has limited truncation ({@code *3}). */
    public static boolean limited(String text) {
        return text.matches("(?s).*\\*\\d.*");
    }

    public static boolean inner(String text) {
        return text.indexOf(ONE) >= 0 || text.indexOf(OPTIONAL) >= 0;
    }
}
