package dev.winnow.search;

/**
 * Reading position in one search line's text, which may have come from several lines of the pasted
 * strategy: every character remembers the line and column it was pasted at, so that an error names them.
 */
final class Cursor {
    final String text;
    private final int[] lines;
    private final int[] columns;
    int pos;

    Cursor(String text, int[] lines, int[] columns) {
        this.text = text;
        this.lines = lines;
        this.columns = columns;
    }

    boolean atEnd() {
        skipSpace();
        return pos >= text.length();
    }

    void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    String rest() {
        return text.substring(pos);
    }

    SearchSyntaxError error(int at, String problem) {
        int i = Math.min(Math.max(at, 0), lines.length - 1);
        return new SearchSyntaxError(lines[i], columns[i], problem);
    }

    SearchSyntaxError error(String problem) {
        return error(pos, problem);
    }

    /** Where a piece of text was pasted, for messages ("line 3, column 5"). */
    String where(int at) {
        int i = Math.min(Math.max(at, 0), lines.length - 1);
        return "line " + lines[i] + ", column " + columns[i];
    }
}
