package dev.winnow.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Files that are not text at all, known by their first bytes: a compressed file, an archive, a PDF,
 * an image, an old Office document, a database, or anything else binary. Each is named with what to
 * do instead, so a user who gives {@code refs.ris.gz} or the PDF of a paper learns why nothing was
 * read. (A ZIP container, an Excel workbook or a Word document, is told apart by {@code XlsxReader}.)
 */
public final class BinaryFiles {
    /** How many of a file's first bytes decide. */
    public static final int HEAD_BYTES = 1024;

    /** What to do with a file that is a document rather than an export. */
    public static final String EXPORT_THE_RECORDS = "export the records from the database (RIS, CSV, …) and import that";

    private BinaryFiles() {
    }

    private record Kind(byte[] magic, String what) {
    }

    private static final Kind[] KINDS = {
        kind(new int[] {0x1f, 0x8b}, "a gzip-compressed file, not a bibliographic export: decompress it first (gunzip %s)"
                + " and import the file inside"),
        kind("BZh", "a bzip2-compressed file, not a bibliographic export: decompress it first (bunzip2 %s)"
                + " and import the file inside"),
        kind(new int[] {0xfd, '7', 'z', 'X', 'Z', 0}, "an xz-compressed file, not a bibliographic export: decompress it"
                + " first (unxz %s) and import the file inside"),
        kind(new int[] {0x28, 0xb5, 0x2f, 0xfd}, "a zstd-compressed file, not a bibliographic export: decompress it"
                + " first (unzstd %s) and import the file inside"),
        kind(new int[] {'7', 'z', 0xbc, 0xaf, 0x27, 0x1c}, "a 7-Zip archive, not a bibliographic export: unpack it and"
                + " import the export files inside"),
        kind("Rar!", "a RAR archive, not a bibliographic export: unpack it and import the export files inside"),
        kind("%PDF", "a PDF document, not a bibliographic export: " + EXPORT_THE_RECORDS),
        kind(new int[] {0x89, 'P', 'N', 'G'}, "a PNG image, not a bibliographic export: " + EXPORT_THE_RECORDS),
        kind(new int[] {0xff, 0xd8, 0xff}, "a JPEG image, not a bibliographic export: " + EXPORT_THE_RECORDS),
        kind("GIF8", "a GIF image, not a bibliographic export: " + EXPORT_THE_RECORDS),
        kind(new int[] {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, "an old-format Microsoft Office file (.xls or"
                + " .doc), not a bibliographic export: save a sheet as .xlsx or CSV, or " + EXPORT_THE_RECORDS),
        kind("SQLite format 3", "an SQLite database, not a bibliographic export: " + EXPORT_THE_RECORDS),
    };

    /**
     * Why a file cannot be read as records, from its first bytes (up to {@link #HEAD_BYTES}), or null
     * when it may be text. {@code name} is the file's name, used in the advice ("gunzip refs.ris.gz").
     * Besides the known signatures, a head with NUL bytes among many other control bytes is binary,
     * unless it is UTF-16 text (whose every other byte is zero); a text export with one stray NUL in a
     * title is still read.
     */
    public static String refusal(byte[] head, int length, String name) {
        for (Kind k : KINDS) {
            if (startsWith(head, length, k.magic())) {
                return k.what().formatted(name);
            }
        }
        return binary(head, length) ? "a binary file, not a bibliographic export: " + EXPORT_THE_RECORDS : null;
    }

    private static boolean binary(byte[] head, int length) {
        int n = Math.min(length, HEAD_BYTES);
        int nul = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b == 0) {
                nul++;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (nul == 0 || control * 50 < n) { // fewer than 2 % control bytes: text with a stray NUL
            return false;
        }
        boolean bom = n >= 2 && ((head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe
                || (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff);
        byte[] probe = java.util.Arrays.copyOf(head, n);
        Charset guess = TextDecoder.guess(probe);
        return !bom && !guess.equals(StandardCharsets.UTF_16LE) && !guess.equals(StandardCharsets.UTF_16BE);
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static Kind kind(String magic, String what) {
        return new Kind(magic.getBytes(StandardCharsets.US_ASCII), what);
    }

    private static Kind kind(int[] magic, String what) {
        byte[] b = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            b[i] = (byte) magic[i];
        }
        return new Kind(b, what);
    }
}
