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
     * {@code s} without C0 control characters other than tab, line feed and carriage return, and
     * without DEL; the same instance when it has none; null for null.
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
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
    }
}
