package dev.winnow.ingest.ris;

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
 * RIS in the dialects the review databases write (Ovid, EBSCOhost, Embase.com, ProQuest, Web of
 * Science, Scopus, EndNote, Zotero): a record starts at {@code TY  - } and ends at {@code ER  - }
 * (or at the end of the file, or at a {@code TY} after a blank line when the {@code ER} is missing).
 * Tags are two characters, then one to four spaces or tabs, a hyphen and the value; lines that are not
 * tags continue the previous field. Text outside records (Ovid's "1." numbering, "Link to the Ovid
 * Full Text" lines, export headers, Ovid's {@code NL} line after an {@code ER}) is ignored, except
 * tags that look like a record without its {@code TY} line (a title tag among them): those are
 * reported as skipped, with their line, so that no record disappears unnoticed. {@link RisMapping}
 * turns the fields into a record.
 */
public final class RisReader implements RecordReader {

    @Override
    public Format format() {
        return Format.RIS;
    }

    /** A {@code TY  - } line among the first lines, followed by at least one more tag line. */
    @Override
    public boolean sniff(String head) {
        boolean sawType = false;
        int tags = 0;
        for (String line : (Iterable<String>) head.lines()::iterator) {
            if (isTag(line)) {
                if (line.charAt(0) == 'T' && line.charAt(1) == 'Y') {
                    sawType = true;
                } else if (sawType) {
                    tags++;
                    if (tags >= 2) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void read(Reader reader, String fileName, RecordSink sink) throws IOException {
        LineInput in = new LineInput(reader);
        List<RisField> fields = new ArrayList<>();
        RawText raw = new RawText();
        boolean open = false;
        boolean blankBefore = true;
        long startLine = 0;
        int position = 0;
        Stray stray = null;
        String line;
        while ((line = in.next()) != null) {
            boolean blank = LineInput.isBlank(line);
            if (blank) {
                blankBefore = true;
                if (open) {
                    raw.blank();
                }
                stray = report(stray, position, sink);
                continue;
            }
            if (isTag(line)) {
                char a = line.charAt(0);
                char b = line.charAt(1);
                if (a == 'E' && b == 'R') {
                    if (open) {
                        raw.line(line);
                        position = emit(fields, raw, ++position, startLine, fileName, sink);
                        open = false;
                    }
                    stray = report(stray, position, sink);
                    blankBefore = false;
                    continue;
                }
                if (a == 'T' && b == 'Y' && (!open || blankBefore && hasContent(fields))) {
                    if (open) {
                        position = emit(fields, raw, ++position, startLine, fileName, sink);
                    }
                    stray = report(stray, position, sink);
                    open = true;
                    startLine = in.number();
                }
                if (open) {
                    raw.line(line);
                    fields.add(new RisField(a, b, value(line), in.number()));
                } else {
                    stray = stray == null ? new Stray(in.number(), line) : stray;
                    stray.titled |= a == 'T' && (b == 'I' || b == '1') || a == 'C' && b == 'T';
                }
            } else if (open) {
                raw.line(line);
                if (!fields.isEmpty()) {
                    fields.getLast().continueWith(line.strip());
                }
            }
            blankBefore = false;
        }
        if (open) {
            String title = titleOf(fields);
            long from = startLine;
            position = emit(fields, raw, ++position, startLine, fileName, sink);
            // the file ends inside a record: cut short (a download stopped), or written without ER lines
            sink.warn(position, from, "the file ends inside this record (no 'ER  - ' line closes it): the file may "
                    + "have been cut short, so its last fields may be incomplete"
                    + (title == null ? "" : " (its title reads " + LineInput.quote(title) + ")"));
        }
        report(stray, position, sink);
        if (position == 0) {
            throw new ParseException(fileName, in.number() == 0 ? 0 : 1,
                    "no RIS record: expected a line 'TY  - ' (record type) to start a record");
        }
    }

    /** Tag lines met outside a record, from the first of them. */
    private static final class Stray {
        final long line;
        final String first;
        boolean titled;

        Stray(long line, String first) {
            this.line = line;
            this.first = first;
        }
    }

    /** Reports a block of stray tags that holds a title (a record without {@code TY}); always returns null. */
    private static Stray report(Stray stray, int position, RecordSink sink) {
        if (stray != null && stray.titled) {
            sink.skip(position + 1, stray.line, "tags outside a record (" + LineInput.quote(stray.first)
                    + "): no 'TY  - ' line starts them, so they were not read (add a line 'TY  - GEN' above "
                    + "them to import them)");
        }
        return null;
    }

    /** The record's title as the file gave it (TI, T1 or CT), for a message; null without one. */
    private static String titleOf(List<RisField> fields) {
        for (RisField f : fields) {
            if (f.is('T', 'I') || f.is('T', '1') || f.is('C', 'T')) {
                return f.value;
            }
        }
        return null;
    }

    private static boolean hasContent(List<RisField> fields) {
        for (RisField f : fields) {
            if (!f.is('T', 'Y')) {
                return true;
            }
        }
        return false;
    }

    private static int emit(List<RisField> fields, RawText raw, int position, long startLine,
            String fileName, RecordSink sink) {
        String text = raw.take();
        sink.accept(new ParsedRecord(RisMapping.toRecord(fields), position, startLine, text));
        fields.clear();
        return position;
    }

    /**
     * True for a tag line: a capital letter, a capital letter or digit, one to four spaces or tabs (or
     * none when the line ends there, as a bare {@code ER} does), a hyphen, then the end of the line
     * or a space.
     */
    static boolean isTag(String line) {
        if (!LineInput.startsWithTwoCharacterTag(line)) {
            return false;
        }
        int n = line.length();
        char a = line.charAt(0);
        char b = line.charAt(1);
        if (n == 2) {
            return a == 'E' && b == 'R';
        }
        int i = 2;
        while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t') && i < 6) {
            i++;
        }
        if (i == n) {
            return a == 'E' && b == 'R';
        }
        if (i == 2 || line.charAt(i) != '-') {
            return false;
        }
        return i + 1 == n || line.charAt(i + 1) == ' ' || line.charAt(i + 1) == '\t';
    }

    /** The text after the hyphen, without surrounding white space (one copy, no intermediate). */
    private static String value(String line) {
        int start = line.indexOf('-', 2) + 1;
        if (start <= 0) {
            return "";
        }
        int end = line.length();
        while (start < end && line.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && line.charAt(end - 1) <= ' ') {
            end--;
        }
        return start == end ? "" : line.substring(start, end);
    }
}
