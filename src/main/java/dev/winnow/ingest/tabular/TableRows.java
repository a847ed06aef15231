package dev.winnow.ingest.tabular;

import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.record.Record;
import java.util.List;

/**
 * The rows of a table of records, as CSV, TSV and Excel files hold them: a header row naming the
 * columns ({@link ColumnMapping}), then one record per row. Blank lines are passed over; a row with
 * nothing to screen or match on is reported as skipped; a row wider than the header is an error.
 */
final class TableRows {
    private final String fileName;
    private final RecordSink sink;
    private ColumnMapping mapping;
    private int position;

    TableRows(String fileName, RecordSink sink) {
        this.fileName = fileName;
        this.sink = sink;
    }

    boolean hasHeader() {
        return mapping != null;
    }

    /** The header row, found at {@code line}: it must name a column that identifies a record. */
    void header(List<String> header, long line) {
        ColumnMapping m = ColumnMapping.of(header);
        if (m.identifyingColumns() == 0) {
            throw new ParseException(fileName, line, "expected a header row naming a title, authors, "
                    + "DOI, PMID or abstract column; found " + preview(header));
        }
        mapping = m;
        if (sink instanceof ColumnMapping.Listener listener) {
            listener.columns(m);
        }
    }

    /** One row under the header, found at {@code line}; {@code raw} is its text as the file holds it. */
    void row(List<String> row, long line, String raw) {
        if (blank(row)) {
            return;
        }
        position++;
        ParseException tooWide = checkWidth(line, row);
        if (tooWide != null) {
            if (raw == null || raw.indexOf('"') >= 0 || raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0) {
                // quotes or line breaks in a row too wide: a quote out of step, which puts every row after it out
                // of step too; nothing after it can be trusted
                throw tooWide;
            }
            sink.broken(position, line, tooWide); // one line with a delimiter too many: refused unless the import reads on
            return;
        }
        Record r = RowRecords.toRecord(mapping, row);
        if (r == null) {
            sink.skip(position, line, "an empty row");
        } else if (!RowRecords.identifiable(r)) {
            sink.skip(position, line, "no title, authors, DOI, PMID or abstract");
        } else {
            sink.accept(new ParsedRecord(r, position, line, raw));
        }
    }

    /** A blank line (one empty cell) or a row with no cells at all. */
    private static boolean blank(List<String> row) {
        return row.isEmpty() || row.size() == 1 && (row.get(0) == null || row.get(0).isBlank());
    }

    /** The problem with a row that has more cells than the header has columns, or null. */
    private ParseException checkWidth(long line, List<String> row) {
        for (int i = mapping.size(); i < row.size(); i++) {
            if (row.get(i) != null && !row.get(i).isBlank()) {
                return new ParseException(fileName, line, "expected at most " + mapping.size()
                        + " cells, one per column of the header row; found " + row.size()
                        + " (a column missing from the header, or a delimiter inside an unquoted cell)");
            }
        }
        return null;
    }

    private static String preview(List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            if (sb.length() > 80) {
                sb.append(", …");
                break;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append('\'')
                    .append((h == null ? "" : h).strip().replaceAll("\\p{Cntrl}", "?")).append('\'');
        }
        return sb.toString();
    }
}
