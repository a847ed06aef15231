package dev.winnow.ingest;

import dev.winnow.UserError;

/**
 * A file that is not what it claims to be, or is broken: names the file, the line and what was
 * expected ("refs.ris, line 120: expected a tag such as 'TI  - ', found '%%%'").
 */
public class ParseException extends UserError {
    private final String file;
    private final long line;

    public ParseException(String file, long line, String message) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public ParseException(String file, long line, String message, Throwable cause) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
