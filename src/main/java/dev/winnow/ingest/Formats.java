package dev.winnow.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Every reader Winnow has, in the order detection asks them (the most specific first), and
 * detection by content: the file's name is never consulted.
 */
public final class Formats {
    /** Registered readers. Each format's package adds its reader here (one line each). */
    private static final List<RecordReader> READERS = List.of(
            // tagged formats go above this line; a header row is the weakest signal, so tables come last
            dev.winnow.ingest.tabular.TabularReader.TSV,
            dev.winnow.ingest.tabular.TabularReader.CSV
    );

    private Formats() {
    }

    public static List<RecordReader> readers() {
        return READERS;
    }

    /** The reader for a format, if Winnow can read it. */
    public static Optional<RecordReader> reader(Format format) {
        return READERS.stream().filter(r -> r.format() == format).findFirst();
    }

    /** The first reader that recognises the start of a file, if any. */
    public static Optional<RecordReader> detect(String head) {
        for (RecordReader r : READERS) {
            if (r.sniff(head)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
