package dev.winnow.cli;

import dev.winnow.bench.Conformance;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "import",
        description = "Import throughput (BENCHMARKS.md section 3): builds the reference input from the real exports "
                + "(313 MB, built once under target/bench unless --input says otherwise), then times parse only and "
                + "parse + store into a new SQLite database, against rispy's 8.2 s and the 15 s goal. "
                + "Run as WINNOW_JAVA_OPTS=-Xmx256m ./winnow bench import")
final class ImportBenchCommand implements Callable<Integer> {
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
        Path shared = data != null ? data : Conformance.sharedDataRoot();
        dev.winnow.bench.ImportBench.Result r = dev.winnow.bench.ImportBench.run(shared, input, runs, !noStore);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.pretty(r) + "\n" : dev.winnow.bench.ImportBench.table(r));
        return Cli.OK;
    }
}
