package dev.winnow.search;

import java.util.List;

/**
 * A search strategy as a database's search history holds it: numbered lines, each a query that may
 * refer to earlier lines, with the record count the database gave (null when not recorded).
 */
public record Strategy(Syntax syntax, List<Line> lines) {
    public Strategy {
        lines = List.copyOf(lines);
    }

    /**
     * One search line: its number, query, the count the database gave (or null), the query's text as
     * pasted (without its number and count), and the line of the pasted text it started on.
     */
    public record Line(int number, Query query, Long count, String text, int sourceLine) {
    }

    /** The strategy's last line: the one whose records were exported. */
    public Line last() {
        return lines.getLast();
    }

    /**
     * Whether two strategies mean the same: the same line numbers and equal canonical trees
     * ({@link Query#canonical}; counts and syntax aside).
     */
    public boolean sameSearch(Strategy other) {
        if (lines.size() != other.lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            Line a = lines.get(i);
            Line b = other.lines.get(i);
            if (a.number() != b.number() || !Query.canonical(a.query()).equals(Query.canonical(b.query()))) {
                return false;
            }
        }
        return true;
    }
}
