package dev.winnow.cli;

import dev.winnow.bench.DedupBench;
import dev.winnow.bench.GoldSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench dedup}: deduplication gold sets and the scale benchmark (docs/dedup.md). */
@Command(name = "dedup", description = "Deduplication: gold sets (TP/FP/FN/TN, sensitivity, FP rate, time) "
        + "next to bib-dedupe's published figures, then the scale benchmark.")
public final class DedupBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "The shared data folder (default ../shared/data).")
    Path data;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs per set; the median is printed.")
    int runs;

    @Option(names = "--explain", description = "Print every missed duplicate and false merge.")
    boolean explain;

    @Option(names = "--scale", split = ",", paramLabel = "N,N,…", defaultValue = "10000,25000,50000,100000",
            description = "Sizes of the generated scale sets (default 10000,25000,50000,100000); 0 skips the scale benchmark.")
    int[] scale;

    @Option(names = "--no-holdout", description = "Skip the leave-one-set-out figures.")
    boolean noHoldOut;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the scale generator.")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DedupBench.printHeader(out);
        java.util.List<DedupBench.Scored> sets = DedupBench.allSets(data);
        if (sets.isEmpty()) {
            throw new dev.winnow.UserError("no gold sets under " + data.resolve("bib-dedupe/data") + " (pass --data DIR)");
        }
        for (DedupBench.Scored set : sets) {
            DedupBench.SetResult r = DedupBench.run(set, runs, dev.winnow.dedup.Tuning.DEFAULT);
            DedupBench.print(out, r);
            if (explain && set.flags() == null) {
                DedupBench.explain(out, set.set(), r);
            } else if (explain) {
                DedupBench.explainFlagged(out, set, r);
            }
            out.flush();
        }
        DedupBench.citeSourceChain(out, data, explain);
        if (!noHoldOut) {
            DedupBench.leaveOneSetOut(out, sets);
            out.flush();
        }
        if (scale.length > 0 && scale[0] > 0) {
            DedupBench.scale(out, sets.stream().filter(x -> x.flags() == null).map(DedupBench.Scored::set).toList(), scale, seed, explain);
        }
        return Cli.OK;
    }
}
