package dev.winnow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a pasted strategy into its search lines. A line may start with its number ({@code 1},
 * {@code 1.}, {@code #1}, {@code S1}) and end with the database's record count, in parentheses
 * ({@code (1,234)}) or in a tab-separated column as search histories are copied; Ovid's
 * "Database:"/"Search Strategy:" heading and rules of dashes are skipped. Text that does not start
 * with a number continues the line before it. Without any numbers, an Ovid strategy has one search
 * per line and any other syntax is one search over all lines.
 */
final class StrategyText {
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(?:#|[Ss])?(\\d{1,4})\\s*[.:)]?(\\s+)(?:Search:\\s*)?");
    private static final Pattern COUNT = Pattern.compile("\\s+\\((\\d[\\d,.]*)\\)\\s*$");
    private static final Pattern OPERATOR_START = Pattern.compile("(?i)(and|or|not)\\b(?!/).*");
    private static final Pattern PREAMBLE = Pattern.compile(
            "(?i)^\\s*(database:|search strategy:?|searches\\b|#\\s+searches|#\\s+query|results\\b).*|^[\\s\\-*=_]+$");
    private static final Pattern DIGITS = Pattern.compile("\\d[\\d,.]*");

    private StrategyText() {
    }

    /** One search line: its number (0 when the text gave none), its query text and the count. */
    record Raw(int number, Cursor query, Long count, int sourceLine) {
    }

    private static final class Builder {
        int number;
        final int sourceLine;
        Long count;
        final StringBuilder text = new StringBuilder();
        final List<Integer> lines = new ArrayList<>();
        final List<Integer> columns = new ArrayList<>();

        Builder(int number, int sourceLine) {
            this.number = number;
            this.sourceLine = sourceLine;
        }

        void append(String s, int line, int column) {
            if (!text.isEmpty()) {
                text.append(' ');
                lines.add(line);
                columns.add(column);
            }
            for (int i = 0; i < s.length(); i++) {
                text.append(s.charAt(i));
                lines.add(line);
                columns.add(column + i);
            }
        }

        Raw build() {
            int n = text.length();
            int[] l = new int[n + 1];
            int[] c = new int[n + 1];
            for (int i = 0; i < n; i++) {
                l[i] = lines.get(i);
                c[i] = columns.get(i);
            }
            l[n] = n == 0 ? sourceLine : lines.get(n - 1);
            c[n] = n == 0 ? 1 : columns.get(n - 1) + 1;
            return new Raw(number, new Cursor(text.toString(), l, c), count, sourceLine);
        }
    }

    static List<Raw> split(String strategy, Syntax syntax) {
        String[] physical = typographic(strategy.replace("\uFEFF", "")).split("\r\n|\r|\n", -1);
        List<Builder> out = new ArrayList<>();
        boolean anyNumbered = false;
        List<Object[]> pieces = new ArrayList<>(); // {lineNo, column, text, number(Integer or null), count}
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if (line.isBlank() || PREAMBLE.matcher(line).matches()) {
                continue;
            }
            Integer number = null;
            Long count = null;
            int column = 1;
            String text = line;
            if (line.indexOf('\t') >= 0) {
                String[] cols = line.split("\t");
                int c = 0;
                int offset = 0;
                String first = cols[0].strip();
                Matcher nm = Pattern.compile("(?:#|[Ss])?(\\d{1,4})[.:)]?").matcher(first);
                if (nm.matches() && cols.length > 1) {
                    number = Integer.parseInt(nm.group(1));
                    offset += cols[0].length() + 1;
                    c = 1;
                }
                while (c < cols.length && cols[c].isBlank()) {
                    offset += cols[c].length() + 1;
                    c++;
                }
                if (c < cols.length) {
                    String q = cols[c];
                    int lead = q.length() - q.stripLeading().length();
                    q = q.strip();
                    if (q.regionMatches(true, 0, "Search:", 0, 7)) {
                        lead += 7 + (q.length() - 7 - q.substring(7).stripLeading().length());
                        q = q.substring(7).strip();
                    }
                    column = offset + lead + 1;
                    text = q;
                    for (int k = c + 1; k < cols.length; k++) {
                        if (DIGITS.matcher(cols[k].strip()).matches()) {
                            count = Long.parseLong(cols[k].strip().replaceAll("[,.]", ""));
                            break;
                        }
                    }
                }
            } else {
                Matcher m = NUMBERED.matcher(line);
                if (m.find()) {
                    String rest = line.substring(m.end());
                    if (!rest.isBlank() && !OPERATOR_START.matcher(rest).matches()) {
                        number = Integer.parseInt(m.group(2));
                        column = m.end() + 1;
                        text = rest;
                    }
                }
                Matcher cm = COUNT.matcher(text);
                if (cm.find() && cm.start() > 0) {
                    count = Long.parseLong(cm.group(1).replaceAll("[,.]", ""));
                    text = text.substring(0, cm.start());
                }
            }
            if (number != null) {
                anyNumbered = true;
            }
            pieces.add(new Object[] {i + 1, column, text, number, count});
        }
        for (Object[] p : pieces) {
            int lineNo = (Integer) p[0];
            Integer number = (Integer) p[3];
            boolean starts = number != null || out.isEmpty() || (!anyNumbered && syntax.ovid());
            if (starts) {
                out.add(new Builder(number == null ? 0 : number, lineNo));
            }
            Builder b = out.getLast();
            b.append((String) p[2], lineNo, (Integer) p[1]);
            if (p[4] != null) {
                b.count = (Long) p[4];
            }
        }
        List<Raw> raws = new ArrayList<>();
        for (Builder b : out) {
            raws.add(b.build());
        }
        return raws;
    }

    /** Curly quotes and dashes as word processors print them, read as the straight ones (one character for one). */
    static String typographic(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(switch (ch) {
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB' -> '"';
                case '\u2018', '\u2019', '\u201A' -> '\'';
                case '\u2013', '\u2014', '\u2212' -> '-';
                case '\u00A0' -> ' ';
                default -> ch;
            });
        }
        return b.toString();
    }

    static boolean isOperatorWord(String w) {
        String l = w.toLowerCase(Locale.ROOT);
        return l.equals("and") || l.equals("or") || l.equals("not");
    }
}
