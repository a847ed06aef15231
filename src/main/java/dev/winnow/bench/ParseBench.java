package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.ingest.Format;
import dev.winnow.ingest.Ingest;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The parse-only throughput benchmark of BENCHMARKS.md §3: builds the reference input from the real
 * exports, then streams it through the reader (records counted, nothing kept) a few times and
 * reports wall time, CPU time of the parsing thread, MB/s, records/s, peak heap, and the ratio to
 * rispy's anchor (8.2 s for the same file, ANCHORS.md). The machine is shared: the CPU time is the
 * figure that does not depend on what else runs.
 */
public final class ParseBench {
    /** rispy parses the reference input in 8.2 s (ANCHORS.md). */
    public static final double RISPY_SECONDS = 8.2;

    /** One timed pass. */
    public record Run(int records, long bytes, double wallSeconds, double cpuSeconds) {
        public double megabytesPerSecond() {
            return bytes / 1e6 / cpuSeconds;
        }

        public double recordsPerSecond() {
            return records / cpuSeconds;
        }
    }

    private ParseBench() {
    }

    /**
     * Writes the reference input: for i = 1, 2, …, every {@code *.ris} under
     * {@code citesource/vignettes/}{@code *}{@code /} and {@code revtools/}{@code *}{@code /} (sorted by path),
     * each followed by a blank line, with every {@code TI  - } line prefixed by "[i] ", until the file
     * holds at least {@code minRecords} {@code ER} lines. Returns the number of records written.
     */
    public static int writeReferenceInput(Path sharedData, Path out, int minRecords) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (String dir : List.of("citesource/vignettes", "revtools")) {
            Path base = sharedData.resolve(dir);
            if (!Files.isDirectory(base)) {
                throw new UserError(base + ": no such folder (the reference input is built from the shared data)");
            }
            try (Stream<Path> files = Files.list(base)) {
                for (Path sub : files.filter(Files::isDirectory).sorted().toList()) {
                    try (Stream<Path> ris = Files.list(sub)) {
                        parts.addAll(ris.filter(p -> p.getFileName().toString().endsWith(".ris")).sorted().toList());
                    }
                }
            }
        }
        List<String[]> texts = new ArrayList<>();
        for (Path p : parts.stream().sorted().toList()) {
            texts.add(Files.readString(p, StandardCharsets.ISO_8859_1).split("\n", -1));
        }
        int records = 0;
        try (OutputStream os = new java.io.BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (int i = 1; records < minRecords; i++) {
                byte[] prefix = ("TI  - [" + i + "] ").getBytes(StandardCharsets.ISO_8859_1);
                for (String[] lines : texts) {
                    for (int l = 0; l < lines.length; l++) {
                        String line = lines[l];
                        if (line.startsWith("TI  - ")) {
                            os.write(prefix);
                            os.write(line.substring(6).getBytes(StandardCharsets.ISO_8859_1));
                        } else {
                            os.write(line.getBytes(StandardCharsets.ISO_8859_1));
                            if (line.startsWith("ER  -")) {
                                records++;
                            }
                        }
                        if (l < lines.length - 1) {
                            os.write('\n');
                        }
                    }
                    os.write('\n');
                }
            }
        }
        return records;
    }

    /** Parses the file once with the given format (null: detect), keeping nothing. */
    public static Run parseOnce(Path file, Format format) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bytes = Files.size(file);
        int[] n = {0};
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Ingest.read(file, format, r -> n[0]++);
        return new Run(n[0], bytes, (System.nanoTime() - wall) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
    }

    /** The highest heap use seen so far in this JVM, in MB. */
    public static double peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / 1e6;
    }

    /** The median of a run's figures, by CPU time. */
    public static Run median(List<Run> runs) {
        List<Run> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Run::cpuSeconds)).toList();
        return sorted.get(sorted.size() / 2);
    }
}
