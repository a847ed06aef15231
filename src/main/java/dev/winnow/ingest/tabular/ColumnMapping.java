package dev.winnow.ingest.tabular;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a CSV/TSV file fills which record field, decided from the header row. Columns
 * Winnow does not know are kept in {@code Record.extra} under their header. The import report
 * shows this mapping so that a reviewer can see how a spreadsheet was understood.
 */
public final class ColumnMapping {
    /** One column: its header as the file has it, and the field it fills (null: kept as extra). */
    public record Column(int index, String header, TabularField field) {
        /** The field's report name, or "extra" for a column kept under its own name. */
        public String target() {
            return field == null ? "extra" : field.id();
        }
    }

    /** Told the mapping of a file before its first record (the import report listens). */
    public interface Listener {
        void columns(ColumnMapping mapping);
    }

    private final List<Column> columns;
    private final Map<TabularField, int[]> byField = new EnumMap<>(TabularField.class);

    private ColumnMapping(List<Column> columns) {
        this.columns = List.copyOf(columns);
        for (TabularField f : TabularField.values()) {
            int[] idx = columns.stream().filter(c -> c.field() == f)
                    .sorted(Comparator.comparingInt((Column c) -> TabularField.rank(c.header())).thenComparingInt(Column::index))
                    .mapToInt(Column::index).toArray();
            if (idx.length > 0) {
                byField.put(f, idx);
            }
        }
    }

    /** The mapping for a header row. */
    public static ColumnMapping of(List<String> header) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").strip();
            cols.add(new Column(i, h, TabularField.of(h)));
        }
        return new ColumnMapping(cols);
    }

    public List<Column> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** The columns that fill a field, the preferred first (empty when none does). */
    int[] columnsFor(TabularField f) {
        int[] idx = byField.get(f);
        return idx == null ? new int[0] : idx;
    }

    /** How many columns fill an identifying field (title, authors, DOI, PMID, abstract). */
    public int identifyingColumns() {
        return (int) columns.stream().filter(c -> c.field() != null && c.field().identifying()).count();
    }

    /** How many columns Winnow understood. */
    public int knownColumns() {
        return (int) columns.stream().filter(c -> c.field() != null).count();
    }

    /** True when the header looks like a bibliographic table: two columns or more, one identifying. */
    public boolean bibliographic() {
        return columns.size() >= 2 && identifyingColumns() > 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(columns.stream().map(c -> c.header() + "→" + c.target()).toArray());
    }
}
