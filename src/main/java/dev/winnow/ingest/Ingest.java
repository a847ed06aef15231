package dev.winnow.ingest;

import dev.winnow.UserError;
import dev.winnow.ingest.tabular.XlsxReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a file of records: decode its text ({@link TextDecoder}), find its format by content
 * ({@link Formats#detect}) unless one is given, and stream its records to a sink, each repaired on
 * the way by {@link RecordRepairs}. An Excel workbook (known by its first bytes) is read by
 * {@link XlsxReader} instead; a compressed, PDF, image or other binary file is refused by name
 * ({@link BinaryFiles}).
 */
public final class Ingest {
    private Ingest() {
    }

    /** What reading a file found out about it. */
    public record FileInfo(Format format, Charset charset) {
    }

    /** Refuses a path that is not a readable regular file, saying which it is. */
    public static void requireFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + ": is a folder; give the export files in it");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
    }

    /**
     * Streams a file's records. {@code forced} skips detection. A file in no known format, an
     * unreadable file or a broken one is a {@link UserError} naming the file.
     */
    public static FileInfo read(Path file, Format forced, RecordSink given) {
        RecordSink sink = new RecordRepairs(given);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        requireFile(file);
        byte[] start = new byte[BinaryFiles.HEAD_BYTES];
        int length = head(file, start);
        boolean workbook = forced == Format.XLSX || XlsxReader.looksLikeWorkbook(start, length);
        if (workbook && forced != null && forced != Format.XLSX) {
            throw new ParseException(name, 0, "an Excel workbook (.xlsx), not " + forced.id()
                    + ": leave out --from, or give --from xlsx");
        }
        if (workbook) {
            XlsxReader.read(file, name, sink);
            return new FileInfo(Format.XLSX, StandardCharsets.UTF_8);
        }
        String binary = BinaryFiles.refusal(start, length, name);
        if (binary != null) {
            throw new ParseException(name, 0, binary);
        }
        try (TextDecoder.Decoded decoded = TextDecoder.open(file)) {
            PushbackReader in = new PushbackReader(new BufferedReader(decoded.reader(), 1 << 16), Sniffing.HEAD_CHARS);
            char[] buf = new char[Sniffing.HEAD_CHARS];
            int n = 0;
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            String head = new String(buf, 0, n);
            in.unread(buf, 0, n);
            RecordReader reader = forced != null
                    ? Formats.reader(forced).orElseThrow(() -> new UserError("Winnow cannot read " + forced.id() + " files"))
                    : Formats.detect(head).orElseThrow(() -> notBibliographic(name, head));
            reader.read(in, name, sink);
            return new FileInfo(reader.format(), decoded.charset());
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Reads the file's first bytes into {@code head} (to tell a workbook or a binary file); how many were read. */
    private static int head(Path file, byte[] head) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return 0; // the text path reports what is wrong with the file
        }
    }

    /** Reads a whole file into memory (for small files, tests and conversion). */
    public static List<ParsedRecord> readAll(Path file, Format forced) {
        List<ParsedRecord> out = new ArrayList<>();
        read(file, forced, out::add);
        return out;
    }

    /** Reads records from text already in memory (tests, web uploads of pasted text). */
    public static List<ParsedRecord> readAll(Reader text, String name, Format format) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        RecordReader reader = Formats.reader(format)
                .orElseThrow(() -> new UserError("Winnow cannot read " + format.id() + " files"));
        reader.read(text, name, new RecordRepairs(out::add));
        return out;
    }

    static UserError notBibliographic(String name, String head) {
        if (head.isBlank()) {
            return new ParseException(name, 0, "the file is empty");
        }
        String first = head.strip().lines().findFirst().orElse("");
        if (first.length() > 60) {
            first = first.substring(0, 60) + "…";
        }
        return new ParseException(name, 1, "not a bibliographic file Winnow knows (expected RIS, MEDLINE/PubMed text or "
                + "XML, Ovid, Web of Science, EndNote XML or tagged (.enw), BibTeX, CSV/TSV, Excel .xlsx or CSL-JSON); it starts with '"
                + first.replaceAll("\\p{Cntrl}", "?") + "'");
    }
}
