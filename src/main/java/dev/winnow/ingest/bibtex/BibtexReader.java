package dev.winnow.ingest.bibtex;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * BibTeX and biblatex files (.bib), streamed one entry at a time. See {@link BibtexParser} for the
 * syntax and {@link BibtexRecords} for how fields become a record. A broken entry (a brace that
 * never closes, stray markup where a field name belongs) goes to {@link RecordSink#broken}, and
 * reading goes on at the next line that starts with '@'; a file with no readable entry is refused.
 */
public final class BibtexReader implements RecordReader {
    private static final Pattern ENTRY_START = Pattern.compile("(?m)^[ \\t]*@[ \\t]*[A-Za-z]+[ \\t]*[{(]");

    @Override
    public Format format() {
        return Format.BIBTEX;
    }

    @Override
    public boolean sniff(String head) {
        String s = head.stripLeading();
        if (s.startsWith("<") || s.startsWith("[") || s.startsWith("{")) {
            return false;
        }
        return ENTRY_START.matcher(head).find();
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        BibtexParser parser = new BibtexParser(in, fileName);
        int position = 0;
        dev.winnow.ingest.ParseException firstProblem = null;
        BibtexParser.Entry e;
        while ((e = parser.next()) != null) {
            for (String skipped : parser.takeSkipped()) {
                sink.skip(position + 1, e.line(), skipped + ": not a record");
            }
            if (e.problem() != null) {
                firstProblem = firstProblem == null ? e.problem() : firstProblem;
                sink.broken(position + 1, e.line(), e.problem());
                continue;
            }
            if (e.type().equals("set") || e.type().equals("xdata")) {
                sink.skip(position + 1, e.line(), "@" + e.type() + " groups other entries: not a record");
                continue;
            }
            if (e.fields().isEmpty()) {
                sink.skip(position + 1, e.line(), "@" + e.type() + " entry with no fields");
                continue;
            }
            position++;
            sink.accept(new ParsedRecord(BibtexRecords.toRecord(e), position, e.line(), e.raw()));
        }
        for (String skipped : parser.takeSkipped()) {
            sink.skip(position + 1, parser.line(), skipped + ": not a record");
        }
        if (position == 0 && firstProblem != null) {
            throw firstProblem; // nothing but broken entries: the file is refused, not imported empty
        }
    }
}
