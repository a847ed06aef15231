package dev.winnow.bench;

import dev.winnow.importing.ImportReport;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.ingest.Ingest;
import dev.winnow.ingest.ParsedRecord;
import dev.winnow.ingest.RecordSink;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BENCHMARKS.md §3 throughput: records per second reading the reference input
 * ({@link ReferenceInput}) with detection and decoding ("parse only"), and importing it into a
 * fresh SQLite project ("parse + store": checksum, parse, one transaction, batched inserts), with
 * the peak heap each needed. Compared with rispy's 8.2 s for the same file (ANCHORS.md).
 */
public final class ImportBench {
    /** rispy reads the reference input in 8.2 s (BENCHMARKS.md §3). */
    public static final double RISPY_SECONDS = 8.2;
    public static final double PARSE_GOAL_RATIO = 5.0;
    public static final double STORE_GOAL_SECONDS = 15.0;

    private ImportBench() {
    }

    public record Run(double seconds, long records, long peakHeapBytes) {
    }

    public record Result(String input, long bytes, long records, double buildSeconds, boolean reused,
                         List<Run> parse, Run store, long maxHeapBytes) {
        public double parseMedian() {
            double[] s = parse.stream().mapToDouble(Run::seconds).sorted().toArray();
            return s.length == 0 ? Double.NaN : s[s.length / 2];
        }

        /** How many times faster than rispy (above 1: faster). */
        public double parseRatio() {
            return RISPY_SECONDS / parseMedian();
        }
    }

    /**
     * Builds (or reuses) the reference input at {@code input} from {@code sharedData}, parses it
     * {@code parseRuns} times and imports it once into a new SQLite database in {@code workDir}
     * (skipped when {@code store} is false).
     */
    public static Result run(Path sharedData, Path input, Path workDir, int parseRuns, boolean store) {
        ReferenceInput.Built built = ReferenceInput.build(sharedData, input);
        List<Run> parses = new ArrayList<>();
        for (int i = 0; i < parseRuns; i++) {
            parses.add(parse(input));
        }
        Run stored = store ? store(input, workDir) : null;
        return new Result(input.toString(), built.bytes(), built.records(), built.seconds(), built.reused(), parses,
                stored, Runtime.getRuntime().maxMemory());
    }

    static Run parse(Path input) {
        System.gc();
        resetPeaks();
        long[] n = new long[1];
        long start = System.nanoTime();
        Ingest.read(input, null, new RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                n[0]++;
            }
        });
        double s = (System.nanoTime() - start) / 1e9;
        return new Run(s, n[0], peakHeap());
    }

    static Run store(Path input, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path dbFile = Files.createTempFile(workDir, "bench-import-", ".db");
            Files.delete(dbFile);
            try (Database db = Database.open("jdbc:sqlite:" + dbFile)) {
                Project p = new ProjectService(db).create("Import benchmark", ProjectKind.SCOPING, null);
                System.gc();
                resetPeaks();
                long start = System.nanoTime();
                ImportReport r = new ImportService(db).importFile(p, SourceSpec.database("Reference input"), input,
                        ImportService.Options.DEFAULT, new ImportService.Actor(null, "bench"));
                double s = (System.nanoTime() - start) / 1e9;
                return new Run(s, r.records(), peakHeap());
            } finally {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(dbFile + suffix));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the live heap at any moment). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** The figures as text, ratios to the anchor and goals included. */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        double mb = r.bytes() / 1e6;
        sb.append(String.format("reference input  %s: %.1f MB, %,d records (%s in %.1f s)%n", r.input(), mb, r.records(),
                r.reused() ? "reused, checked" : "built", r.buildSeconds()));
        sb.append(String.format("max heap         %,d MB (run with WINNOW_JAVA_OPTS=-Xmx256m for the §3 setting)%n",
                r.maxHeapBytes() / (1 << 20)));
        if (!r.parse().isEmpty()) {
            double med = r.parseMedian();
            sb.append(String.format("parse only       %s s; median %.2f s = %,.0f records/s, %.0f MB/s; peak heap %,d MB%n",
                    Arrays.toString(r.parse().stream().mapToDouble(x -> Math.round(x.seconds() * 100) / 100.0).toArray()),
                    med, r.records() / med, mb / med,
                    r.parse().stream().mapToLong(Run::peakHeapBytes).max().orElse(0) / (1 << 20)));
            sb.append(String.format("  vs rispy 8.2 s: %.2fx faster (goal >= %.0fx: %s)%n", r.parseRatio(),
                    PARSE_GOAL_RATIO, r.parseRatio() >= PARSE_GOAL_RATIO ? "met" : "NOT met"));
            long short_ = r.parse().stream().filter(x -> x.records() != r.records()).count();
            if (short_ > 0) {
                sb.append(String.format("  WARNING: %d parse runs read another number of records than the %,d ER lines%n",
                        short_, r.records()));
            }
        }
        if (r.store() != null) {
            Run s = r.store();
            sb.append(String.format("parse + store    %.2f s = %,.0f records/s into SQLite (%,d records); peak heap %,d MB%n",
                    s.seconds(), s.records() / s.seconds(), s.records(), s.peakHeapBytes() / (1 << 20)));
            sb.append(String.format("  goal < %.0f s: %s; vs rispy's parse alone: %.2fx%n", STORE_GOAL_SECONDS,
                    s.seconds() < STORE_GOAL_SECONDS ? "met" : "NOT met", RISPY_SECONDS / s.seconds()));
        }
        return sb.toString();
    }
}
