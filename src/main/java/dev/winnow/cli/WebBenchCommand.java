package dev.winnow.cli;

import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench web}: screening throughput and latency over loopback, see {@link dev.winnow.bench.WebBench}. */
@Command(name = "web",
        description = "Web screening under load: N reviewers at once on a fresh SQLite file over loopback; "
                + "throughput and p50/p90/p99 latency of 'post decision -> next record' (goal: p99 < 50 ms).")
final class WebBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reviewers", defaultValue = "20", description = "Concurrent reviewers (default 20).")
    int reviewers;

    @Option(names = "--records", defaultValue = "2000", description = "Synthetic records to screen (default 2000).")
    int records;

    @Option(names = "--decisions", defaultValue = "50", description = "Decisions per reviewer (default 50).")
    int decisions;

    @Option(names = "--seconds", defaultValue = "120", description = "Time limit (default 120).")
    int seconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (reviewers < 1 || reviewers > 200 || records < 1 || records > 100_000 || decisions < 1
                || decisions > 10_000 || seconds < 1 || seconds > 3600) {
            throw new dev.winnow.UserError("bench web: --reviewers 1..200, --records 1..100000, "
                    + "--decisions 1..10000, --seconds 1..3600");
        }
        var r = dev.winnow.bench.WebBench.run(reviewers, records, decisions, seconds);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.printf("web screening, %d reviewers, %d records, %s: %d decisions in %.1f s = %.1f decisions/s%n",
                    r.reviewers(), r.records(), r.database(), r.decisions(), r.seconds(), r.perSecond());
            out.printf("post decision -> next record: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
                    + "errors %d; goal p99 < 50 ms: %s%n", r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), r.errors(),
                    r.p99Ms() < 50 ? "met" : "NOT met");
        }
        return Cli.OK;
    }
}
