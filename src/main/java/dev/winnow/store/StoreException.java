package dev.winnow.store;

/** A storage failure with a message fit for a user: what failed and why, no stack trace needed. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
