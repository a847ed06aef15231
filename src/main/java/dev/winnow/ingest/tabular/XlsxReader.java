package dev.winnow.ingest.tabular;

import dev.winnow.UserError;
import dev.winnow.ingest.BinaryFiles;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Excel workbooks (.xlsx) of records: the first sheet, a header row then one record per row, read
 * as a CSV file is ({@link TableRows}, the same column names). Streamed with POI's event API, so
 * a large sheet never sits in memory whole; cells are read as Excel shows them (a year stays
 * "2020", a PMID "31234567"). A workbook Winnow exported reads back to the same records.
 */
public final class XlsxReader {
    private XlsxReader() {
    }

    /** True when bytes start as every .xlsx (a ZIP container) does: "PK\3\4". */
    public static boolean looksLikeWorkbook(byte[] head, int length) {
        return length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Streams the records of the workbook's first sheet; a damaged or foreign file is a {@link ParseException}. */
    public static void read(Path file, String fileName, RecordSink sink) {
        String other = otherContainer(file);
        if (other != null) {
            throw new ParseException(fileName, 0, other);
        }
        XmlLimits.lift(); // before POI makes its parsers: a sheet of links holds an "&amp;" per cell or more
        TableRows table = new TableRows(fileName, sink);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader workbook = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = workbook.getStylesTable();
            Iterator<InputStream> sheets = workbook.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ParseException(fileName, 0, "the workbook has no sheet: expected a sheet of records");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(table),
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            // POI reports a damaged ZIP, a Word document or a broken sheet with many exception types
            throw new ParseException(fileName, 0, "not a readable Excel workbook (.xlsx): " + message(e), e);
        }
        if (!table.hasHeader()) {
            throw new ParseException(fileName, 0, "the first sheet is empty: expected a header row naming the columns");
        }
    }

    /**
     * What a ZIP file is when it is plainly not a workbook (no {@code xl/} part): a Word document or
     * an archive of files, said so the user knows what to do; null when it may be a workbook (or is
     * too damaged to tell: POI then says what is wrong).
     */
    private static String otherContainer(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean sheet = false;
            boolean word = false;
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                sheet |= name.startsWith("xl/");
                word |= name.startsWith("word/");
            }
            if (sheet) {
                return null;
            }
            return word ? "a Word document, not a file of records: " + BinaryFiles.EXPORT_THE_RECORDS
                    : "a ZIP archive, not an Excel workbook: unpack it and import the export files inside";
        } catch (IOException e) {
            return null;
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Collects a row's cells by column (empty cells are not reported by POI) and hands it on. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableRows table;
        private final List<String> cells = new ArrayList<>();

        Rows(TableRows table) {
            this.table = table;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, value == null ? "" : value);
            } else {
                cells.add(value == null ? "" : value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            long line = rowNum + 1L;
            List<String> row = List.copyOf(cells);
            if (row.stream().allMatch(String::isBlank)) {
                return; // a row with no value, if only formatted
            }
            if (table.hasHeader()) {
                table.row(row, line, raw(row));
            } else {
                table.header(row, line);
            }
        }

        /** The row as one CSV line: what the record's raw text keeps. */
        private static String raw(List<String> row) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(CsvWriter.quote(row.get(i)));
            }
            return sb.toString();
        }
    }
}
