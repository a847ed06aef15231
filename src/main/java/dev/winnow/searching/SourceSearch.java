package dev.winnow.searching;

import dev.winnow.search.Syntax;

/**
 * One source's search as the project stores it: the strategy as run, its syntax (null when not
 * given), the day it was run, the record count the database reported (null when not recorded), and
 * the records imported for the source (the count the PRISMA flow uses).
 */
public record SourceSearch(long sourceId, String source, String kind, String strategy, Syntax syntax,
                           String searchedOn, Long reported, long imported) {

    /** Imported minus reported; null when no count was reported. */
    public Long difference() {
        return reported == null ? null : imported - reported;
    }

    /** "4 fewer imported than reported", "as reported", or why there is nothing to compare. */
    public String check() {
        if (reported == null) {
            return "no count recorded";
        }
        long d = imported - reported;
        if (d == 0) {
            return "as reported";
        }
        return Math.abs(d) + (d < 0 ? " fewer" : " more") + " imported than reported";
    }
}
