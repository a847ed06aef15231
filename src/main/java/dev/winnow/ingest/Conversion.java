package dev.winnow.ingest;

import dev.winnow.UserError;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A file of records written in another format without holding it whole: a reader thread streams
 * the records through a small queue to the writer, so a 300 MB export converts in a bounded heap.
 * A file that turns out broken half-way is reported as {@link Ingest#read} reports it; what was
 * already written is the caller's to discard (the command line writes beside the target and moves
 * the file into place only on success).
 */
public final class Conversion {
    private static final int QUEUED = 1024;
    private static final Object END = new Object();

    private Conversion() {
    }

    /** What was read and how many records were written. */
    public record Result(Ingest.FileInfo info, long records) {
    }

    public static Result convert(Path file, Format from, RecordWriter writer, OutputStream out) throws IOException {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);
        AtomicReference<Ingest.FileInfo> info = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().daemon().name("winnow-convert-reader").start(() -> {
            try {
                info.set(Ingest.read(file, from, p -> put(queue, p.record())));
            } catch (Interrupted e) {
                return; // the writer gave up: nobody waits for the end
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Throwable e) {
                failure.set(new IllegalStateException(e.toString(), e)); // the writer must still learn of the end
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Records records = new Records(queue);
        try {
            writer.write(records, out);
        } finally {
            reader.interrupt();
        }
        if (failure.get() != null) {
            throw failure.get() instanceof UserError u ? u : new UserError(file + ": " + failure.get().getMessage(),
                    failure.get());
        }
        return new Result(info.get(), records.count);
    }

    private static void put(BlockingQueue<Object> queue, Record r) {
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted();
        }
    }

    /** Thrown in the reader thread when the writer stopped taking records. */
    private static final class Interrupted extends Error {
        Interrupted() {
            super(null, null, false, false);
        }
    }

    /** The records as they arrive; iterated once, by the writer. */
    private static final class Records implements Iterable<Record> {
        private final BlockingQueue<Object> queue;
        private long count;
        private boolean used;

        Records(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public Iterator<Record> iterator() {
            if (used) {
                throw new IllegalStateException("the records of a conversion are read once");
            }
            used = true;
            return new Iterator<>() {
                private Object next;

                @Override
                public boolean hasNext() {
                    if (next == null) {
                        try {
                            next = queue.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new UserError("conversion interrupted", e);
                        }
                    }
                    return next != END;
                }

                @Override
                public Record next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Record r = (Record) next;
                    next = null;
                    count++;
                    return r;
                }
            };
        }
    }
}
