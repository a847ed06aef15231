package dev.winnow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compressed, PDF, image and other binary files are refused by name, with what to do (issue 21, item 12). */
public class BinaryFilesTest {
    public static final String RIS = "TY  - JOUR\nTI  - Early palliative care in general practice\nPY  - 2020\nER  - \n";

    @TempDir Path dir;

    public static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void aGzipFileIsNamedWithHowToDecompressIt() throws IOException {
        Path gz = Files.write(dir.resolve("medline.ris.gz"), gzip(RIS));
        assertThatThrownBy(() -> Ingest.readAll(gz, null)).isInstanceOf(ParseException.class)
                .hasMessage("medline.ris.gz: a gzip-compressed file, not a bibliographic export: decompress it first "
                        + "(gunzip medline.ris.gz) and import the file inside");
        // a format given on the command line does not make it text
        assertThatThrownBy(() -> Ingest.readAll(gz, Format.RIS)).isInstanceOf(ParseException.class)
                .hasMessageContaining("a gzip-compressed file");
    }

    @Test
    void documentsAndImagesAreNamed() throws IOException {
        Path pdf = Files.writeString(dir.resolve("paper.pdf"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Ingest.readAll(pdf, null)).isInstanceOf(ParseException.class)
                .hasMessage("paper.pdf: a PDF document, not a bibliographic export: " + BinaryFiles.EXPORT_THE_RECORDS);
        Path png = Files.write(dir.resolve("flow.png"), bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13));
        assertThatThrownBy(() -> Ingest.readAll(png, null)).hasMessageStartingWith("flow.png: a PNG image, not a bibliographic export");
        Path xls = Files.write(dir.resolve("old.xls"), bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0));
        assertThatThrownBy(() -> Ingest.readAll(xls, null))
                .hasMessageStartingWith("old.xls: an old-format Microsoft Office file (.xls or .doc)");
    }

    @Test
    void anUnknownBinaryFileIsNamedBinary() throws IOException {
        byte[] b = new byte[2048];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 7 == 0 ? 0 : (i * 31) % 256);
        }
        Path lib = Files.write(dir.resolve("My library.enl"), b);
        assertThatThrownBy(() -> Ingest.readAll(lib, null)).isInstanceOf(ParseException.class)
                .hasMessage("My library.enl: a binary file, not a bibliographic export: " + BinaryFiles.EXPORT_THE_RECORDS);
    }

    @Test
    void utf16TextAndAStrayNulAreStillRead() throws IOException {
        Path le = Files.write(dir.resolve("wos16.ris"), RIS.getBytes(StandardCharsets.UTF_16LE)); // no BOM: zero every other byte
        assertThat(Ingest.readAll(le, null)).hasSize(1);
        Path be = Files.write(dir.resolve("bom16.ris"), ("\uFEFF" + RIS).getBytes(StandardCharsets.UTF_16BE));
        assertThat(Ingest.readAll(be, null)).hasSize(1);
        Path nul = Files.writeString(dir.resolve("nul.ris"), RIS.replace("Early", "Early\u0000") + RIS.replace("2020", "2021"));
        assertThat(Ingest.readAll(nul, null)).hasSize(2);
    }
}
