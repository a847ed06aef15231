package dev.winnow.importing;

import dev.winnow.store.SourceRecordStore;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a file on a second thread while the calling thread stores its rows: parsing and JSON
 * writing on one core, the database on the other. A bounded queue keeps memory flat whatever the
 * file's size. Whichever side fails, the other stops, and the failure reaches the caller as it was
 * thrown (a {@code ParseException} from the reader, a database error from the store), so that the
 * caller's transaction rolls back.
 */
final class ReadAhead {
    /** Rows waiting for the database at most: a few megabytes. */
    static final int QUEUE = 1024;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private volatile boolean cancelled;

    /** Thrown inside the reading thread when the storing side has given up: ends the read quietly. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("import cancelled", null, false, false);
        }
    }

    /** Called on the reading thread for each row; waits while the database is behind. */
    void put(SourceRecordStore.Row row) {
        offer(row);
    }

    private void offer(Object o) {
        try {
            while (!queue.offer(o, 50, TimeUnit.MILLISECONDS)) {
                if (cancelled) {
                    throw new Cancelled();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }

    /**
     * Runs {@code reading} (which calls {@link #put} for each row) on a new thread and gives every
     * row to {@code store} on this thread, in order. Returns what {@code reading} returned.
     */
    <T> T run(Supplier<T> reading, Consumer<SourceRecordStore.Row> store) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread reader = Thread.ofPlatform().name("winnow-import-reader").daemon().start(() -> {
            try {
                result[0] = reading.get();
            } catch (Cancelled c) {
                // the storing side failed and says why
            } catch (Throwable t) {
                failure[0] = t;
            } finally {
                if (!cancelled) {
                    try {
                        offer(END);
                    } catch (Cancelled c) {
                        // the storing side stopped listening
                    }
                }
            }
        });
        try {
            while (true) {
                Object o = queue.take();
                if (o == END) {
                    break;
                }
                store.accept((SourceRecordStore.Row) o);
            }
        } catch (InterruptedException e) {
            stop(reader);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } catch (RuntimeException | Error e) {
            stop(reader);
            throw e;
        }
        join(reader);
        // join() makes the reader's writes to result and failure visible here
        if (failure[0] instanceof RuntimeException re) {
            throw re;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }

    private void stop(Thread reader) {
        cancelled = true;
        queue.clear();
        join(reader);
    }

    private static void join(Thread reader) {
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
