package dev.winnow.screen;

import dev.winnow.UserError;

/**
 * A decision on a record this reviewer does not hold, when the record has no free place (its
 * reviewers are all there, or a resolution settled it). Nothing was stored; the web answers 409.
 */
public final class RecordTaken extends UserError {
    public RecordTaken(String message) {
        super(message);
    }
}
