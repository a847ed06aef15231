package dev.winnow.cli;

import dev.winnow.ingest.Formats;
import java.util.Iterator;

/** The formats Winnow writes, for an option's help ({@code ${COMPLETION-CANDIDATES}}) and shell completion. */
public final class WritableFormats implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Formats.writers().stream().map(w -> w.format().id()).iterator();
    }
}
