package dev.winnow.bench;

import dev.winnow.UserError;
import dev.winnow.importing.ImportReport;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * BENCHMARKS.md §3 throughput end to end: the reference input ({@link ParseBench#writeReferenceInput},
 * built once under target/ and reused) read with detection and decoding ("parse only", as
 * {@code bench parse} measures it), then imported into a fresh SQLite project ("parse + store":
 * checksum, parse, one transaction, batched inserts of raw text and fields). Wall and CPU seconds
 * (the machine is shared; the importing thread's CPU time is the figure that does not depend on
 * other load), records/s, peak heap, ratios to rispy's 8.2 s and to the 15 s goal.
 */
public final class ImportBench {
    public static final double PARSE_GOAL_RATIO = 5.0;
    public static final double STORE_GOAL_SECONDS = 15.0;
    public static final int REFERENCE_RECORDS = 100_000;

    private ImportBench() {
    }

    /** One timed import: its records, wall and CPU seconds, and the peak heap during it. */
    public record StoreRun(int records, long bytes, double wallSeconds, double cpuSeconds, double peakHeapMegabytes) {
    }

    public record Result(String input, long bytes, int records, boolean reused, List<ParseBench.Run> parse,
                         double parsePeakHeapMegabytes, StoreRun store, double maxHeapMegabytes) {
        public ParseBench.Run parseMedian() {
            return parse.isEmpty() ? null : ParseBench.median(parse);
        }
    }

    /**
     * Builds the reference input at {@code input} (or reuses the one a previous run built there),
     * parses it {@code parseRuns} times, and imports it once into a new SQLite database beside it
     * unless {@code store} is false.
     */
    public static Result run(Path sharedData, Path input, int parseRuns, boolean store) {
        try {
            Path note = input.resolveSibling(input.getFileName() + ".records");
            boolean reused = false;
            int records;
            if (Files.isRegularFile(input) && Files.isRegularFile(note)
                    && Files.readString(note).strip().startsWith(Files.size(input) + " ")) {
                records = Integer.parseInt(Files.readString(note).strip().split(" ")[1]);
                reused = true;
            } else {
                if (input.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(input.toAbsolutePath().getParent());
                }
                records = ParseBench.writeReferenceInput(sharedData, input, REFERENCE_RECORDS);
                Files.writeString(note, Files.size(input) + " " + records + "\n");
            }
            List<ParseBench.Run> parses = new ArrayList<>();
            System.gc();
            resetPeaks();
            for (int i = 0; i < parseRuns; i++) {
                parses.add(ParseBench.parseOnce(input, null));
            }
            double parsePeak = ParseBench.peakHeapMegabytes();
            StoreRun stored = store ? store(input) : null;
            return new Result(input.toString(), Files.size(input), records, reused, parses, parsePeak, stored,
                    Runtime.getRuntime().maxMemory() / 1e6);
        } catch (IOException e) {
            throw new UserError("import benchmark: " + e.getMessage(), e);
        }
    }

    static StoreRun store(Path input) throws IOException {
        Path folder = input.toAbsolutePath().getParent();
        Path dbFile = Files.createTempFile(folder, "bench-import-", ".db");
        Files.delete(dbFile);
        try (Database db = Database.open("jdbc:sqlite:" + dbFile)) {
            Project p = new ProjectService(db).create("Import benchmark", ProjectKind.SCOPING, null);
            System.gc();
            resetPeaks();
            long cpu = processCpuNanos();
            long wall = System.nanoTime();
            ImportReport r = new ImportService(db).importFile(p, SourceSpec.database("Reference input"), input,
                    ImportService.Options.DEFAULT.withoutDedup(), new ImportService.Actor(null, "bench"));
            return new StoreRun(r.records(), Files.size(input), (System.nanoTime() - wall) / 1e9,
                    (processCpuNanos() - cpu) / 1e9, ParseBench.peakHeapMegabytes());
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                Files.deleteIfExists(Path.of(dbFile + suffix));
            }
        }
    }

    /**
     * CPU time of the whole process (both import threads, and the JVM's own GC and compiler
     * threads): the import reads on one thread and stores on another.
     */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The figures as text, with the ratios to rispy's anchor and to the goals. */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        double mb = r.bytes() / 1e6;
        sb.append(String.format(Locale.ROOT, "reference input  %s: %.0f MB, %,d records (%s)%n", r.input(), mb,
                r.records(), r.reused() ? "reused" : "built"));
        sb.append(String.format(Locale.ROOT, "max heap         %.0f MB (BENCHMARKS.md: run with WINNOW_JAVA_OPTS=-Xmx256m)%n",
                r.maxHeapMegabytes()));
        ParseBench.Run m = r.parseMedian();
        if (m != null) {
            sb.append(String.format(Locale.ROOT, "parse only       median of %d: cpu %.2f s, wall %.2f s; %,.0f records/s, "
                            + "%.0f MB/s (cpu); %,d records; peak heap %.0f MB%n", r.parse().size(), m.cpuSeconds(),
                    m.wallSeconds(), m.recordsPerSecond(), m.megabytesPerSecond(), m.records(), r.parsePeakHeapMegabytes()));
            double ratio = ParseBench.RISPY_SECONDS / m.cpuSeconds();
            sb.append(String.format(Locale.ROOT, "  vs rispy %.1f s: %.1fx (cpu), %.1fx (wall); goal >= %.0fx: %s%n",
                    ParseBench.RISPY_SECONDS, ratio, ParseBench.RISPY_SECONDS / m.wallSeconds(), PARSE_GOAL_RATIO,
                    ratio >= PARSE_GOAL_RATIO ? "met" : "NOT met"));
        }
        StoreRun s = r.store();
        if (s != null) {
            sb.append(String.format(Locale.ROOT, "parse + store    wall %.2f s = %,.0f records/s into SQLite; process cpu %.2f s "
                            + "(reader and database threads together, GC included); %,d records; peak heap %.0f MB%n",
                    s.wallSeconds(), s.records() / s.wallSeconds(), s.cpuSeconds(), s.records(), s.peakHeapMegabytes()));
            sb.append(String.format(Locale.ROOT, "  goal < %.0f s (wall, 2 cores): %s%s%n", STORE_GOAL_SECONDS,
                    s.wallSeconds() < STORE_GOAL_SECONDS ? "met" : "NOT met",
                    s.wallSeconds() > s.cpuSeconds() * 1.5 ? " (wall far above cpu: the machine is busy or the disk is slow)" : ""));
        }
        if (m != null && m.records() != r.records() || s != null && s.records() != r.records()) {
            sb.append(String.format(Locale.ROOT, "WARNING: the file holds %,d records (ER lines) but %,d were read%n",
                    r.records(), s != null ? s.records() : m.records()));
        }
        return sb.toString();
    }
}
