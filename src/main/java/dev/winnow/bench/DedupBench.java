package dev.winnow.bench;

import dev.winnow.dedup.DedupResult;
import dev.winnow.dedup.Deduplicator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code winnow bench dedup}: the gold sets of BENCHMARKS.md §2, scored as bib-dedupe scores them,
 * printed next to bib-dedupe's published figures.
 */
public final class DedupBench {
    /** bib-dedupe's published figures (BENCHMARKS.md §2): set → {sensitivity, runtime seconds}. */
    static final Map<String, double[]> PUBLISHED = Map.of(
            "cytology_screening", new double[] {0.9922, 7},
            "haematology", new double[] {0.8889, 6},
            "respiratory", new double[] {0.9358, 9},
            "stroke", new double[] {0.9936, 5});

    private DedupBench() {
    }

    /** One set's outcome. */
    public record SetResult(String name, int records, DedupScore score, double seconds, DedupResult result) {
    }

    private record Timed(DedupResult result, double seconds) {
    }

    /** Deduplicates a set {@code runs} times; the last result and the median time. */
    private static Timed timed(GoldSet set, int runs) {
        double[] times = new double[Math.max(1, runs)];
        DedupResult result = null;
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            result = Deduplicator.run(set.records());
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(times);
        return new Timed(result, times[times.length / 2]);
    }

    /** Deduplicates one gold set and scores it (time = deduplication only, median of {@code runs}). */
    public static SetResult run(GoldSet set, int runs) {
        Timed timed = timed(set, runs);
        DedupResult result = timed.result();
        DedupScore s = DedupScore.score(set.ids(), result.clusterOf(), set.groups());
        return new SetResult(set.name(), set.ids().size(), s, timed.seconds(), result);
    }

    /** The bib-dedupe gold sets found under {@code dataRoot/bib-dedupe/data}. */
    public static List<GoldSet> bibDedupeSets(Path dataRoot) {
        List<GoldSet> out = new ArrayList<>();
        Path dir = dataRoot.resolve("bib-dedupe").resolve("data");
        for (String name : List.of("cytology_screening", "haematology", "respiratory", "stroke", "special_cases")) {
            Path d = dir.resolve(name);
            if (Files.isRegularFile(d.resolve("records_pre_merged.csv"))) {
                out.add(GoldSet.bibDedupe(d));
            }
        }
        return out;
    }

    /** The dedupe-sweep EndNote XML sets found under {@code dataRoot/dedupe-sweep/test/data}. */
    public static List<Path> endnoteSets(Path dataRoot) {
        List<Path> out = new ArrayList<>();
        Path dir = dataRoot.resolve("dedupe-sweep").resolve("test").resolve("data");
        for (String name : List.of("tafenoquine.xml", "copper.xml", "old/respiratory.xml")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                out.add(dir.resolve(name));
            }
        }
        return out;
    }

    /** Deduplicates one flagged EndNote set and scores it per record ({@link DedupScore#flags}). */
    public static SetResult runFlagged(Path file, int runs, PrintWriter explain) {
        java.util.Set<String> flagged = new java.util.HashSet<>();
        GoldSet set = GoldSet.endnoteFlags(file, flagged);
        Timed timed = timed(set, runs);
        DedupResult result = timed.result();
        if (explain != null) {
            for (int i = 0; i < set.ids().size(); i++) {
                var link = result.linkOf()[i];
                if (!flagged.contains(set.ids().get(i)) && link != null) {
                    explain.println("UNFLAGGED BUT MERGED: " + set.records().get(i) + " | " + set.records().get(i).pages()
                            + " ~ " + set.records().get(link.other()) + " | " + set.records().get(link.other()).pages()
                            + " | " + link.judgement().evidence());
                }
            }
        }
        return new SetResult(set.name() + " (flags)", set.ids().size(),
                DedupScore.flags(set.ids(), result.clusterOf(), flagged), timed.seconds(), result);
    }

    public static void printHeader(PrintWriter out) {
        out.printf("%-20s %6s %5s %3s %4s %5s %7s %8s %8s   %-10s %s%n", "set", "n", "TP", "FP", "FN", "TN",
                "sens", "FP-rate", "time", "bib-dedupe", "sens / time");
    }

    public static void print(PrintWriter out, SetResult r) {
        double[] pub = PUBLISHED.get(r.name());
        DedupScore s = r.score();
        out.printf("%-20s %6d %5d %3d %4d %5d %7.4f %8.5f %7.3fs   %-10s %s%n", r.name(), r.records(), s.tp(), s.fp(),
                s.fn(), s.tn(), s.sensitivity(), s.fpRate(), r.seconds(), pub == null ? "-" : "FP 0",
                pub == null ? "-" : String.format("%.4f / %.0f s", pub[0], pub[1]));
    }

    /**
     * The scale benchmark: generated sets of the given sizes ({@link ScaleGenerator}), each
     * deduplicated once after a warm-up, printed as n, time, pairs compared, FP and sensitivity.
     */
    public static void scale(PrintWriter out, List<GoldSet> real, int[] sizes, long seed, boolean explain) {
        ScaleGenerator gen = new ScaleGenerator(real.stream().filter(s -> !s.name().equals("special_cases")).toList());
        Deduplicator.run(gen.generate(5000, seed + 1).records()); // warm-up
        out.printf("%n%-16s %8s %9s %9s %10s %4s %7s %11s%n", "scale set", "n", "time", "cpu", "pairs", "FP", "sens",
                "cpu µs/rec");
        for (int size : sizes) {
            GoldSet set = gen.generate(size, seed);
            long t0 = System.nanoTime();
            long c0 = processCpu();
            DedupResult r = Deduplicator.run(set.records());
            double secs = (System.nanoTime() - t0) / 1e9;
            DedupScore s = DedupScore.score(set.ids(), r.clusterOf(), set.groups());
            double cpu = (processCpu() - c0) / 1e9;
            out.printf("%-16s %8d %8.2fs %8.2fs %10d %4d %7.4f %11.1f%n", set.name(), set.ids().size(), secs, cpu,
                    r.comparisons(), s.fp(), s.sensitivity(), cpu * 1e6 / set.ids().size());
            if (explain) {
                explainFalseMerges(out, set, r);
            }
            out.flush();
        }
    }

    /** CPU time of the whole process (all threads), in nanoseconds; -1 when the JVM cannot tell. */
    static long processCpu() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static void explainFalseMerges(PrintWriter out, GoldSet set, DedupResult r) {
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < set.groups().size(); g++) {
            for (String id : set.groups().get(g)) {
                groupOf.put(id, g);
            }
        }
        for (List<Integer> cluster : r.clusters()) {
            java.util.Set<Object> truth = new java.util.HashSet<>();
            for (int i : cluster) {
                String id = set.ids().get(i);
                truth.add(groupOf.containsKey(id) ? groupOf.get(id) : id);
            }
            if (truth.size() > 1) {
                out.println("FALSE MERGE:");
                for (int i : cluster) {
                    var l = r.linkOf()[i];
                    out.println("  " + set.ids().get(i) + " | " + set.records().get(i) + " | " + set.records().get(i).authors()
                            + " | " + set.records().get(i).volume() + " " + set.records().get(i).pages() + " | "
                            + (l == null ? "" : l.judgement().evidence()));
                }
            }
        }
    }

    /** Explains the misses and false merges of one set (for tuning the rules). */
    public static void explain(PrintWriter out, GoldSet set, SetResult r) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < set.ids().size(); i++) {
            index.put(set.ids().get(i), i);
        }
        Map<String, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < set.groups().size(); g++) {
            for (String id : set.groups().get(g)) {
                groupOf.put(id, g);
            }
        }
        int[] c = r.result().clusterOf();
        for (List<Integer> cluster : r.result().clusters()) {
            Integer g0 = null;
            boolean mixed = false;
            for (int i : cluster) {
                Integer g = groupOf.get(set.ids().get(i));
                if (g == null || g0 != null && !g0.equals(g)) {
                    mixed = cluster.size() > 1;
                }
                g0 = g;
            }
            if (mixed) {
                out.println("FALSE MERGE:");
                for (int i : cluster) {
                    var l = r.result().linkOf()[i];
                    out.println("  " + set.ids().get(i) + " gold " + groupOf.get(set.ids().get(i)) + " | "
                            + set.records().get(i) + " | " + (l == null ? "" : l.judgement().evidence()));
                }
            }
        }
        for (List<String> group : set.groups()) {
            java.util.Set<Integer> clusters = new java.util.TreeSet<>();
            for (String id : group) {
                if (index.containsKey(id)) {
                    clusters.add(c[index.get(id)]);
                }
            }
            if (clusters.size() > 1) {
                out.println("MISSED:");
                for (String id : group) {
                    var rec = set.records().get(index.get(id));
                    out.println("  " + id + " c" + c[index.get(id)] + " | " + rec.year() + " | " + rec.authors() + " | "
                            + rec.title() + " | " + rec.journal() + " | " + rec.volume() + "(" + rec.issue() + ") "
                            + rec.pages());
                }
            }
        }
    }
}
