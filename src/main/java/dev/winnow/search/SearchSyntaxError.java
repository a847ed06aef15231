package dev.winnow.search;

import dev.winnow.UserError;

/** A strategy that does not parse: the message names the line and column and what was expected there. */
public final class SearchSyntaxError extends UserError {
    private final int line;
    private final int column;
    private final String problem;

    public SearchSyntaxError(int line, int column, String problem) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
