package dev.winnow.record;

/**
 * Text as a record may hold it. Exports now and then carry control characters (a NUL from a
 * damaged download, a vertical tab or form feed pasted into an abstract): they mean nothing in a
 * record, PostgreSQL refuses NUL in text, XML forbids most of them and spreadsheets show them as
 * boxes. They are taken out of every field; the record's raw text keeps what the file said.
 */
public final class PlainText {
    private PlainText() {
    }

    /**
     * {@code s} without C0 control characters other than tab, line feed and carriage return,
     * without DEL and without bidirectional overrides; the same instance when it has none; null for null.
     */
    public static String withoutControlCharacters(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && !isControl(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || isBidiOverride(c);
    }

    /**
     * The explicit bidirectional embedding, override and isolate controls (U+202A–U+202E,
     * U+2066–U+2069): they reorder the text around them as shown ("Trojan source"), so a title
     * could read differently from what it holds. The marks U+200E/U+200F stay (they reorder nothing
     * beyond themselves).
     */
    static boolean isBidiOverride(char c) {
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * Refuses typed text holding a control character (NUL and the like) or a bidirectional override:
     * {@code what} names the value in the message. Null passes.
     */
    public static void requirePrintable(String what, String s) {
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                throw new dev.winnow.UserError(what + " may not hold " + (isBidiOverride(c)
                        ? "a bidirectional override character" : "a control character") + String.format(
                        " (U+%04X at position %d)", (int) c, i + 1));
            }
        }
    }
}
