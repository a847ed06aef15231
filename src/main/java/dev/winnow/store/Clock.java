package dev.winnow.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: ISO-8601 UTC text with microseconds, which sorts as it reads. */
public final class Clock {
    private Clock() {
    }

    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
