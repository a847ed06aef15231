package dev.winnow.ingest;

/** Receives records as a reader streams them; a reader never holds a whole file's records. */
public interface RecordSink {
    void accept(ParsedRecord record);

    /**
     * An entry the reader could not turn into a record but that does not make the file bad (an
     * empty entry, a BibTeX @comment, a CSV row with no usable column): reported, not imported.
     */
    default void skip(int position, long line, String reason) {
    }

    /**
     * A record that was imported but may be incomplete (a file cut short inside it): reported with
     * the import, so that nobody takes a truncated record for a whole one.
     */
    default void warn(int position, long line, String message) {
    }
}
