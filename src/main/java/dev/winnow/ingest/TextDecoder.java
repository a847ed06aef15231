package dev.winnow.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a file's text encoding: a byte-order mark (UTF-8, UTF-16 LE/BE) wins; else UTF-16 without
 * a BOM is recognised by its zero bytes; else UTF-8 when the bytes are valid UTF-8; else
 * Windows-1252 (a superset of Latin-1 for printable text, as exports from Windows tools use).
 */
public final class TextDecoder {
    /** How many bytes decide the encoding when there is no BOM. */
    static final int PROBE_BYTES = 1 << 20;

    private TextDecoder() {
    }

    /** An open reader positioned after any BOM, and the charset it decodes. */
    public record Decoded(Reader reader, Charset charset, boolean bom) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    public static Decoded open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return open(raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    public static Decoded open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(PROBE_BYTES + 4);
        byte[] probe = in.readNBytes(PROBE_BYTES);
        in.reset();
        Charset cs;
        int skip = 0;
        if (probe.length >= 3 && (probe[0] & 0xff) == 0xEF && (probe[1] & 0xff) == 0xBB && (probe[2] & 0xff) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (probe.length >= 2 && (probe[0] & 0xff) == 0xFF && (probe[1] & 0xff) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (probe.length >= 2 && (probe[0] & 0xff) == 0xFE && (probe[1] & 0xff) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            cs = guess(probe);
        }
        in.skipNBytes(skip);
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new Decoded(new InputStreamReader(in, decoder), cs, skip > 0);
    }

    static Charset guess(byte[] probe) {
        if (probe.length >= 4) {
            int evenZeros = 0;
            int oddZeros = 0;
            int n = Math.min(probe.length, 4096) & ~1;
            for (int i = 0; i < n; i += 2) {
                if (probe[i] == 0) {
                    evenZeros++;
                }
                if (probe[i + 1] == 0) {
                    oddZeros++;
                }
            }
            if (oddZeros > n / 4 && evenZeros < n / 40) {
                return StandardCharsets.UTF_16LE;
            }
            if (evenZeros > n / 4 && oddZeros < n / 40) {
                return StandardCharsets.UTF_16BE;
            }
        }
        if (isUtf8(probe)) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName("windows-1252");
    }

    /** Valid UTF-8, allowing a multi-byte sequence cut at the end of the probe. */
    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int end = bytes.length;
        // drop an incomplete trailing sequence (at most 3 bytes)
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
            int lead = bytes[end - back - 1] & 0xff;
            int need = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
            if (back < need) {
                end = end - back - 1;
            }
        }
        try {
            d.decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
