package dev.winnow.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench load}: the team-server load test (issue 11), see {@link dev.winnow.bench.TeamLoad}. */
@Command(name = "load",
        description = "Team-server load: N reviewers screening at once through the web application (loopback), "
                + "against SQLite and/or PostgreSQL, with one or two instances; checks stored = acknowledged.")
final class LoadBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--reviewers", defaultValue = "50", description = "Concurrent reviewers (default 50).")
    int reviewers;

    @Option(names = "--decisions", defaultValue = "40", description = "Decisions per reviewer (default 40).")
    int decisions;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "A PostgreSQL JDBC URL of an empty database/schema to test (default: $WINNOW_TEST_PG when set).")
    String postgres;

    @Option(names = "--instances", defaultValue = "2", description = "Instances sharing PostgreSQL (default 2).")
    int instances;

    @Option(names = "--seconds", defaultValue = "300", description = "Stop after this long (default 300).")
    int seconds;

    @Option(names = "--think-ms", defaultValue = "0", description = "Time each reviewer reads a record before "
            + "deciding (uniformly 0.5–1.5×; default 0: a closed loop, every reviewer posting back to back).")
    long thinkMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<dev.winnow.bench.TeamLoad.Result> results = new java.util.ArrayList<>();
        Path dir = java.nio.file.Files.createTempDirectory("winnow-load");
        results.add(dev.winnow.bench.TeamLoad.run("jdbc:sqlite:" + dir.resolve("load.db"), 1, reviewers, decisions,
                java.time.Duration.ofSeconds(seconds), 1, thinkMillis));
        out.println(results.get(0).line());
        out.flush();
        String pg = postgres != null ? postgres : System.getenv("WINNOW_TEST_PG");
        if (pg != null && !pg.isBlank()) {
            String schema = "load_" + Long.toHexString(System.nanoTime());
            String url = pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            for (int n : java.util.List.copyOf(new java.util.TreeSet<>(java.util.List.of(1, instances)))) {
                String u = url + "_" + n;
                results.add(dev.winnow.bench.TeamLoad.run(u, n, reviewers, decisions,
                        java.time.Duration.ofSeconds(seconds), 1, thinkMillis));
                out.println(results.get(results.size() - 1).line());
                out.flush();
            }
        } else {
            out.println("postgresql skipped: give --postgres URL or set WINNOW_TEST_PG");
        }
        out.println("goal: p99 < 50 ms for 50 reviewers on PostgreSQL; 0 lost, 0 duplicated decisions");
        return results.stream().allMatch(dev.winnow.bench.TeamLoad.Result::ok) ? Cli.OK : Cli.BAD_INPUT;
    }
}
