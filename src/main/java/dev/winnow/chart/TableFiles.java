package dev.winnow.chart;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a table as CSV or XLSX, safe to open in a spreadsheet program (no formula injection). */
public final class TableFiles {
    private TableFiles() {
    }

    public static void csv(EvidenceTable.Table t, Writer out) throws IOException {
        line(t.header(), out);
        for (List<String> r : t.rows()) {
            line(r, out);
        }
        out.flush();
    }

    private static void line(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** Quotes as RFC 4180 needs and defuses text a spreadsheet would run as a formula. */
    static String csvField(String s) {
        String v = defuse(s == null ? "" : s);
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    /** A leading = + - @ (or tab/CR) would make a spreadsheet evaluate the cell: prefix a quote. */
    static String defuse(String v) {
        return !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    public static void xlsx(EvidenceTable.Table t, String sheetName, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Row head = sheet.createRow(0);
            for (int c = 0; c < t.header().size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(t.header().get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<String> row : t.rows()) {
                Row x = sheet.createRow(r++);
                for (int c = 0; c < row.size(); c++) {
                    // cells are written as text, which a spreadsheet never evaluates
                    x.createCell(c).setCellValue(clip(row.get(c)));
                }
            }
            sheet.createFreezePane(1, 1);
            wb.write(out);
            wb.dispose();
        }
    }

    /** Excel cells hold at most 32,767 characters. */
    private static String clip(String s) {
        return s == null ? "" : s.length() > 32_767 ? s.substring(0, 32_760) + " […]" : s;
    }
}
