package dev.winnow.ingest.wos;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tabular.CsvTokenizer;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Web of Science tab-delimited export: a header row of field tags ({@code PT AU BA BE GP AF …})
 * and one row per record, list values separated by "; ". Rows are mapped exactly as the
 * plain-text export's records ({@link WosMapping}); the raw text kept is the row's cells
 * joined by tabs.
 */
public final class WosTabReader implements RecordReader {

    @Override
    public Format format() {
        return Format.WOS_TAB;
    }

    /** The first line is a tab-separated header starting with PT and naming AU and TI. */
    @Override
    public boolean sniff(String head) {
        String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
        int eol = h.indexOf('\n');
        String first = eol < 0 ? h : h.substring(0, eol);
        return first.startsWith("PT\t") && first.contains("\tAU\t") && first.contains("\tTI\t");
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        CsvTokenizer rows = new CsvTokenizer(in, '\t');
        List<String> header;
        try {
            header = rows.next();
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new ParseException(fileName, e.line(), "expected a header row of Web of Science tags; " + e.getMessage());
        }
        if (header == null || header.isEmpty()) {
            throw new ParseException(fileName, 0, "the file is empty: expected a header row of Web of Science tags (PT, AU, TI, …)");
        }
        String[] tags = new String[header.size()];
        for (int i = 0; i < tags.length; i++) {
            String t = header.get(i).strip();
            if (i == 0 && t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            if (!t.isEmpty() && !WosReader.isTag(t)) {
                throw new ParseException(fileName, 1, "expected a Web of Science tag (two capitals) in header column "
                        + (i + 1) + ", found '" + t + "'");
            }
            tags[i] = t;
        }
        WosFields fields = new WosFields();
        StringBuilder raw = new StringBuilder(4096);
        int position = 0;
        while (true) {
            List<String> row;
            try {
                row = rows.next();
            } catch (CsvTokenizer.UnterminatedQuoteException e) {
                throw new ParseException(fileName, e.line(), "expected a row of tab-separated cells; " + e.getMessage());
            }
            if (row == null) {
                break;
            }
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            for (int i = tags.length; i < row.size(); i++) {
                if (!row.get(i).isBlank()) {
                    throw new ParseException(fileName, rows.rowLine(), "expected at most " + tags.length
                            + " cells (one per header tag), found a value in cell " + (i + 1));
                }
            }
            raw.setLength(0);
            for (int i = 0; i < row.size() && i < tags.length; i++) {
                String v = row.get(i);
                if (i > 0) {
                    raw.append('\t');
                }
                raw.append(v);
                if (!tags[i].isEmpty() && !v.isBlank()) {
                    fields.add(tags[i], v.strip());
                }
            }
            if (fields.isEmpty()) {
                sink.skip(position + 1, rows.rowLine(), "an empty row");
                continue;
            }
            position++;
            sink.accept(new ParsedRecord(WosMapping.toRecord(fields.byTag()), position, rows.rowLine(), raw.toString()));
            fields.clear();
        }
        if (position == 0) {
            throw new ParseException(fileName, 1, "no Web of Science record: expected rows after the header");
        }
    }
}
