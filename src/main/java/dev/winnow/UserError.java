package dev.winnow;

/**
 * Something the user gave was wrong: a bad file, value or name. The message says what and where
 * (file, line, what was expected); the command line prints it as one line and exits with 1.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
