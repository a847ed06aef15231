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
        subcommands = {BenchCommand.ConformanceBench.class, BenchCommand.ImportBenchCommand.class})
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

    @Command(name = "import",
            description = "Import throughput (BENCHMARKS.md section 3): builds the reference input from the real exports "
                    + "(about 313 MB, under target/bench unless --input says otherwise), then times parse only and "
                    + "parse + store into a new SQLite database, against rispy's 8.2 s. "
                    + "Run as WINNOW_JAVA_OPTS=-Xmx256m ./winnow bench import")
    static final class ImportBenchCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR",
                description = "The shared data folder (default: $WINNOW_SHARED_DATA, else ../shared/data).")
        Path data;

        @Option(names = "--input", paramLabel = "FILE", defaultValue = "target/bench/import-reference.ris",
                description = "Where the reference input is built (default target/bench/import-reference.ris; "
                        + "never inside the sources).")
        Path input;

        @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "Parse-only runs (median reported).")
        int runs;

        @Option(names = "--no-store", description = "Skip the parse + store run.")
        boolean noStore;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (runs < 0 || runs > 50) {
                throw new dev.winnow.UserError("--runs must be between 0 and 50");
            }
            Path shared = data != null ? data : Path.of(System.getenv().getOrDefault("WINNOW_SHARED_DATA", "../shared/data"));
            Path work = input.toAbsolutePath().getParent();
            dev.winnow.bench.ImportBench.Result r = dev.winnow.bench.ImportBench.run(shared, input, work, runs, !noStore);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.pretty(r) + "\n" : dev.winnow.bench.ImportBench.table(r));
            return Cli.OK;
        }
    }
}
