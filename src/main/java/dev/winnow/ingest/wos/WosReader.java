package dev.winnow.ingest.wos;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tagged.LineInput;
import dev.winnow.ingest.tagged.RawText;
import java.io.IOException;
import java.io.Reader;

/**
 * Web of Science plain text ({@code .txt}, {@code .ciw}, JabRef's {@code .isi}): a header
 * ({@code FN}, {@code VR}), then records of two-letter tags, a space and the value, continuation
 * lines indented by three spaces, each record closed by {@code ER}; {@code EF} ends the file.
 * A record missing its {@code ER} at the end of the file is kept.
 */
public final class WosReader implements RecordReader {

    @Override
    public Format format() {
        return Format.WOS;
    }

    /** The first line is {@code FN …}, or {@code PT x} and an {@code ER} line follows. */
    @Override
    public boolean sniff(String head) {
        boolean first = true;
        boolean pt = false;
        for (String line : (Iterable<String>) head.lines()::iterator) {
            if (LineInput.isBlank(line)) {
                continue;
            }
            if (line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (first) {
                first = false;
                if (line.startsWith("FN ") && line.length() > 3) {
                    return true;
                }
                if (!(line.startsWith("PT ") && line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                    return false;
                }
                pt = true;
                continue;
            }
            if (pt && line.strip().equals("ER")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void read(Reader reader, String fileName, RecordSink sink) throws IOException {
        LineInput in = new LineInput(reader);
        WosFields fields = new WosFields();
        RawText raw = new RawText();
        long startLine = 0;
        int position = 0;
        boolean open = false;
        boolean ended = false;
        boolean stray = false; // reading on past lines outside a record, reported once per stretch
        String line;
        while ((line = in.next()) != null) {
            if (LineInput.isBlank(line)) {
                continue;
            }
            char c = line.charAt(0);
            if (c == ' ' || c == '\t') {
                if (!open) {
                    stray = stray(stray, position, in, sink, new ParseException(fileName, in.number(),
                            "expected a field tag such as 'PT J' to start a record, found the indented line "
                                    + LineInput.quote(line)));
                    continue;
                }
                fields.continueWith(line.strip());
                raw.line(line);
                continue;
            }
            if (!isTag(line)) {
                if (open) {
                    // a stray line inside a record continues the field above
                    fields.continueWith(line.strip());
                    raw.line(line);
                    continue;
                }
                stray = stray(stray, position, in, sink, new ParseException(fileName, in.number(),
                        "expected a Web of Science field tag (two capitals and a space, e.g. 'PT J') or 'ER', found "
                                + LineInput.quote(line)));
                continue;
            }
            stray = false;
            String tag = line.substring(0, 2);
            if (ended && tag.equals("FN")) {
                ended = false; // exports joined into one file: each part has its own header and 'EF'
            }
            if (ended) {
                throw new ParseException(fileName, in.number(), "expected nothing after 'EF' (end of file), found " + LineInput.quote(line));
            }
            switch (tag) {
                case "ER" -> {
                    if (open) {
                        raw.line(line);
                        position = emit(fields, raw, position + 1, startLine, sink);
                        open = false;
                    }
                }
                case "EF" -> {
                    if (open) {
                        position = emit(fields, raw, position + 1, startLine, sink);
                        open = false;
                    }
                    ended = true;
                }
                case "FN", "VR" -> {
                    if (open) {
                        fields.add(tag, value(line));
                        raw.line(line);
                    }
                }
                default -> {
                    if (!open) {
                        open = true;
                        startLine = in.number();
                    }
                    fields.add(tag, value(line));
                    raw.line(line);
                }
            }
        }
        if (open) {
            position = emit(fields, raw, position + 1, startLine, sink);
        }
        if (position == 0 && !ended) {
            throw new ParseException(fileName, in.number() == 0 ? 0 : 1,
                    "no Web of Science record: expected 'PT J' … 'ER' records after the 'FN'/'VR' header");
        }
    }

    /** A line outside any record: the first of a stretch goes to the sink as a broken entry. Returns true. */
    private static boolean stray(boolean inStretch, int position, LineInput in, RecordSink sink, ParseException problem) {
        if (!inStretch) {
            sink.broken(position + 1, in.number(), problem);
        }
        return true;
    }

    private static int emit(WosFields fields, RawText raw, int position, long startLine, RecordSink sink) {
        sink.accept(new ParsedRecord(WosMapping.toRecord(fields.byTag()), position, startLine, raw.take()));
        fields.clear();
        return position;
    }

    /** Two capitals (or a capital and a digit), then the end of the line or a space. */
    static boolean isTag(String line) {
        return LineInput.startsWithTwoCharacterTag(line) && (line.length() == 2 || line.charAt(2) == ' ');
    }

    private static String value(String line) {
        return line.length() <= 3 ? "" : line.substring(3).strip();
    }
}
