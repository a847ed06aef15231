package dev.winnow.ingest.tagged;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text file, one at a time, with the number of the line last read (1-based). A
 * byte-order mark at the start of a line is dropped (files made by concatenating exports carry
 * one at the start of each part). Never holds more than one line.
 */
public final class LineInput {
    private final BufferedReader in;
    private long number;

    public LineInput(Reader reader) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    }

    /** The next line without its line break, or null at the end of the input. */
    public String next() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        number++;
        if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
            line = line.substring(1);
        }
        return line;
    }

    /** The number of the line {@link #next()} returned last. */
    public long number() {
        return number;
    }

    /** True when the line is empty or holds only white space. */
    public static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** A line shortened and freed of control characters, fit to quote in a message. */
    public static String quote(String line) {
        StringBuilder sb = new StringBuilder();
        int n = Math.min(line.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            sb.append(c < ' ' || c == 0x7f ? '?' : c);
        }
        if (line.length() > n) {
            sb.append('…');
        }
        return "'" + sb + "'";
    }
}
