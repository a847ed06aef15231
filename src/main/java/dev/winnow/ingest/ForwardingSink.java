package dev.winnow.ingest;

import dev.winnow.ingest.tabular.ColumnMapping;

/**
 * A sink that wraps another and passes on everything it does not override: every method of
 * {@link RecordSink} (and the column mapping a tabular reader announces), so that a wrapper only
 * overrides what it changes and a method added to {@link RecordSink} later cannot be dropped by it
 * (RecordRepairs once swallowed {@code warn} by inheriting the empty default).
 */
abstract class ForwardingSink implements RecordSink, ColumnMapping.Listener {
    protected final RecordSink next;

    protected ForwardingSink(RecordSink next) {
        this.next = next;
    }

    @Override
    public void accept(ParsedRecord record) {
        next.accept(record);
    }

    @Override
    public void skip(int position, long line, String reason) {
        next.skip(position, line, reason);
    }

    @Override
    public void broken(int position, long line, ParseException problem) {
        next.broken(position, line, problem);
    }

    @Override
    public void repaired(int position, long line, String what) {
        next.repaired(position, line, what);
    }

    @Override
    public void warn(int position, long line, String message) {
        next.warn(position, line, message);
    }

    @Override
    public void columns(ColumnMapping mapping) {
        if (next instanceof ColumnMapping.Listener listener) {
            listener.columns(mapping);
        }
    }
}
