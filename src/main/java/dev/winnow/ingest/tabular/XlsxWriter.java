package dev.winnow.ingest.tabular;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.RecordWriter;
import dev.winnow.record.Record;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an Excel workbook (one sheet "records", the columns of {@link RecordColumns}), streamed
 * with POI's SXSSF so that large exports keep a small heap. Every cell is a text cell, and text
 * that starts like a formula is neutralised as in CSV.
 */
public final class XlsxWriter implements RecordWriter {
    /** Excel's limit on the characters in one cell. */
    static final int MAX_CELL = 32_767;

    @Override
    public Format format() {
        return Format.XLSX;
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void write(Iterable<Record> records, Writer out) {
        throw new UserError("XLSX is a binary format: write it to a file (-o FILE.xlsx)");
    }

    @Override
    public void write(Iterable<Record> records, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("records");
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> names = RecordColumns.names();
            Row header = sheet.createRow(0);
            for (int i = 0; i < names.size(); i++) {
                Cell c = header.createCell(i);
                c.setCellValue(names.get(i));
                c.setCellStyle(bold);
            }
            List<Function<Record, String>> values = List.copyOf(RecordColumns.COLUMNS.values());
            int n = 1;
            for (Record r : records) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    String v = RecordColumns.neutralise(values.get(i).apply(r));
                    if (v != null) {
                        row.createCell(i).setCellValue(v.length() > MAX_CELL ? v.substring(0, MAX_CELL) : v);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            out.flush();
        }
    }
}
