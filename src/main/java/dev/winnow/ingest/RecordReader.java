package dev.winnow.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * A streaming reader for one format, in the manner of JabRef's importers: {@link #sniff} says from
 * the content whether a file is in this format; {@link #read} streams its records to a sink.
 * Readers are stateless and thread-safe; {@code read} keeps at most one record in memory.
 */
public interface RecordReader {
    Format format();

    /**
     * True when the text at the start of a file (already decoded; up to {@link Sniffing#HEAD_CHARS}
     * characters, possibly cut mid-line) is in this format. Must be cheap and must not throw.
     */
    boolean sniff(String head);

    /**
     * Reads every record. {@code fileName} is only for messages. A broken file throws
     * {@link ParseException} naming the file, the line and what was expected; nothing else may escape
     * (I/O errors excepted).
     */
    void read(Reader in, String fileName, RecordSink sink) throws IOException;
}
