package dev.winnow.rank.models;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/** Work split in two fixed halves, so that a result never depends on how many cores ran it. */
final class TwoCores {
    private TwoCores() {
    }

    /**
     * Runs {@code first} here and {@code second} on the common pool, and returns when both are
     * done. If no pool thread has started {@code second} by the time {@code first} is done (all
     * busy, a core slow to wake, or a pool without threads), it runs here too: never waits for a
     * thread that is not coming.
     */
    static void both(Runnable first, Runnable second) {
        AtomicBoolean taken = new AtomicBoolean();
        ForkJoinTask<?> other = ForkJoinPool.commonPool().submit(() -> {
            if (taken.compareAndSet(false, true)) {
                second.run();
            }
        });
        first.run();
        if (taken.compareAndSet(false, true)) {
            second.run();
        } else {
            other.join();
        }
    }
}
