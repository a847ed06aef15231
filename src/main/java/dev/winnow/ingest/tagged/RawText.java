package dev.winnow.ingest.tagged;

/**
 * The raw text of the record being read, line by line, for {@link dev.winnow.ingest.ParsedRecord#raw()}:
 * the record's lines as the file has them, joined by line breaks, without the blank lines after it.
 */
public final class RawText {
    private final StringBuilder text = new StringBuilder(4096);

    public void line(String line) {
        text.append(line).append('\n');
    }

    public void blank() {
        text.append('\n');
    }

    /** The text so far up to its last non-blank line (kept whole); starts the next record afresh. */
    public String take() {
        int last = text.length() - 1;
        while (last >= 0 && text.charAt(last) <= ' ') {
            last--;
        }
        int end = last < 0 ? 0 : text.indexOf("\n", last);
        String s = text.substring(0, end < 0 ? text.length() : end);
        text.setLength(0);
        return s;
    }
}
