package dev.winnow.bench;

import dev.winnow.dedup.DedupResult;
import dev.winnow.dedup.Deduplicator;
import dev.winnow.dedup.Tuning;
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
        /** Open "maybe" pairs as a share of the records. */
        public double maybeShare() {
            return records == 0 ? 0 : (double) result.maybes().size() / records;
        }
    }

    /**
     * A gold set with how it is scored: by gold groups (bib-dedupe) or, when {@code flags} is not
     * null, by per-record duplicate flags (dedupe-sweep's EndNote libraries).
     */
    public record Scored(GoldSet set, java.util.Set<String> flags) {
        public String name() {
            return flags == null ? set.name() : set.name() + " (flags)";
        }

        /** Sets that hold the same records (respiratory is in both collections) share a family, left out together. */
        String family() {
            return set.name();
        }

        DedupScore score(int[] clusterOf) {
            return flags == null ? DedupScore.score(set.ids(), clusterOf, set.groups())
                    : DedupScore.flags(set.ids(), clusterOf, flags);
        }
    }

    private record Timed(DedupResult result, double seconds) {
    }

    /** Deduplicates a set {@code runs} times; the last result and the median time. */
    private static Timed timed(GoldSet set, int runs, Tuning tuning) {
        double[] times = new double[Math.max(1, runs)];
        DedupResult result = null;
        for (int r = 0; r < times.length; r++) {
            long t0 = System.nanoTime();
            result = Deduplicator.run(set.records(), null, tuning);
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(times);
        return new Timed(result, times[times.length / 2]);
    }

    /** Deduplicates one gold set and scores it (time = deduplication only, median of {@code runs}). */
    public static SetResult run(GoldSet set, int runs) {
        return run(new Scored(set, null), runs, Tuning.DEFAULT);
    }

    /** Deduplicates one scored set with the given tuning and scores it. */
    public static SetResult run(Scored set, int runs, Tuning tuning) {
        Timed timed = timed(set.set(), runs, tuning);
        DedupResult result = timed.result();
        return new SetResult(set.name(), set.set().ids().size(), set.score(result.clusterOf()), timed.seconds(), result);
    }

    /** Every gold set under {@code dataRoot}: bib-dedupe's, then dedupe-sweep's flagged EndNote libraries. */
    public static List<Scored> allSets(Path dataRoot) {
        List<Scored> out = new ArrayList<>();
        for (GoldSet g : bibDedupeSets(dataRoot)) {
            out.add(new Scored(g, null));
        }
        for (Path file : endnoteSets(dataRoot)) {
            java.util.Set<String> flagged = new java.util.HashSet<>();
            out.add(new Scored(GoldSet.endnoteFlags(file, flagged), flagged));
        }
        return out;
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

    /** Prints every record of a flagged set that was merged though not flagged (a certain false merge). */
    public static void explainFlagged(PrintWriter explain, Scored set, SetResult r) {
        GoldSet g = set.set();
        for (int i = 0; i < g.ids().size(); i++) {
            var link = r.result().linkOf()[i];
            if (!set.flags().contains(g.ids().get(i)) && link != null) {
                explain.println("UNFLAGGED BUT MERGED: " + g.records().get(i) + " | " + g.records().get(i).pages()
                        + " ~ " + g.records().get(link.other()) + " | " + g.records().get(link.other()).pages()
                        + " | " + link.judgement().evidence());
            }
        }
    }

    public static void printHeader(PrintWriter out) {
        out.printf("%-20s %6s %5s %3s %4s %5s %7s %8s %6s %6s %8s   %-10s %s%n", "set", "n", "TP", "FP", "FN", "TN",
                "sens", "FP-rate", "maybe", "%rec", "time", "bib-dedupe", "sens / time");
    }

    public static void print(PrintWriter out, SetResult r) {
        double[] pub = PUBLISHED.get(r.name());
        DedupScore s = r.score();
        out.printf("%-20s %6d %5d %3d %4d %5d %7.4f %8.5f %6d %5.1f%% %7.3fs   %-10s %s%n", r.name(), r.records(), s.tp(),
                s.fp(), s.fn(), s.tn(), s.sensitivity(), s.fpRate(), r.result().maybes().size(), 100 * r.maybeShare(),
                r.seconds(), pub == null ? "-" : "FP 0", pub == null ? "-" : String.format("%.4f / %.0f s", pub[0], pub[1]));
    }

    /**
     * CiteSource's review chain (no gold groups): its database searches, the 128 records that passed
     * screening and the 24 included, deduplicated together. Every screened record came from a search
     * and every included one from the screened, so each should share a cluster with a record of the
     * earlier stage ("found"); a cluster holding two records of one search export is printed as a
     * suspect (one database rarely lists an item twice). Prints nothing when the folder is absent.
     */
    public static void citeSourceChain(PrintWriter out, Path dataRoot, boolean explain) {
        Path dir = dataRoot.resolve("citesource/vignettes/new_stage_data");
        List<String> searches = List.of("Dimensions_246.ris", "econlit_3.ris", "envindex_100.ris", "lens_343.ris",
                "medline_84.ris", "wos_278.ris");
        if (!Files.isRegularFile(dir.resolve("screened_128.ris")) || !Files.isRegularFile(dir.resolve("final_24.ris"))) {
            return;
        }
        List<dev.winnow.record.Record> records = new ArrayList<>();
        List<String> fileOf = new ArrayList<>();
        for (String f : new java.util.ArrayList<>(java.util.stream.Stream.concat(searches.stream(),
                java.util.stream.Stream.of("screened_128.ris", "final_24.ris")).toList())) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                continue;
            }
            for (var p : dev.winnow.ingest.Ingest.readAll(dir.resolve(f), null)) {
                records.add(p.record());
                fileOf.add(f);
            }
        }
        DedupResult r = Deduplicator.run(records);
        Map<Integer, java.util.Set<String>> filesIn = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            filesIn.computeIfAbsent(r.clusterOf()[i], c -> new java.util.HashSet<>()).add(fileOf.get(i));
        }
        int screened = 0;
        int screenedFound = 0;
        int included = 0;
        int includedFound = 0;
        for (int i = 0; i < records.size(); i++) {
            java.util.Set<String> files = filesIn.get(r.clusterOf()[i]);
            if (fileOf.get(i).equals("screened_128.ris")) {
                screened++;
                boolean found = files.stream().anyMatch(searches::contains);
                screenedFound += found ? 1 : 0;
                if (explain && !found) {
                    out.println("SCREENED, NOT FOUND IN A SEARCH: " + records.get(i) + " | " + records.get(i).doi());
                }
            } else if (fileOf.get(i).equals("final_24.ris")) {
                included++;
                includedFound += files.contains("screened_128.ris") ? 1 : 0;
            }
        }
        int suspects = 0;
        for (List<Integer> cluster : r.clusters()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i : cluster) {
                if (searches.contains(fileOf.get(i)) && !seen.add(fileOf.get(i))) {
                    suspects++;
                    if (explain) {
                        out.println("TWO RECORDS OF ONE SEARCH:");
                        for (int k : cluster) {
                            var l = r.linkOf()[k];
                            out.println("  " + fileOf.get(k) + " | " + records.get(k) + " | " + records.get(k).doi() + " "
                                    + records.get(k).volume() + " " + records.get(k).pages() + " | "
                                    + (l == null ? "" : l.judgement().rule()));
                        }
                    }
                    break;
                }
            }
        }
        out.printf("%ncitesource chain (no gold groups) %d records, %d clusters, maybe %d (%.1f%%); screened found in "
                        + "searches %d/%d; included found in screened %d/%d; clusters with two records of one search %d%n",
                records.size(), r.clusterCount(), r.maybes().size(), 100.0 * r.maybes().size() / records.size(),
                screenedFound, screened, includedFound, included, suspects);
    }

    /** Values of {@link Tuning#titleAgrees} the leave-one-set-out fit chooses from. */
    static final double[] GRID = {0.80, 0.85, 0.88, 0.90, 0.93, 0.95};

    /**
     * Leave-one-set-out: the fitted threshold ({@link Tuning}) is chosen on all sets but one (the
     * lowest value with no false merge on them, i.e. the most sensitive safe one) and applied to the
     * one left out; printed next to the in-sample fit (all sets) and the shipped default. Sets of one
     * family (the same records scored two ways) are left out together.
     */
    public static void leaveOneSetOut(PrintWriter out, List<Scored> sets) {
        DedupScore[][] scores = new DedupScore[GRID.length][sets.size()];
        for (int t = 0; t < GRID.length; t++) {
            Tuning tuning = new Tuning(GRID[t]);
            for (int s = 0; s < sets.size(); s++) {
                scores[t][s] = sets.get(s).score(Deduplicator.run(sets.get(s).set().records(), null, tuning).clusterOf());
            }
        }
        int inSample = fit(scores, sets, null);
        out.printf("%nleave-one-set-out (fitted: titleAgrees, grid %s; default %.2f; in-sample fit on all sets: %.2f)%n",
                java.util.Arrays.toString(GRID), Tuning.DEFAULT.titleAgrees(), GRID[inSample]);
        out.printf("%-20s %10s %3s %7s   %10s %3s %7s   %3s %7s%n", "set", "held-out t", "FP", "sens", "in-sample t", "FP",
                "sens", "FP", "default");
        int def = -1;
        for (int t = 0; t < GRID.length; t++) {
            if (GRID[t] == Tuning.DEFAULT.titleAgrees()) {
                def = t;
            }
        }
        for (int s = 0; s < sets.size(); s++) {
            int held = fit(scores, sets, sets.get(s).family());
            DedupScore h = scores[held][s];
            DedupScore in = scores[inSample][s];
            out.printf("%-20s %10.2f %3d %7.4f   %10.2f %3d %7.4f   %3s %7s%n", sets.get(s).name(), GRID[held], h.fp(),
                    h.sensitivity(), GRID[inSample], in.fp(), in.sensitivity(),
                    def < 0 ? "-" : String.valueOf(scores[def][s].fp()),
                    def < 0 ? "-" : String.format("%.4f", scores[def][s].sensitivity()));
        }
    }

    /** The grid index with no false merge on the training sets and the most true positives (ties: the stricter). */
    private static int fit(DedupScore[][] scores, List<Scored> sets, String leftOut) {
        int best = GRID.length - 1;
        long bestTp = -1;
        for (int t = GRID.length - 1; t >= 0; t--) {
            long fp = 0;
            long tp = 0;
            for (int s = 0; s < sets.size(); s++) {
                if (!sets.get(s).family().equals(leftOut)) {
                    fp += scores[t][s].fp();
                    tp += scores[t][s].tp();
                }
            }
            if (fp == 0 && tp > bestTp) {
                best = t;
                bestTp = tp;
            }
        }
        return best;
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
