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

/** {@code winnow bench NAME}: the benchmarks of BENCHMARKS.md, each a subcommand. */
@Command(name = "bench", description = "Run a benchmark (see BENCHMARKS.md and docs/).",
        subcommands = {BenchCommand.Dedup.class})
public final class BenchCommand {

    @Command(name = "dedup", description = "Deduplication: gold sets (TP/FP/FN/TN, sensitivity, FP rate, time) "
            + "next to bib-dedupe's published figures, then the scale benchmark.")
    static final class Dedup implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "../shared/data",
                description = "The shared data folder (default ../shared/data).")
        Path data;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per set; the median is printed.")
        int runs;

        @Option(names = "--explain", description = "Print every missed duplicate and false merge.")
        boolean explain;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DedupBench.printHeader(out);
            for (GoldSet set : DedupBench.bibDedupeSets(data)) {
                DedupBench.SetResult r = DedupBench.run(set, runs);
                DedupBench.print(out, r);
                if (explain) {
                    DedupBench.explain(out, set, r);
                }
                out.flush();
            }
            return Cli.OK;
        }
    }
}
