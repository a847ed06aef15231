package dev.winnow.cli;

import dev.winnow.bench.Conformance;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow bench …}: the measurements of BENCHMARKS.md, each a subcommand. */
@Command(name = "bench", description = "Run a benchmark and print its figures (see BENCHMARKS.md).",
        subcommands = {BenchCommand.ConformanceBench.class, BenchCommand.WebBenchCommand.class})
public final class BenchCommand {

    @Command(name = "conformance",
            description = "Import conformance against JabRef's importer fixtures: per format, how many expected "
                    + "field values (title, authors, year, DOI, journal, volume, issue, pages, abstract) Winnow reads the same.")
    static final class ConformanceBench implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
                description = "JabRef's importer fixture folder (default: $WINNOW_SHARED_DATA or ../shared/data, then "
                        + Conformance.FIXTURES + ").")
        Path dir;

        @Option(names = "--disagreements", description = "List every value that differs.")
        boolean disagreements;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Conformance.Report report = Conformance.run(dir == null ? Conformance.defaultFolder() : dir);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(report));
                return Cli.OK;
            }
            out.print(Conformance.table(report));
            for (Conformance.FormatResult f : report.formats()) {
                f.errors().forEach(e -> out.println("error: " + e));
                if (disagreements) {
                    f.disagreements().forEach(d -> out.println(f.label() + ": " + d));
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "web",
            description = "Web screening under load: N reviewers at once on a fresh SQLite file over loopback; "
                    + "throughput and p50/p90/p99 latency of 'post decision -> next record' (goal: p99 < 50 ms).")
    static final class WebBenchCommand implements Callable<Integer> {
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
}
