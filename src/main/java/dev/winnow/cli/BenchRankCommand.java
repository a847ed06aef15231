package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.bench.ElasU4Anchor;
import dev.winnow.bench.RankBenchmark;
import dev.winnow.rank.RankModel;
import dev.winnow.rank.RankModels;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench rank}: screening prioritisation against ELAS u4 (BENCHMARKS.md §1). */
@Command(name = "rank", description = "Simulate the dev datasets × the anchor's priors; compare with ELAS u4 "
        + "(ANCHORS.md); evaluate the stopping rule; time one screening step at 10k and 50k records.")
public final class BenchRankCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            defaultValue = "../shared/data/asreview-systematic-review-datasets",
            description = "The asreview-systematic-review-datasets folder. Default: ${DEFAULT-VALUE}.")
    Path data;

    @Option(names = "--datasets", split = ",", paramLabel = "NAME", description = "Only these datasets.")
    List<String> datasets;

    @Option(names = "--seeds", split = ",", paramLabel = "S", defaultValue = "0,1,2",
            description = "Anchor prior pairs to use (0-2). Default: ${DEFAULT-VALUE}.")
    List<Integer> seeds;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Models to run (default: the default model). 'all' runs every shipped model.")
    List<String> models;

    @Option(names = "--threads", defaultValue = "2", description = "Simulations run at once. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench-rank",
            description = "Folder for the recall-curve SVGs. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--speed-sizes", split = ",", defaultValue = "10000,50000",
            description = "Synthetic project sizes for the step latency. Default: ${DEFAULT-VALUE}.")
    List<Integer> speedSizes;

    @Option(names = "--no-speed", description = "Skip the step-latency measurement.")
    boolean noSpeed;

    @Option(names = "--no-sweep", description = "Skip the simulations (speed only).")
    boolean noSweep;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(data)) {
            throw new UserError(data + ": no such folder (the asreview-systematic-review-datasets checkout)");
        }
        List<ElasU4Anchor> sets = datasets == null ? ElasU4Anchor.ALL : datasets.stream()
                .map(n -> ElasU4Anchor.find(n).orElseThrow(() -> new UserError("unknown dev dataset '" + n + "'")))
                .toList();
        for (int s : seeds) {
            if (s < 0 || s > 2) {
                throw new UserError("--seeds: the anchor has prior pairs for seeds 0, 1 and 2 only, not " + s);
            }
        }
        List<RankModel> ms = models == null ? List.of(RankModels.DEFAULT)
                : models.size() == 1 && models.get(0).equals("all") ? RankModels.ALL
                : models.stream().map(RankModels::byName).toList();
        RankBenchmark bench = new RankBenchmark(data, out);
        if (!noSweep) {
            long t0 = System.nanoTime();
            Map<RankModel, List<RankBenchmark.DatasetRuns>> results = bench.sweep(sets, seeds, ms, threads);
            out.printf(Locale.ROOT, "Simulations: %d datasets x seeds %s, %d at once, %.0f s in all (%s)%n",
                    sets.size(), seeds, threads, (System.nanoTime() - t0) / 1e9, RankBenchmark.machineLoad());
            for (Map.Entry<RankModel, List<RankBenchmark.DatasetRuns>> e : results.entrySet()) {
                bench.printTable(e.getKey(), e.getValue());
                bench.printStopping(e.getValue());
                bench.writeCurves(e.getKey(), e.getValue(), outDir);
                out.flush();
            }
            out.println("Recall curves: " + outDir.toAbsolutePath());
            if (sets.size() == ElasU4Anchor.ALL.size()) {
                bench.printSelection(results);
            }
        }
        if (!noSpeed) {
            out.printf(Locale.ROOT, "%nStep latency, model %s (label -> retrain -> rescore all -> next; %s)%n",
                    ms.get(0).name(), RankBenchmark.machineLoad());
            for (int size : speedSizes) {
                bench.printSpeed(ms.get(0), ElasU4Anchor.ALL, size, 300, 100);
                out.flush();
            }
        }
        return Cli.OK;
    }
}
