package dev.winnow.bench;

import dev.winnow.rank.RankModel;
import dev.winnow.rank.Trainer;
import dev.winnow.rank.features.SparseVector;
import dev.winnow.rank.features.TfIdf;
import dev.winnow.rank.models.Scorer;
import dev.winnow.rank.simulate.LabelledDataset;
import dev.winnow.rank.simulate.Metrics;
import dev.winnow.rank.simulate.Priors;
import dev.winnow.rank.simulate.RecallCurveSvg;
import dev.winnow.rank.simulate.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code winnow bench rank}: the dev datasets × the anchor's prior pairs, next to ELAS u4's
 * figures (ANCHORS.md); recall curves; the stopping rule's record; and step latency.
 */
public final class RankBenchmark {
    private final Path root;
    private final PrintWriter out;

    public RankBenchmark(Path datasetsRoot, PrintWriter out) {
        this.root = datasetsRoot;
        this.out = out;
    }

    /** One dataset's runs of one model. */
    public record DatasetRuns(ElasU4Anchor anchor, RankModel model, List<Simulation.Result> runs) {
        double mean(java.util.function.ToDoubleFunction<Metrics> f) {
            return runs.stream().mapToDouble(r -> f.applyAsDouble(r.metrics())).average().orElse(Double.NaN);
        }

        double seconds() {
            return runs.stream().mapToDouble(Simulation.Result::seconds).average().orElse(Double.NaN);
        }
    }

    /** Runs every (dataset, seed, model) on {@code threads} threads; results grouped per model and dataset. */
    public Map<RankModel, List<DatasetRuns>> sweep(List<ElasU4Anchor> datasets, List<Integer> seeds,
                                                   List<RankModel> models, int threads) {
        Map<String, LabelledDataset> data = new LinkedHashMap<>();
        for (ElasU4Anchor a : datasets) {
            data.put(a.dataset(), LabelledDataset.read(root.resolve(a.path())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<RankModel, List<DatasetRuns>> out = new LinkedHashMap<>();
            // largest datasets first, so the pool ends with short tasks
            List<ElasU4Anchor> bySize = new ArrayList<>(datasets);
            bySize.sort((x, y) -> Integer.compare(y.n(), x.n()));
            Map<String, List<Future<Simulation.Result>>> futures = new LinkedHashMap<>();
            for (RankModel m : models) {
                for (ElasU4Anchor a : bySize) {
                    for (int s : seeds) {
                        int[] p = a.priors()[s];
                        futures.computeIfAbsent(m.name() + "/" + a.dataset(), k -> new ArrayList<>())
                                .add(pool.submit(() -> Simulation.run(data.get(a.dataset()), m,
                                        new Priors(p[0], p[1]), true)));
                    }
                }
            }
            for (RankModel m : models) {
                List<DatasetRuns> list = new ArrayList<>();
                for (ElasU4Anchor a : datasets) {
                    List<Simulation.Result> runs = new ArrayList<>();
                    for (Future<Simulation.Result> f : futures.get(m.name() + "/" + a.dataset())) {
                        runs.add(f.get());
                    }
                    list.add(new DatasetRuns(a, m, runs));
                }
                out.put(m, list);
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("benchmark run failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A new default must reach this share of u4's median loss (issue 18's acceptance). */
    static final double BETTER_THAN_U4 = 0.9;

    /** Prints the comparison table of one model; returns its median loss. */
    public double printTable(RankModel model, List<DatasetRuns> rows) {
        out.printf(Locale.ROOT, "%nModel %s: %s%n", model.name(), model.description());
        out.printf(Locale.ROOT, "%-24s %5s %4s | %6s %6s | %6s %6s | %6s %6s | %7s %7s %8s | %7s %7s %6s%n",
                "dataset", "N", "R", "WSS95", "u4", "RRF10", "u4", "ATD", "u4", "loss", "u4", "delta",
                "s/sim", "u4 s", "x");
        List<Double> losses = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        String worstName = "";
        for (DatasetRuns d : rows) {
            ElasU4Anchor a = d.anchor();
            double loss = d.mean(Metrics::loss);
            double delta = loss - a.loss();
            losses.add(loss);
            if (delta > worst) {
                worst = delta;
                worstName = a.dataset();
            }
            out.printf(Locale.ROOT,
                    "%-24s %5d %4d | %6.3f %6.3f | %6.3f %6.3f | %6.3f %6.3f | %7.4f %7.4f %+8.4f | %7.2f %7.1f %6.1f%n",
                    a.dataset(), a.n(), a.r(), d.mean(Metrics::wss95), a.wss95(), d.mean(Metrics::rrf10), a.rrf10(),
                    d.mean(Metrics::atd), a.atd(), loss, a.loss(), delta, d.seconds(), a.secondsPerSimulation(),
                    a.secondsPerSimulation() / d.seconds());
        }
        double median = median(losses);
        // the anchor's figures have 4 decimals: compare at that precision
        double medianAtAnchorPrecision = Math.round(median * 1e4) / 1e4;
        boolean all = rows.size() == ElasU4Anchor.ALL.size();
        double better = Math.round(BETTER_THAN_U4 * ElasU4Anchor.MEDIAN_LOSS * 1e4) / 1e4;
        out.printf(Locale.ROOT, "median loss %.4f (u4 %.4f on all 15); worst delta %+.4f (%s)%n",
                median, ElasU4Anchor.MEDIAN_LOSS, worst, worstName);
        out.printf(Locale.ROOT, "  parity with u4 (median <= %.4f, no dataset worse by more than 0.01): %s%n",
                ElasU4Anchor.MEDIAN_LOSS, !all ? "n/a (subset of datasets)"
                        : medianAtAnchorPrecision <= ElasU4Anchor.MEDIAN_LOSS && worst <= 0.01 ? "PASS" : "FAIL");
        out.printf(Locale.ROOT, "  better than u4 (issue 18: median <= %.2f x u4 = %.4f, no dataset worse by more than 0.01): %s%n",
                BETTER_THAN_U4, better, !all ? "n/a (subset of datasets)"
                        : medianAtAnchorPrecision <= better && worst <= 0.01 ? "PASS" : "FAIL");
        return median;
    }

    /**
     * The protocol's selection (docs/rank.md, {@link ModelSelection}) among the models run, against
     * the anchor's u4 losses: each model's median loss ratio and worst delta on all datasets, the
     * selection, and leave-one-dataset-out held-out losses.
     */
    public void printSelection(Map<RankModel, List<DatasetRuns>> results) {
        List<DatasetRuns> first = results.values().iterator().next();
        List<String> names = first.stream().map(d -> d.anchor().dataset()).toList();
        double[] u4 = first.stream().mapToDouble(d -> d.anchor().loss()).toArray();
        Map<String, double[]> losses = new LinkedHashMap<>();
        results.forEach((m, rows) -> losses.put(m.name(), rows.stream().mapToDouble(d -> d.mean(Metrics::loss)).toArray()));
        printSelection(new ModelSelection(names, u4, losses));
    }

    /** Prints a selection's in-sample standings, its choice and the leave-one-dataset-out figures. */
    public void printSelection(ModelSelection s) {
        out.printf(Locale.ROOT, "%nSelection (docs/rank.md protocol: lowest median loss/u4 among configurations "
                + "never worse than u4 + %.2f)%n", ModelSelection.MAX_WORSE);
        out.printf(Locale.ROOT, "%-22s %12s %11s %-24s %12s%n", "configuration", "median ratio", "worst delta",
                "(on)", "median loss");
        for (ModelSelection.Standing st : s.inSample()) {
            out.printf(Locale.ROOT, "%-22s %12.4f %+11.4f %-24s %12.4f%s%n", st.config(), st.medianRatio(),
                    st.worstDelta(), st.worstDataset(), st.medianLoss(), st.qualifies() ? "" : "  (disqualified)");
        }
        String chosen = s.selectOnAll();
        out.printf(Locale.ROOT, "selected on all datasets: %s%n", chosen == null ? "none (elas-u4 stays)" : chosen);
        out.printf(Locale.ROOT, "Leave one dataset out (selected on the other datasets, loss on the held-out one):%n");
        List<Double> held = new ArrayList<>();
        double worst = Double.NEGATIVE_INFINITY;
        for (ModelSelection.HeldOut h : s.leaveOneOut()) {
            out.printf(Locale.ROOT, "  %-24s chosen %-16s loss %.4f  u4 %.4f  delta %+.4f%n", h.dataset(), h.chosen(),
                    h.loss(), h.u4Loss(), h.loss() - h.u4Loss());
            held.add(h.loss());
            worst = Math.max(worst, h.loss() - h.u4Loss());
        }
        out.printf(Locale.ROOT, "held-out median loss %.4f (u4 %.4f, ratio %.3f); held-out worst delta %+.4f%n",
                median(held), ElasU4Anchor.MEDIAN_LOSS, median(held) / ElasU4Anchor.MEDIAN_LOSS, worst);
    }

    /** The stopping rules' record over every run of a model. */
    public void printStopping(List<DatasetRuns> rows) {
        Map<String, List<Simulation.StopPoint>> byRule = new LinkedHashMap<>();
        for (DatasetRuns d : rows) {
            for (Simulation.Result r : d.runs()) {
                for (Simulation.StopPoint p : r.stops()) {
                    byRule.computeIfAbsent(p.rule(), k -> new ArrayList<>()).add(p);
                }
            }
        }
        out.printf(Locale.ROOT, "%nStopping (every run; a rule that never fires stops at the end, recall 1, saving 0)%n");
        for (Map.Entry<String, List<Simulation.StopPoint>> e : byRule.entrySet()) {
            List<Simulation.StopPoint> ps = e.getValue();
            long fired = ps.stream().filter(p -> p.screened() >= 0).count();
            long ok = ps.stream().filter(p -> p.recall() >= 0.95).count();
            double saved = ps.stream().mapToDouble(Simulation.StopPoint::workSaved).average().orElse(0);
            double minRecall = ps.stream().mapToDouble(Simulation.StopPoint::recall).min().orElse(1);
            out.printf(Locale.ROOT, "%-58s runs %3d  fired %3d  recall>=0.95 in %5.1f%%  min recall %.3f  "
                            + "mean work saved %5.1f%%%s%n",
                    e.getKey(), ps.size(), fired, 100.0 * ok / ps.size(), minRecall, 100 * saved,
                    ps.get(0).heuristic() ? "  [heuristic]" : "");
        }
    }

    /** One SVG per dataset: each run's recall curve. */
    public void writeCurves(RankModel model, List<DatasetRuns> rows, Path dir) {
        try {
            Files.createDirectories(dir);
            for (DatasetRuns d : rows) {
                List<RecallCurveSvg.Curve> curves = new ArrayList<>();
                for (Simulation.Result r : d.runs()) {
                    boolean[] labels = Metrics.labelsInOrder(r.order(), relevantOf(d, r));
                    curves.add(new RecallCurveSvg.Curve(String.format(Locale.ROOT, "priors %d,%d: loss %.3f",
                            r.priors().relevant(), r.priors().irrelevant(), r.metrics().loss()), labels));
                }
                String title = d.anchor().dataset() + " — " + model.name() + " (u4 loss " + d.anchor().loss() + ")";
                Files.writeString(dir.resolve(d.anchor().dataset() + "-" + model.name() + ".svg"),
                        RecallCurveSvg.render(title, curves));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Map<String, boolean[]> labelCache = new java.util.concurrent.ConcurrentHashMap<>();

    private boolean[] relevantOf(DatasetRuns d, Simulation.Result r) {
        return labelCache.computeIfAbsent(d.anchor().dataset(),
                k -> LabelledDataset.read(root.resolve(d.anchor().path())).relevant());
    }

    /**
     * Step latency on a synthetic project of {@code size} records (dev records replicated, each copy
     * with ~15% of its words dropped and a copy-specific token added): after {@code warm} labels,
     * times {@code steps} steps of label → retrain → rescore every unlabelled record → pick next.
     */
    public void printSpeed(RankModel model, List<ElasU4Anchor> datasets, int size, int warm, int steps) {
        List<String> texts = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        for (ElasU4Anchor a : datasets) {
            LabelledDataset d = LabelledDataset.read(root.resolve(a.path()));
            for (int i = 0; i < d.size(); i++) {
                texts.add(d.texts(model.titleCopies()).get(i));
                labels.add(d.relevant()[i]);
            }
        }
        SplittableRandom rng = new SplittableRandom(size);
        List<String> docs = new ArrayList<>(size);
        boolean[] relevant = new boolean[size];
        for (int i = 0; i < size; i++) {
            int src = i % texts.size();
            docs.add(perturb(texts.get(src), i / texts.size(), rng));
            relevant[i] = labels.get(src);
        }
        long t0 = System.nanoTime();
        TfIdf tfidf = new TfIdf(model.features());
        tfidf.addAll(docs);
        List<SparseVector> rows = tfidf.rows();
        int dim = tfidf.dimension();
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        Priors priors = Priors.fromSeed(relevant, 0);
        int[] order = new int[size];
        boolean[] seq = new boolean[size];
        boolean[] done = new boolean[size];
        order[0] = priors.relevant();
        order[1] = priors.irrelevant();
        seq[0] = true;
        done[priors.relevant()] = true;
        done[priors.irrelevant()] = true;
        int count = 2;
        Scorer m = null;
        double[] times = new double[steps];
        double[] trainTimes = new double[steps];
        double[] scores = new double[size];
        int[] cand = new int[size];
        for (int step = 0; step < warm + steps; step++) {
            long s0 = System.nanoTime();
            m = Trainer.train(model, rows, dim, order, seq, count, m);
            long s1 = System.nanoTime();
            int left = 0;
            for (int i = 0; i < size; i++) {
                if (!done[i]) {
                    cand[left++] = i;
                }
            }
            m.scoreAll(rows, cand, left, scores);
            int pick = cand[model.querier().pick(Arrays.copyOf(scores, left), rng)];
            done[pick] = true;
            order[count] = pick;
            seq[count] = relevant[pick];
            count++;
            if (step >= warm) {
                times[step - warm] = (System.nanoTime() - s0) / 1e6;
                trainTimes[step - warm] = (s1 - s0) / 1e6;
            }
        }
        Arrays.sort(times);
        Arrays.sort(trainTimes);
        out.printf(Locale.ROOT, "%-6d records (%d features, built in %.1f s): step after %d labels: "
                        + "p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d steps; of which retrain p50 %.1f ms, p95 %.1f ms)%n",
                size, dim, buildSeconds, warm, times[steps / 2], times[(int) Math.ceil(steps * 0.95) - 1],
                times[steps - 1], steps, trainTimes[steps / 2], trainTimes[(int) Math.ceil(steps * 0.95) - 1]);
    }

    /** "load average L on N cores": timings taken while other processes run are slower than the code. */
    public static String machineLoad() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "load average %.1f on %d cores", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
    }

    private static String perturb(String text, int copy, SplittableRandom rng) {
        if (copy == 0) {
            return text;
        }
        String[] words = text.split(" ");
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (String w : words) {
            if (rng.nextDouble() >= 0.15) {
                b.append(w).append(' ');
            }
        }
        return b.append("copy").append(copy).toString();
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
