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

    public CsvTokenizer(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The line the last row returned by {@link #next()} started on (1-based). */
    public long rowLine() {
        return rowLine;
    }

    /** The next row's fields, or null at the end of input. */
    public List<String> next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        rowLine = line;
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
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    /** A quoted field that never closes: the file is cut or is not CSV. */
    public static final class UnterminatedQuoteException extends IOException {
        private final long line;

        public UnterminatedQuoteException(long line) {
            super("a quoted field that starts on line " + line + " never closes");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }
}
