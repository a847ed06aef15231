package dev.winnow.ingest.bibtex;

import dev.winnow.ingest.ParseException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The syntax of BibTeX, one entry at a time: {@code @type{key, name = value # value, …}} with
 * braces or parentheses around the entry, values in braces, quotes, bare numbers or macro names
 * joined by {@code #}. {@code @string} defines macros; {@code @comment} and {@code @preamble} are
 * skipped; text between entries is a comment, as BibTeX itself treats it. Field values are
 * returned as the file wrote them (LaTeX, inner braces kept); {@link BibtexRecords} interprets them.
 */
final class BibtexParser {
    /**
     * One entry: its lower-case type, its key (maybe empty), its fields in file order. A broken
     * entry has no fields and the {@code problem} that broke it; reading goes on after it.
     */
    record Entry(String type, String key, Map<String, List<String>> fields, long line, String raw, ParseException problem) {
        Entry(String type, String key, Map<String, List<String>> fields, long line, String raw) {
            this(type, key, fields, line, raw, null);
        }

        String first(String name) {
            List<String> v = fields.get(name);
            return v == null || v.isEmpty() ? null : v.get(0);
        }
    }

    private final Reader in;
    private final String fileName;
    private final Map<String, String> macros = new HashMap<>();
    private int peeked = -2;
    private long line = 1;
    private boolean lastWasCr;
    private StringBuilder raw;
    private final List<String> skipped = new ArrayList<>();
    /** Text already read that is read again after a broken entry (the entries it swallowed). */
    private final StringBuilder replay = new StringBuilder();
    private int replayed;

    BibtexParser(Reader in, String fileName) {
        this.in = in;
        this.fileName = fileName;
        String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        for (String m : months) {
            macros.put(m, m);
        }
    }

    /** The @comment and @preamble entries passed over since the last call (for the import report). */
    List<String> takeSkipped() {
        List<String> s = List.copyOf(skipped);
        skipped.clear();
        return s;
    }

    long line() {
        return line;
    }

    /**
     * The next bibliographic entry, or null at the end of the file. Entries that are no records
     * (@comment, @preamble, @string) are consumed on the way; each sets {@link #takeSkipped()}
     * only when it is a @comment or @preamble the report should mention.
     */
    Entry next() throws IOException {
        int c;
        while ((c = read()) >= 0) {
            if (c != '@') {
                continue;
            }
            long start = line;
            raw = new StringBuilder("@");
            skipSpace();
            String type = identifier().toLowerCase(Locale.ROOT);
            skipSpace();
            int open = peek();
            if (type.isEmpty() || open != '{' && open != '(') {
                raw = null; // an '@' in free text between entries (an e-mail address, say)
                continue;
            }
            read();
            char close = open == '{' ? '}' : ')';
            try {
                Entry e = entry(type, close, start);
                if (e != null) {
                    return e;
                }
            } catch (ParseException problem) {
                String text = raw.toString();
                raw = null;
                recover(text, start);
                return new Entry(type, "", new LinkedHashMap<>(), start, text, problem);
            }
        }
        return null;
    }

    /** The rest of an entry after its opening delimiter: a record, or null for @comment, @preamble, @string. */
    private Entry entry(String type, char close, long start) throws IOException {
        switch (type) {
            case "comment", "preamble" -> {
                skipGroup(close, start, type);
                raw = null;
                skipped.add("@" + type + " on line " + start);
            }
            case "string" -> {
                Map<String, List<String>> defs = fields(close, start, type);
                defs.forEach((k, v) -> macros.put(k, v.get(v.size() - 1)));
                raw = null;
            }
            default -> {
                String key = key(close, start, type);
                Map<String, List<String>> fields = key == null ? new LinkedHashMap<>() : fields(close, start, type);
                String text = raw.toString();
                raw = null;
                return new Entry(type, key == null ? "" : key, fields, start, text);
            }
        }
        return null;
    }

    /**
     * After a broken entry, finds where the next one starts: an '@' at the start of a line. When the
     * broken entry swallowed it (a brace that never closed reads on into the entries after it), the
     * text from there is read again; otherwise reading goes on to the next line that starts with '@'.
     */
    private void recover(String text, long start) throws IOException {
        java.util.regex.Matcher m = NEXT_ENTRY.matcher(text);
        if (m.find(1)) {
            int at = m.start(1);
            String remaining = replay.substring(replayed);
            replay.setLength(0);
            replay.append(text, at, text.length());
            if (peeked >= 0) {
                replay.append((char) peeked);
            }
            replay.append(remaining);
            replayed = 0;
            peeked = -2;
            line = start + lineBreaks(text, at);
            lastWasCr = false;
            return;
        }
        boolean lineStart = text.isEmpty() || endsWithLineStart(text);
        while (true) {
            int c = peek();
            if (c < 0 || c == '@' && lineStart) {
                return;
            }
            read();
            if (c == '\n' || c == '\r') {
                lineStart = true;
            } else if (c != ' ' && c != '\t') {
                lineStart = false;
            }
        }
    }

    /** An '@' that starts a line and an entry. */
    private static final java.util.regex.Pattern NEXT_ENTRY =
            java.util.regex.Pattern.compile("[\\r\\n][ \\t]*(@[ \\t]*[A-Za-z]+[ \\t]*[{(])");

    private static boolean endsWithLineStart(String text) {
        int i = text.length() - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r';
    }

    private static long lineBreaks(String text, int end) {
        long n = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r') || c == '\r') {
                n++;
            }
        }
        return n;
    }

    /** The key up to the first comma; null when the entry closes right after it (no fields). */
    private String key(char close, long start, String type) throws IOException {
        StringBuilder key = new StringBuilder();
        while (true) {
            int c = read();
            if (c < 0) {
                throw unclosed(start, type, close);
            }
            if (c == ',') {
                return key.toString().strip();
            }
            if (c == close) {
                return null;
            }
            if (c == '\n' && key.toString().contains("=")) {
                throw new ParseException(fileName, line - 1, "expected a key and ',' after '@" + type + "{'");
            }
            key.append((char) c);
        }
    }

    /** name = value pairs up to the closing delimiter; names lower-cased, repeated names kept. */
    private Map<String, List<String>> fields(char close, long start, String type) throws IOException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            int c = peek();
            if (c < 0) {
                throw unclosed(start, type, close);
            }
            if (c == close) {
                read();
                return fields;
            }
            if (c == ',') {
                read();
                continue;
            }
            String name = identifier().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new ParseException(fileName, line, "expected a field name in the @" + type + " entry starting on line "
                        + start + ", found '" + printable(c) + "'");
            }
            skipSpace();
            while (peek() >= 0 && isNameChar(peek())) {
                name = name + " " + identifier().toLowerCase(Locale.ROOT); // Scopus writes "funding_text 1 = {…}"
                skipSpace();
            }
            if (peek() != '=') {
                throw new ParseException(fileName, line, "expected '=' after the field name '" + name + "', found '"
                        + printable(peek()) + "'");
            }
            read();
            String value = value(close, start, type);
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            skipSpace();
            int after = peek();
            if (after != ',' && after != close) {
                if (after < 0) {
                    throw unclosed(start, type, close);
                }
                throw new ParseException(fileName, line, "expected ',' or '" + close + "' after the value of '" + name
                        + "', found '" + printable(after) + "'");
            }
        }
    }

    /** One value: parts joined by '#'. */
    private String value(char close, long start, String type) throws IOException {
        StringBuilder value = new StringBuilder();
        while (true) {
            skipSpace();
            int c = peek();
            if (c == '{') {
                read();
                value.append(delimited('}', start, type));
            } else if (c == '"') {
                read();
                value.append(delimited('"', start, type));
            } else if (c >= 0 && Character.isDigit(c)) {
                value.append(identifier());
            } else if (c >= 0 && isNameChar(c)) {
                String macro = identifier();
                String def = macros.get(macro.toLowerCase(Locale.ROOT));
                value.append(def == null ? macro : def);
            } else {
                throw new ParseException(fileName, line, "expected a value ({…}, \"…\", a number or a @string name), found '"
                        + printable(c) + "'");
            }
            skipSpace();
            if (peek() != '#') {
                return value.toString();
            }
            read();
        }
    }

    /** Text up to {@code end} at brace depth 0 (escaped characters never end it), inner braces kept. */
    private String delimited(char end, long start, String type) throws IOException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw unclosed(start, type, end);
            }
            if (c == '\\') {
                sb.append('\\');
                int d = read();
                if (d < 0) {
                    throw unclosed(start, type, end);
                }
                sb.append((char) d);
                continue;
            }
            if (c == end && depth == 0) {
                return sb.toString();
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            sb.append((char) c);
        }
    }

    private void skipGroup(char close, long start, String type) throws IOException {
        int depth = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                throw unclosed(start, type, close);
            }
            if (c == '{') {
                depth++;
            } else if (c == close && depth == 0) {
                return;
            } else if (c == '}') {
                depth--;
            }
        }
    }

    private String identifier() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = peek();
            if (c < 0 || !isNameChar(c)) {
                return sb.toString();
            }
            sb.append((char) read());
        }
    }

    private static boolean isNameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '.' || c == '+' || c == '/'
                || c == '\'' || c == '!' || c == '?' || c == '*' || c == '&' || c == ';' || c == '<' || c == '>'
                || c == '[' || c == ']' || c == '|';
    }

    private void skipSpace() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0 || !Character.isWhitespace(c) && !Character.isSpaceChar(c)) { // no-break spaces too (Scopus)
                return;
            }
            read();
        }
    }

    private ParseException unclosed(long start, String type, char close) {
        return new ParseException(fileName, start, "the @" + type + " entry that starts here never closes (expected '"
                + close + "' before the end of the file)");
    }

    private static String printable(int c) {
        if (c < 0) {
            return "end of file";
        }
        return Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = source();
        }
        return peeked;
    }

    /** The next character: from the text read again after a broken entry, then from the file. */
    private int source() throws IOException {
        if (replayed < replay.length()) {
            return replay.charAt(replayed++);
        }
        if (replayed > 0) {
            replay.setLength(0);
            replayed = 0;
        }
        return in.read();
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = source();
        }
        if (c == '\r') {
            line++;
            lastWasCr = true;
        } else {
            if (c == '\n' && !lastWasCr) {
                line++;
            }
            lastWasCr = false;
        }
        if (raw != null && c >= 0) {
            raw.append((char) c);
        }
        return c;
    }
}
