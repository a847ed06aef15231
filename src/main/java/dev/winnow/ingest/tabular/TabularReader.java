package dev.winnow.ingest.tabular;

import dev.winnow.ingest.Format;
import dev.winnow.ingest.ParseException;
import dev.winnow.ingest.RecordReader;
import dev.winnow.ingest.RecordSink;
import dev.winnow.ingest.Sniffing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV and TSV files of records, one row each, under a header row naming the columns (see
 * {@link TabularField} for the names understood and {@link ColumnMapping} for how a file was
 * understood). The CSV reader takes commas or semicolons (Excel in many locales), and honours
 * Excel's "sep=;" first line. A file is recognised by its header: two columns or more, one of
 * them a title, authors, DOI, PMID or abstract column. Detection asks these readers last, after
 * every tagged format, since a header row is a weaker signal than a tag.
 */
public final class TabularReader implements RecordReader {
    public static final TabularReader CSV = new TabularReader(Format.CSV, new char[] {',', ';'});
    public static final TabularReader TSV = new TabularReader(Format.TSV, new char[] {'\t'});

    private static final char[] ALL = {',', ';', '\t'};
    private static final Pattern SEP_LINE = Pattern.compile("(?i)sep=(.)");

    private final Format format;
    private final char[] delimiters;

    private TabularReader(Format format, char[] delimiters) {
        this.format = format;
        this.delimiters = delimiters;
    }

    @Override
    public Format format() {
        return format;
    }

    @Override
    public boolean sniff(String head) {
        try {
            Header best = header(head, ALL);
            if (best == null || !best.mapping().bibliographic()) {
                return false;
            }
            for (char d : delimiters) {
                if (d == best.delimiter()) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The column mapping of a file's header (for reports and previews): null when the start of the
     * file holds no header row this reader recognises.
     */
    public ColumnMapping mapping(String head) {
        Header h = header(head, format == Format.TSV ? delimiters : ALL);
        return h == null ? null : h.mapping();
    }

    @Override
    public void read(Reader in, String fileName, RecordSink sink) throws IOException {
        BufferedReader br = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        br.mark(Sniffing.HEAD_CHARS + 1);
        char[] buf = new char[Sniffing.HEAD_CHARS];
        int n = 0;
        while (n < buf.length) {
            int r = br.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        br.reset();
        Header guess = header(new String(buf, 0, n), format == Format.TSV ? delimiters : ALL);
        char delimiter = guess == null ? delimiters[0] : guess.delimiter();
        CsvTokenizer rows = new CsvTokenizer(br, delimiter).keepRaw();
        try {
            List<String> header = rows.next();
            if (header != null && guess != null && guess.sepLine()) {
                header = rows.next();
            }
            if (header == null || header.size() == 1 && header.get(0).isBlank()) {
                throw new ParseException(fileName, 0, "the file is empty: expected a header row naming the columns");
            }
            TableRows table = new TableRows(fileName, sink);
            table.header(header, rows.rowLine());
            List<String> row;
            while ((row = rows.next()) != null) {
                table.row(row, rows.rowLine(), rows.rawRow());
            }
        } catch (CsvTokenizer.MalformedRowException e) {
            throw new ParseException(fileName, e.line(), e.getMessage()
                    + "; expected each quoted field to end with a quote before the next row", e);
        }
    }

    /** A header row found at the start of a file: its delimiter, mapping and whether a "sep=" line came first. */
    record Header(char delimiter, ColumnMapping mapping, boolean sepLine) {
    }

    /** The delimiter among {@code candidates} that makes the most of the header row, with its mapping. */
    static Header header(String head, char[] candidates) {
        String firstLine = head.lines().findFirst().orElse("");
        Matcher sep = SEP_LINE.matcher(firstLine.strip());
        if (sep.matches()) {
            char d = sep.group(1).charAt(0);
            String rest = head.substring(Math.min(head.length(), head.indexOf(firstLine) + firstLine.length()))
                    .replaceFirst("^\r?\n", "");
            List<String> row = firstRow(rest, d);
            return row == null ? null : new Header(d, ColumnMapping.of(row), true);
        }
        Header best = null;
        for (char d : candidates) {
            List<String> row = firstRow(head, d);
            if (row == null) {
                continue;
            }
            ColumnMapping m = ColumnMapping.of(row);
            if (best == null || better(m, best.mapping())) {
                best = new Header(d, m, false);
            }
        }
        return best;
    }

    private static boolean better(ColumnMapping a, ColumnMapping b) {
        if (a.identifyingColumns() != b.identifyingColumns()) {
            return a.identifyingColumns() > b.identifyingColumns();
        }
        if (a.knownColumns() != b.knownColumns()) {
            return a.knownColumns() > b.knownColumns();
        }
        return a.size() > b.size();
    }

    private static List<String> firstRow(String head, char delimiter) {
        try {
            return new CsvTokenizer(new StringReader(head), delimiter, Sniffing.HEAD_CHARS + 1).next();
        } catch (IOException e) {
            return null; // a header cut off or never closed: not a header we can read
        }
    }
}
