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
     * A broken entry (an unbalanced brace, a value that never closes) after which the reader found
     * the start of the next entry and can read on. By default the file is refused, all or nothing:
     * {@code problem} is thrown. An import that recovers ({@code winnow import} without
     * {@code --strict}) reports the entry as skipped, with its line, and takes the rest.
     *
     * @param position the position the entry would have had among the file's records
     * @param line     the line the broken entry starts on
     */
    default void broken(int position, long line, ParseException problem) {
        throw problem;
    }

    /** A record that was imported with some of its text repaired ({@link RecordRepairs}): what was done. */
    default void repaired(int position, long line, String what) {
    }

    /**
     * A record that was imported but may be incomplete (a file cut short inside it): reported with
     * the import, so that nobody takes a truncated record for a whole one.
     */
    default void warn(int position, long line, String message) {
    }
}
