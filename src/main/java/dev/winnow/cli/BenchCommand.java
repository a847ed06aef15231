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
        subcommands = {BenchCommand.ConformanceBench.class, DedupBenchCommand.class})
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
}
