package dev.winnow.bench;

import dev.winnow.UserError;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds BENCHMARKS.md §3's reference input for import throughput from the real exports: repeat,
 * for i = 1, 2, …, the concatenation of every {@code *.ris} under {@code citesource/vignettes/*}/
 * and {@code revtools/*}/ (each file followed by a blank line) with each {@code TI  - } line
 * prefixed by {@code [i] }, until the file holds at least 100,000 {@code ER} lines (100,577 records,
 * 313 MB). Bytes are copied as they are (BOMs, CRLF and all), so the readers see what the
 * exports hold. The result is written outside the repository (under target/ by default).
 */
public final class ReferenceInput {
    public static final int MIN_RECORDS = 100_000;
    private static final byte[] TI = "TI  - ".getBytes(StandardCharsets.US_ASCII);

    /** What was built: the file, its size, its records (ER lines) and how many rounds of the exports it took. */
    public record Built(Path file, long bytes, long records, int rounds, double seconds, boolean reused) {
    }

    private ReferenceInput() {
    }

    /** The exports concatenated each round, in a fixed (sorted) order. */
    public static List<Path> exports(Path sharedData) {
        List<Path> out = new ArrayList<>();
        out.addAll(risIn(sharedData.resolve("citesource").resolve("vignettes")));
        out.addAll(risIn(sharedData.resolve("revtools")));
        if (out.isEmpty()) {
            throw new UserError("no *.ris exports under " + sharedData.resolve("citesource/vignettes") + " or "
                    + sharedData.resolve("revtools") + ": pass --data DIR (the shared data folder)");
        }
        return out;
    }

    /** *.ris files directly inside each sub-folder of {@code parent}, sorted by path. */
    private static List<Path> risIn(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> subs = Files.list(parent)) {
            List<Path> out = new ArrayList<>();
            for (Path sub : subs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(sub)) {
                    files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".ris"))
                            .sorted().forEach(out::add);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserError("cannot list " + parent + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds the input into {@code out}, or reuses it when a previous build left the same file
     * (same size and record count, noted in a sidecar file).
     */
    public static Built build(Path sharedData, Path out) {
        long start = System.nanoTime();
        List<Path> exports = exports(sharedData);
        Path note = out.resolveSibling(out.getFileName() + ".built");
        try {
            List<byte[]> contents = new ArrayList<>();
            long perRound = 0;
            for (Path p : exports) {
                byte[] b = Files.readAllBytes(p);
                contents.add(b);
                perRound += erLines(b);
            }
            if (perRound == 0) {
                throw new UserError("the exports hold no ER lines: not the reference exports?");
            }
            int rounds = (int) ((MIN_RECORDS + perRound - 1) / perRound);
            long records = rounds * perRound;
            if (Files.isRegularFile(out) && Files.isRegularFile(note)) {
                String expected = Files.size(out) + " " + records;
                if (Files.readString(note).strip().equals(expected)) {
                    return new Built(out, Files.size(out), records, rounds, seconds(start), true);
                }
            }
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
                for (int i = 1; i <= rounds; i++) {
                    byte[] prefix = ("TI  - [" + i + "] ").getBytes(StandardCharsets.US_ASCII);
                    for (byte[] b : contents) {
                        writeRound(o, b, prefix);
                        o.write('\n'); // each file followed by a blank line
                    }
                }
            }
            long size = Files.size(out);
            Files.writeString(note, size + " " + records + "\n");
            return new Built(out, size, records, rounds, seconds(start), false);
        } catch (IOException e) {
            throw new UserError("cannot build the reference input " + out + ": " + e.getMessage(), e);
        }
    }

    /** Copies a file's bytes, line by line, replacing the {@code TI  - } at the start of a line by the prefix. */
    private static void writeRound(OutputStream o, byte[] b, byte[] prefix) throws IOException {
        int lineStart = 0;
        int n = b.length;
        while (lineStart < n) {
            int end = lineStart;
            while (end < n && b[end] != '\n') {
                end++;
            }
            int next = end < n ? end + 1 : n;
            if (startsWith(b, lineStart, TI)) {
                o.write(prefix);
                o.write(b, lineStart + TI.length, next - lineStart - TI.length);
            } else {
                o.write(b, lineStart, next - lineStart);
            }
            lineStart = next;
        }
        if (n > 0 && b[n - 1] != '\n') {
            o.write('\n');
        }
    }

    /** Lines starting with "ER" followed by spaces and a hyphen (or nothing). */
    static long erLines(byte[] b) {
        long count = 0;
        int lineStart = 0;
        while (lineStart < b.length) {
            if (lineStart + 1 < b.length && b[lineStart] == 'E' && b[lineStart + 1] == 'R'
                    && (lineStart + 2 >= b.length || b[lineStart + 2] == ' ' || b[lineStart + 2] == '-'
                    || b[lineStart + 2] == '\r' || b[lineStart + 2] == '\n')) {
                count++;
            }
            while (lineStart < b.length && b[lineStart] != '\n') {
                lineStart++;
            }
            lineStart++;
        }
        return count;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
