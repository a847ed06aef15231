package dev.winnow.ingest.tabular;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes CSV (RFC 4180, comma, CRLF) with the columns of {@link RecordColumns}: a header row,
 * then one row per record; cells that a spreadsheet would run as formulas are neutralised.
 */
public final class CsvWriter implements RecordWriter {
    @Override
    public Format format() {
        return Format.CSV;
    }

    @Override
    public void write(Iterable<Record> records, Writer out) throws IOException {
        row(out, RecordColumns.names());
        for (Record r : records) {
            StringBuilder line = new StringBuilder();
            boolean first = true;
            for (Map.Entry<String, Function<Record, String>> c : RecordColumns.COLUMNS.entrySet()) {
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append(quote(RecordColumns.neutralise(c.getValue().apply(r))));
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String c : cells) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(quote(c));
        }
        out.write(line.append("\r\n").toString());
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
