package dev.winnow.ingest;

import dev.winnow.record.Record;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes records in one format. Text formats write to a {@link Writer}; binary ones (XLSX)
 * override {@link #write(Iterable, OutputStream)} and say {@link #binary()}. Writers are stateless.
 * What a writer cannot represent in its format is listed in docs/ingest-structured.md.
 */
public interface RecordWriter {
    Format format();

    /** True when the output is bytes (it cannot go to a terminal). */
    default boolean binary() {
        return false;
    }

    void write(Iterable<Record> records, Writer out) throws IOException;

    /** Writes UTF-8 text (or the binary format) to a stream; does not close it. */
    default void write(Iterable<Record> records, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        write(records, w);
        w.flush();
    }
}
