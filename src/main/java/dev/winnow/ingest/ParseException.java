package dev.winnow.ingest;

import dev.winnow.UserError;

/**
 * A file that is not what it claims to be, or is broken: names the file, the line and what was
 * expected ("refs.ris, line 120: expected a tag such as 'TI  - ', found '%%%'").
 */
public class ParseException extends UserError {
    private final String file;
    private final long line;
    private final String problem;

    public ParseException(String file, long line, String message) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
        this.problem = message;
    }

    public ParseException(String file, long line, String message, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
        this.problem = message;
    }

    /** What was wrong, without the file and line ("expected '=' after the field name 'title', found '@'"). */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
