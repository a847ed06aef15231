package dev.winnow.cli;

import dev.winnow.screen.DecisionImportService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow decisions import}: decisions made elsewhere, or a finished review's outcome. */
@Command(name = "decisions", description = "Import decisions made elsewhere.", subcommands = DecisionsCommand.Import.class)
public final class DecisionsCommand {

    @Command(name = "import", description = "Import a decisions CSV (doi/pmid/title + decision [+ reason, note]) or a "
            + "file of included records (RIS, …: the stage's other records become excluded).")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ScreeningOptions opts;

        @Option(names = "--outcome", description = "The file gives the stage's final outcome (recorded as resolutions), "
                + "not one reviewer's decisions.")
        boolean outcome;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
        Path file;

        @Override
        public Integer call() {
            ScreenCommand.requireReviewer(opts);
            try (Database db = Context.open(spec)) {
                DecisionImportService.Report r = new DecisionImportService(db).importFile(opts.project(db), opts.stage(),
                        opts.actor(), file, outcome);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.pretty(r));
                    return Cli.OK;
                }
                out.println(r.file() + ": " + r.rows() + " " + (r.kind().equals("included-records") ? "records" : "rows")
                        + ", " + r.matched() + " matched " + r.matchedBy() + ", " + r.unmatched().size() + " unmatched");
                out.println("recorded " + (r.outcome() ? "as the outcome" : "for " + opts.reviewer) + " at "
                        + r.stage().label() + ": " + r.included() + " included, " + r.excluded() + " excluded"
                        + (r.othersExcluded() > 0 ? " (" + r.othersExcluded() + " not in the file)" : "")
                        + (r.maybe() > 0 ? ", " + r.maybe() + " maybe" : ""));
                for (DecisionImportService.Unmatched u : r.sameStudy()) {
                    out.println("  " + (r.kind().equals("included-records") ? "record " : "line ") + u.line() + ": "
                            + u.record() + " — " + u.why());
                }
                for (DecisionImportService.Unmatched u : r.unmatched()) {
                    out.println("  unmatched " + (r.kind().equals("included-records") ? "record " : "line ") + u.line()
                            + ": " + u.record() + " — " + u.why());
                }
                if (!r.unmatched().isEmpty()) {
                    // rows find no study when the records they name are not deduplicated into studies yet
                    new dev.winnow.review.ReviewStatusService(db).screeningProblems(opts.viewer(db), opts.project(db),
                            opts.stage()).stream().filter(x -> x.kind().equals("awaiting-dedup"))
                            .forEach(x -> out.println("note: " + x.line()));
                }
            }
            return Cli.OK;
        }
    }
}
