package dev.winnow.cli;

import dev.winnow.bench.QueueBench;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench queue}: the cost of the background ranking refresh, see {@link QueueBench}. */
@Command(name = "queue",
        description = "The screening queue's ranking refresh on a fresh SQLite file with synthetic records: first "
                + "refresh, then p50/p95 of 'one decision -> refresh', and what each 'next record' pays to read it.")
final class QueueBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "5000,50000", paramLabel = "N,N",
            description = "Project sizes in study records (default 5000,50000).")
    List<Integer> sizes;

    @Option(names = "--labels", defaultValue = "300", paramLabel = "N",
            description = "Decisions made before the timed steps (default 300).")
    int labels;

    @Option(names = "--steps", defaultValue = "30", paramLabel = "N", description = "Timed refreshes (default 30).")
    int steps;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sizes.stream().anyMatch(n -> n < 100 || n > 200_000) || labels < 2 || steps < 1 || steps > 1000
                || sizes.stream().anyMatch(n -> labels + steps >= n)) {
            throw new dev.winnow.UserError("bench queue: --sizes 100..200000 each, --labels >= 2, --steps 1..1000, "
                    + "labels + steps below every size");
        }
        List<QueueBench.Result> results = QueueBench.run(sizes, labels, steps);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(results));
            return Cli.OK;
        }
        out.printf("%8s %8s %10s %10s %10s %10s %12s %14s %14s %10s%n", "records", "labels", "first ms",
                "p50 ms", "p95 ms", "max ms", "read-all ms", "next p50 us", "next p99 us", "relevant");
        for (QueueBench.Result r : results) {
            out.printf(java.util.Locale.ROOT, "%8d %8d %10.1f %10.1f %10.1f %10.1f %12.1f %14.2f %14.2f %6d/%-3d%n",
                    r.records(), r.seedLabels(), r.firstMs(), r.p50Ms(), r.p95Ms(), r.maxMs(), r.readAllMs(),
                    r.preferredP50Us(), r.preferredP99Us(), r.relevantInFirstSteps(), r.steps());
        }
        out.println("p50/p95/max: one decision -> refresh (read new texts, own decisions, resolutions; refit; rescore "
                + "all open records; stopping estimate). read-all: reading every study record once, as each refresh "
                + "did before. next: RankedQueues.preferred, what each 'next record' pays. relevant: relevant records "
                + "among the timed steps' picks (~" + results.get(0).relevantShare() + "% of records are relevant).");
        return Cli.OK;
    }
}
