package dev.winnow.cli;

import dev.winnow.bench.TeamLoad;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench web}: screening throughput and latency over loopback on SQLite, see {@link TeamLoad}. */
@Command(name = "web",
        description = "Web screening under load: N reviewers at once on a fresh SQLite file over loopback; "
                + "throughput and p50/p99 latency of 'post decision -> next record' (goal: p99 < 50 ms).")
final class WebBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reviewers", defaultValue = "20", description = "Concurrent reviewers (default 20).")
    int reviewers;

    @Option(names = "--decisions", defaultValue = "50", description = "Decisions per reviewer (default 50).")
    int decisions;

    @Option(names = "--think-ms", defaultValue = "0", description = "Time each reviewer reads a record before "
            + "deciding (uniformly 0.5–1.5×; default 0: a closed loop, every reviewer posting back to back).")
    long thinkMillis;

    @Option(names = "--seconds", defaultValue = "120", description = "Time limit (default 120).")
    int seconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (reviewers < 1 || reviewers > 200 || decisions < 1 || decisions > 10_000 || seconds < 1 || seconds > 3600
                || thinkMillis < 0 || thinkMillis > 60_000) {
            throw new dev.winnow.UserError("bench web: --reviewers 1..200, --decisions 1..10000, --seconds 1..3600, "
                    + "--think-ms 0..60000");
        }
        Path dir = Files.createTempDirectory("winnow-bench-web");
        TeamLoad.Result r = TeamLoad.run("jdbc:sqlite:" + dir.resolve("bench.db"), 1, reviewers, decisions,
                Duration.ofSeconds(seconds), 1, thinkMillis);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(r));
        } else {
            out.println(r.line());
            out.printf("post decision -> next record: goal p99 < 50 ms: %s%n", r.p99Millis() < 50 ? "met" : "NOT met");
        }
        return r.ok() ? Cli.OK : Cli.BAD_INPUT;
    }
}
