package dev.winnow.ingest.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the rows of delimiter-separated text (RFC 4180: quoted fields may hold delimiters,
 * doubled quotes and line breaks). Knows the line each row starts on, for messages.
 */
public final class CsvTokenizer {
    private final Reader in;
    private final char delimiter;
    private long line = 1;
    private long rowLine = 1;
    private int pushedBack = -2;
    private final StringBuilder raw = new StringBuilder();
    private boolean keepRaw;
    private int rowChars;
    private final int maxRowChars;

    /** Rows longer than this many characters are refused (a quote left open, or not CSV at all). */
    public static final int MAX_ROW_CHARS = 1 << 22;

    public CsvTokenizer(Reader in, char delimiter) {
        this(in, delimiter, MAX_ROW_CHARS);
    }

    public CsvTokenizer(Reader in, char delimiter, int maxRowChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRowChars = maxRowChars;
    }

    /** The line the last row returned by {@link #next()} started on (1-based). */
    public long rowLine() {
        return rowLine;
    }

    /** Keep the text of each row as the file has it, for {@link #rawRow()}. */
    public CsvTokenizer keepRaw() {
        keepRaw = true;
        return this;
    }

    /**
     * The text of the last row returned by {@link #next()} exactly as the file has it, without its
     * line break (only when {@link #keepRaw()} was called; else empty).
     */
    public String rawRow() {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** The next row's fields, or null at the end of input. */
    public List<String> next() throws IOException {
        raw.setLength(0);
        rowChars = 0;
        rowLine = line;
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new UnterminatedQuoteException(rowLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        unread(d);
                    }
                }
                if (c >= 0) {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (++rowChars > maxRowChars) {
            throw new RowTooLongException(rowLine, maxRowChars);
        }
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            if (keepRaw && c >= 0) {
                raw.append((char) c);
            }
            return c;
        }
        int c = in.read();
        if (keepRaw && c >= 0) {
            raw.append((char) c);
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
        if (keepRaw && c >= 0) {
            raw.setLength(raw.length() - 1);
        }
    }

    /** A row the tokenizer refuses; {@link #line()} is where the row starts. */
    public abstract static sealed class MalformedRowException extends IOException
            permits UnterminatedQuoteException, RowTooLongException {
        private final long line;

        MalformedRowException(long line, String message) {
            super(message);
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    /** A quoted field that never closes: the file is cut or is not CSV. */
    public static final class UnterminatedQuoteException extends MalformedRowException {
        public UnterminatedQuoteException(long line) {
            super(line, "a quoted field that starts on line " + line + " never closes");
        }
    }

    /** A row longer than any real record: most likely a quote that is never closed. */
    public static final class RowTooLongException extends MalformedRowException {
        public RowTooLongException(long line, int limit) {
            super(line, "the row that starts on line " + line + " is longer than " + limit
                    + " characters (a quote that is never closed?)");
        }
    }
}
