package dev.winnow.testing;

import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tabular.ColumnMapping;
import dev.winnow.record.Record;
import java.util.ArrayList;
import java.util.List;

/** Collects what a reader streams — records, skips ("position@line: reason") and a table's column mapping — as the import does. */
public final class CollectingSink implements RecordSink, ColumnMapping.Listener {
    public final List<ParsedRecord> records = new ArrayList<>();
    public final List<String> skipped = new ArrayList<>();
    /** Broken entries ("position@line: message") when {@link #recovering()}; else a broken entry is thrown, as by default. */
    public final List<String> broken = new ArrayList<>();
    /** Repaired records ("position@line: what"). */
    public final List<String> repaired = new ArrayList<>();
    public ColumnMapping mapping;
    private boolean recover;

    /** This sink, taking broken entries down instead of refusing the file (as an import without --strict does). */
    public CollectingSink recovering() {
        recover = true;
        return this;
    }

    @Override
    public void repaired(int position, long line, String what) {
        repaired.add(position + "@" + line + ": " + what);
    }

    @Override
    public void broken(int position, long line, dev.winnow.ingest.ParseException problem) {
        if (!recover) {
            throw problem;
        }
        broken.add(position + "@" + line + ": " + problem.getMessage());
    }

    @Override
    public void accept(ParsedRecord record) {
        records.add(record);
    }

    @Override
    public void skip(int position, long line, String reason) {
        skipped.add(position + "@" + line + ": " + reason);
    }

    @Override
    public void columns(ColumnMapping m) {
        mapping = m;
    }

    public Record record(int i) {
        return records.get(i).record();
    }
}
