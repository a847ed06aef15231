package dev.winnow.ingest.refer;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.tagged.LineInput;
import dev.winnow.ingest.tagged.RawText;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * EndNote's tagged format and the refer format it grew from ({@code .enw}, {@code .txt}, {@code .ref}),
 * as Google Scholar, AIS eLibrary, SpringerLink, many publisher sites and EndNote itself write it:
 * one field a line, a {@code %} and one tag character, a space, the value ({@code %0 Journal Article},
 * {@code %T …}, {@code %A …}). A record ends at a blank line, or where a {@code %0} line follows
 * fields of the record before it (files without blank lines between records). Lines that are no
 * tag continue the field above. {@link ReferMapping} turns the fields into a record.
 */
public final class ReferReader implements RecordReader {
    /** The characters EndNote uses as tags after the {@code %} besides capitals and digits. */
    private static final String PUNCTUATION_TAGS = "!@#$&()*+^<>~[]=?|";

    @Override
    public Format format() {
        return Format.ENDNOTE_TAGGED;
    }

    /**
     * The first non-blank line is a tag line, and among the first twenty non-blank lines at least
     * three are, one of them a reference type ({@code %0}), title ({@code %T}) or author ({@code %A}).
     */
    @Override
    public boolean sniff(String head) {
        int seen = 0;
        int tags = 0;
        boolean key = false;
        for (String line : (Iterable<String>) head.lines()::iterator) {
            if (LineInput.isBlank(line)) {
                continue;
            }
            String l = line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
            boolean tag = isTag(l);
            if (seen == 0 && !tag) {
                return false;
            }
            seen++;
            if (tag) {
                tags++;
                char c = l.charAt(1);
                key |= c == '0' || c == 'T' || c == 'A';
            }
            if (tags >= 3 && key) {
                return true;
            }
            if (seen >= 20) {
                break;
            }
        }
        return false;
    }

    @Override
    public void read(Reader reader, String fileName, RecordSink sink) throws IOException {
        LineInput in = new LineInput(reader);
        List<ReferField> fields = new ArrayList<>();
        RawText raw = new RawText();
        long startLine = 0;
        int position = 0;
        int entries = 0;
        String line;
        while ((line = in.next()) != null) {
            if (LineInput.isBlank(line)) {
                if (!fields.isEmpty()) {
                    entries++;
                    position = emit(fields, raw, position, startLine, sink);
                }
                continue;
            }
            if (isTag(line)) {
                char tag = line.charAt(1);
                if (tag == '0' && hasContent(fields)) {
                    entries++;
                    position = emit(fields, raw, position, startLine, sink);
                }
                if (fields.isEmpty()) {
                    startLine = in.number();
                }
                raw.line(line);
                fields.add(new ReferField(tag, value(line), in.number()));
            } else if (!fields.isEmpty()) {
                raw.line(line);
                fields.getLast().continueWith(line.strip());
            }
            // text before the first tag of a record is no field of it (a header, a stray line): passed over
        }
        if (!fields.isEmpty()) {
            entries++;
            emit(fields, raw, position, startLine, sink);
        }
        if (entries == 0) {
            throw new ParseException(fileName, in.number() == 0 ? 0 : 1,
                    "no EndNote tagged record: expected lines such as '%0 Journal Article' and '%T title'");
        }
    }

    private static boolean hasContent(List<ReferField> fields) {
        for (ReferField f : fields) {
            if (f.tag != '0') {
                return true;
            }
        }
        return false;
    }

    /** Hands on the record (or reports an entry that holds nothing but its type); returns the new position. */
    private static int emit(List<ReferField> fields, RawText raw, int position, long startLine, RecordSink sink) {
        String text = raw.take();
        if (!hasContent(fields)) {
            sink.skip(position + 1, startLine, "an entry with a reference type ('" + fields.getFirst().value
                    + "') and no other field: not a record");
        } else {
            position++;
            sink.accept(new ParsedRecord(ReferMapping.toRecord(fields), position, startLine, text));
        }
        fields.clear();
        return position;
    }

    /** {@code %}, a tag character, then the end of the line or a space or tab. */
    static boolean isTag(String line) {
        if (line.length() < 2 || line.charAt(0) != '%') {
            return false;
        }
        char c = line.charAt(1);
        boolean tagChar = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PUNCTUATION_TAGS.indexOf(c) >= 0;
        return tagChar && (line.length() == 2 || line.charAt(2) == ' ' || line.charAt(2) == '\t');
    }

    private static String value(String line) {
        return line.length() <= 3 ? "" : line.substring(3).strip();
    }
}
