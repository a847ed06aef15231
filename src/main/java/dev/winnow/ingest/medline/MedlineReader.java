package dev.winnow.ingest.medline;

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
 * MEDLINE/PubMed text (PubMed's "PubMed" format, saved as {@code .nbib} or {@code .txt}): one field
 * per line as a tag of up to four capitals padded to four characters, a hyphen and the value
 * ({@code PMID- }, {@code TI  - }, {@code FAU - }); lines indented with spaces continue the field
 * above. Records are separated by blank lines. Lines before the first tag are ignored; a line that
 * is neither a tag nor indented continues the field above (JabRef's fixtures have such lines).
 * {@link MedlineMapping} turns the fields into a record.
 */
public final class MedlineReader implements RecordReader {

    @Override
    public Format format() {
        return Format.MEDLINE;
    }

    /**
     * A {@code PMID- } line, or at least three of the tags only MEDLINE uses ({@code FAU}, {@code
     * OWN}, {@code STAT}, {@code JT}, {@code TA}, {@code PG}, {@code DP}, {@code LID}, {@code AID},
     * {@code PST}), or a first line with a MEDLINE tag of three or four characters ({@code PMCR-},
     * {@code OWN -}, {@code FAU -}: RIS tags have two) — and no RIS record start.
     */
    @Override
    public boolean sniff(String head) {
        int medlineTags = 0;
        boolean first = true;
        boolean startsWithLongTag = false;
        for (String line : (Iterable<String>) head.lines()::iterator) {
            if (first && !LineInput.isBlank(line)) {
                first = false;
                String l = line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
                int end = tagEnd(l);
                startsWithLongTag = end == 4 && l.substring(0, end).strip().length() >= 3;
            }
            int dash = tagEnd(line);
            if (dash < 0) {
                continue;
            }
            String tag = line.substring(0, dash).strip();
            switch (tag) {
                case "PMID" -> {
                    return true;
                }
                case "TY" -> {
                    if (dash > 2) {
                        return false; // "TY  - ": RIS
                    }
                }
                case "FAU", "OWN", "STAT", "JT", "TA", "PG", "DP", "LID", "AID", "PST" -> {
                    if (dash == 4 && ++medlineTags >= 3) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return startsWithLongTag;
    }

    @Override
    public void read(Reader reader, String fileName, RecordSink sink) throws IOException {
        LineInput in = new LineInput(reader);
        List<MedlineField> fields = new ArrayList<>();
        RawText raw = new RawText();
        boolean blankBefore = false;
        long startLine = 0;
        int position = 0;
        String line;
        while ((line = in.next()) != null) {
            if (LineInput.isBlank(line)) {
                blankBefore = true;
                continue;
            }
            int dash = line.charAt(0) == ' ' || line.charAt(0) == '\t' ? -1 : tagEnd(line);
            if (dash > 0) {
                String tag = MedlineField.tag(line, dash);
                boolean newRecord = fields.isEmpty()
                        || blankBefore
                        || tag.equals("PMID") && hasPmid(fields);
                if (newRecord && !fields.isEmpty()) {
                    emit(fields, raw, ++position, startLine, sink);
                }
                if (fields.isEmpty()) {
                    startLine = in.number();
                }
                fields.add(new MedlineField(tag, line.substring(dash + 1).strip()));
                raw.line(line);
            } else if (!fields.isEmpty()) {
                if (blankBefore) {
                    raw.blank();
                }
                fields.getLast().continueWith(line.strip());
                raw.line(line);
            }
            blankBefore = false;
        }
        if (!fields.isEmpty()) {
            emit(fields, raw, ++position, startLine, sink);
        }
        if (position == 0) {
            throw new ParseException(fileName, in.number() == 0 ? 0 : 1,
                    "no MEDLINE record: expected lines such as 'PMID- 12345678' and 'TI  - title'");
        }
    }

    private static boolean hasPmid(List<MedlineField> fields) {
        for (MedlineField f : fields) {
            if (f.tag.equals("PMID")) {
                return true;
            }
        }
        return false;
    }

    private static void emit(List<MedlineField> fields, RawText raw, int position, long startLine,
            RecordSink sink) {
        sink.accept(new ParsedRecord(MedlineMapping.toRecord(fields), position, startLine, raw.take()));
        fields.clear();
    }

    /**
     * The index of the hyphen ending a tag, or -1: one to four capitals (or digits after the
     * first), padded with spaces, then a hyphen no later than the fifth character.
     */
    static int tagEnd(String line) {
        int n = Math.min(line.length(), 6);
        if (n < 2) {
            return -1;
        }
        char first = line.charAt(0);
        if (first < 'A' || first > 'Z') {
            return -1;
        }
        boolean padding = false;
        for (int i = 1; i < n; i++) {
            char c = line.charAt(i);
            if (c == '-') {
                return i <= 4 ? i : -1;
            }
            if (c == ' ') {
                padding = true;
            } else if (padding || !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return -1;
            }
        }
        return -1;
    }
}
