package dev.winnow.screen;

import dev.winnow.UserError;

/**
 * A later stage is closed to this reviewer for now: title/abstract is blinded and has conflicts
 * they may not see, and the full-text list (which records passed) would show how the other
 * reviewers decided them. The web answers 403 with the message.
 */
public final class StageClosed extends UserError {
    public StageClosed(String message) {
        super(message);
    }
}
