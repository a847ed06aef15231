package dev.winnow.ingest.ovid;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tagged.LineInput;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Ovid's own text export (what Ovid MEDLINE, Embase and PsycINFO users get when they do not choose
 * RIS): numbered records ({@code <1>}, {@code <2>}, …), each a list of field labels on their own
 * line ("Authors", "Title", "Source", "Abstract", …) with the value on the indented lines below.
 * The header before the first record (database name, search strategy) is read only for the
 * database name. {@link OvidMapping} turns the labelled fields into a record.
 */
public final class OvidReader implements RecordReader {

    @Override
    public Format format() {
        return Format.OVID;
    }

    /** A {@code <n>} line followed (after blanks) by a label line and an indented value. */
    @Override
    public boolean sniff(String head) {
        int state = 0; // 0: looking for <n>; 1: want a label; 2: want an indented value
        for (String line : (Iterable<String>) head.lines()::iterator) {
            if (LineInput.isBlank(line)) {
                continue;
            }
            switch (state) {
                case 0 -> state = recordNumber(line) > 0 ? 1 : 0;
                case 1 -> state = isIndented(line) || recordNumber(line) > 0 ? 0 : 2;
                default -> {
                    return isIndented(line);
                }
            }
        }
        return false;
    }

    @Override
    public void read(Reader reader, String fileName, RecordSink sink) throws IOException {
        LineInput in = new LineInput(reader);
        List<OvidField> fields = new ArrayList<>();
        StringBuilder raw = new StringBuilder(4096);
        String database = null;
        boolean open = false;
        long startLine = 0;
        int position = 0;
        String line;
        while ((line = in.next()) != null) {
            if (recordNumber(line) > 0) {
                if (open) {
                    position = emit(fields, raw, position + 1, startLine, database, sink);
                }
                open = true;
                startLine = in.number();
                raw.append(line).append('\n');
                continue;
            }
            if (!open) {
                if (line.startsWith("Database:")) {
                    database = databaseName(line.substring("Database:".length()));
                }
                continue;
            }
            raw.append(line).append('\n');
            if (LineInput.isBlank(line)) {
                continue;
            }
            if (isIndented(line)) {
                if (fields.isEmpty()) {
                    throw new ParseException(fileName, in.number(),
                            "expected a field label such as 'Title' or 'Authors' after the record number, found the indented line "
                                    + LineInput.quote(line));
                }
                fields.getLast().add(line.strip());
            } else {
                fields.add(new OvidField(line.strip(), in.number()));
            }
        }
        if (open) {
            position = emit(fields, raw, position + 1, startLine, database, sink);
        }
        if (position == 0) {
            throw new ParseException(fileName, in.number() == 0 ? 0 : 1,
                    "no Ovid record: expected a record number such as '<1>' followed by labelled fields");
        }
    }

    private static int emit(List<OvidField> fields, StringBuilder raw, int position, long startLine, String database,
            RecordSink sink) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == ' ')) {
            end--;
        }
        sink.accept(new ParsedRecord(OvidMapping.toRecord(fields, database), position, startLine, raw.substring(0, end)));
        fields.clear();
        raw.setLength(0);
        return position;
    }

    /** "Ovid MEDLINE(R) ALL <1946 to April 19, 2023>" → "Ovid MEDLINE(R) ALL". */
    static String databaseName(String text) {
        String t = text.strip();
        int lt = t.indexOf('<');
        return (lt > 0 ? t.substring(0, lt) : t).strip();
    }

    /** n for a line "&lt;n&gt;" (spaces allowed around), else 0. */
    static int recordNumber(String line) {
        String t = line.strip();
        int n = t.length();
        if (n < 3 || t.charAt(0) != '<' || t.charAt(n - 1) != '>' || n > 12) {
            return 0;
        }
        int v = 0;
        for (int i = 1; i < n - 1; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isIndented(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
    }
}
