package dev.winnow.cli;

import dev.winnow.bench.Conformance;
import dev.winnow.bench.DocumentedConformance;
import dev.winnow.bench.ParseBench;
import dev.winnow.ingest.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow bench …}: the measurements of BENCHMARKS.md, each a subcommand. */
@Command(name = "bench", description = "Run a benchmark and print its figures (see BENCHMARKS.md).",
        subcommands = {BenchCommand.ConformanceBench.class, BenchCommand.ParseBenchCommand.class, BenchRankCommand.class, WebBenchCommand.class, LoadBenchCommand.class, DedupBenchCommand.class, ImportBenchCommand.class, QueueBenchCommand.class,
                FullTextBenchCommand.class})
public final class BenchCommand {

    @Command(name = "conformance",
            description = "Import conformance against JabRef's importer fixtures: per format, how many expected "
                    + "field values (title, authors, year, DOI, journal, volume, issue, pages, abstract) Winnow reads the same; "
                    + "then the same for small files written from the public documentation of other formats.")
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
            print(report, out);
            out.println();
            out.println("Files written from the formats' public documentation (EndNote tagged, PubMed CSV, WoS BibTeX, "
                    + "broken and mis-encoded files), read as an import reads them:");
            print(DocumentedConformance.run(), out);
            return Cli.OK;
        }

        private void print(Conformance.Report report, PrintWriter out) {
            out.print(Conformance.table(report));
            for (Conformance.FormatResult f : report.formats()) {
                f.errors().forEach(e -> out.println("error: " + e));
                if (disagreements) {
                    f.disagreements().forEach(d -> out.println(f.label() + ": " + d));
                }
            }
        }
    }

    @Command(name = "parse",
            description = "Parse-only throughput (BENCHMARKS.md section 3): builds the reference input (100,577 RIS records, "
                    + "313 MB) from the shared data unless FILE is given, parses it --runs times and prints records/s, MB/s, "
                    + "CPU and wall seconds (medians), peak heap and the ratio to rispy's 8.2 s. Run with -Xmx256m.")
    static final class ParseBenchCommand implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The file to parse (default: build the reference input).")
        Path file;

        @Option(names = "--runs", defaultValue = "5", description = "Timed passes after one warm-up (default 5).")
        int runs;

        @Option(names = "--from", description = "Force a format instead of detecting it.")
        String from;

        @Option(names = "--data", description = "The shared data folder (default: $WINNOW_SHARED_DATA or ../shared/data).")
        Path data;

        @Option(names = "--keep", description = "Where to write the reference input (default: a temporary file, deleted after).")
        Path keep;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path input = file;
            boolean temporary = false;
            if (input == null) {
                Path shared = data != null ? data : Conformance.sharedDataRoot();
                input = keep != null ? keep : Files.createTempFile("winnow-reference", ".ris");
                temporary = keep == null;
                int n = ParseBench.writeReferenceInput(shared, input, 100_000);
                out.printf(Locale.ROOT, "reference input: %d records, %.0f MB (%s)%n", n, Files.size(input) / 1e6, input);
            }
            try {
                Format format = from == null ? null : Format.parse(from);
                ParseBench.parseOnce(input, format); // warm-up
                List<ParseBench.Run> all = new ArrayList<>();
                for (int i = 0; i < Math.max(1, runs); i++) {
                    all.add(ParseBench.parseOnce(input, format));
                }
                ParseBench.Run m = ParseBench.median(all);
                out.printf(Locale.ROOT, "records %d, %.0f MB; median of %d runs: cpu %.2f s, wall %.2f s%n",
                        m.records(), m.bytes() / 1e6, all.size(), m.cpuSeconds(), m.wallSeconds());
                out.printf(Locale.ROOT, "%.0f records/s, %.0f MB/s (cpu); peak heap %.0f MB of %.0f MB max%n",
                        m.recordsPerSecond(), m.megabytesPerSecond(), ParseBench.peakHeapMegabytes(),
                        Runtime.getRuntime().maxMemory() / 1e6);
                out.printf(Locale.ROOT, "vs rispy %.1f s: %.1fx (cpu), %.1fx (wall)%n", ParseBench.RISPY_SECONDS,
                        ParseBench.RISPY_SECONDS / m.cpuSeconds(), ParseBench.RISPY_SECONDS / m.wallSeconds());
                return Cli.OK;
            } finally {
                if (temporary) {
                    Files.deleteIfExists(input);
                }
            }
        }
    }
}
