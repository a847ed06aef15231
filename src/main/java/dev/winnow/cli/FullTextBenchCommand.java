package dev.winnow.cli;

import dev.winnow.bench.FullTextBench;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow bench fulltext}: what a full-text screening request costs, see {@link FullTextBench}. */
@Command(name = "fulltext",
        description = "Full-text screening requests after a blinded, finished title/abstract stage, on a fresh SQLite "
                + "file with synthetic records: p50 of the title/abstract outcomes, full-text peek and next, and "
                + "p50/p95 of 'decide -> next record'.")
final class FullTextBenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--sizes", split = ",", defaultValue = "1000,4000", paramLabel = "N,N",
            description = "Project sizes in study records (default 1000,4000).")
    List<Integer> sizes;

    @Option(names = "--requests", defaultValue = "30", paramLabel = "N",
            description = "Timed calls of each kind (default 30).")
    int requests;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (sizes.stream().anyMatch(n -> n < 100 || n > 100_000) || requests < 1 || requests > 1000) {
            throw new dev.winnow.UserError("bench fulltext: --sizes 100..100000 each, --requests 1..1000");
        }
        List<FullTextBench.Result> results = FullTextBench.run(sizes, requests);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(results));
            return Cli.OK;
        }
        out.printf("%8s %10s %8s %9s %13s %9s %9s %12s %12s %10s%n", "studies", "TA decided", "at FT", "seed s",
                "TA outcomes", "FT peek", "FT next", "decide p50", "decide p95", "max");
        for (FullTextBench.Result r : results) {
            out.printf(Locale.ROOT, "%8d %10d %8d %9.1f %10.1f ms %6.1f ms %6.1f ms %9.1f ms %9.1f ms %7.1f ms%n",
                    r.studies(), r.titleAbstractDecisions(), r.fullTextRecords(), r.seedSeconds(), r.outcomesP50(),
                    r.peekP50(), r.nextP50(), r.decideP50(), r.decideP95(), r.decideMax());
        }
        out.println("p50 of " + requests + " calls each; decide: 'decide -> next record' at full text (the screening "
                + "page's one request per record), over " + results.get(0).decided() + " records.");
        return Cli.OK;
    }
}
