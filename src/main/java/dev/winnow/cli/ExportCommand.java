package dev.winnow.cli;

import dev.winnow.export.ExportService;
import dev.winnow.export.ExportSubset;
import dev.winnow.ingest.Format;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.screen.Viewer;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow export --project KEY --subset SUBSET --format FORMAT [-o OUT]}: a project's records, any subset. */
@Command(name = "export", description = "Export a subset of a project's records as RIS, CSV, XLSX, BibTeX or CSL-JSON.")
public final class ExportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--subset", defaultValue = "all", paramLabel = "SUBSET",
            description = "all (default: the deduplicated study records), records (every source record as imported), "
                    + "included[:STAGE], excluded[:STAGE], conflict[:STAGE], undecided[:STAGE] (STAGE: title-abstract "
                    + "or full-text, default full-text), source:NAME-OR-ID, file:NAME-OR-ID, ids:1,2,3.")
    String subset;

    @Option(names = {"--format", "--to"}, defaultValue = "ris", paramLabel = "FORMAT", completionCandidates = WritableFormats.class,
            description = "The format to write: ${COMPLETION-CANDIDATES} (default ris; --to, as in convert, says the same).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT (required for xlsx); default: standard output.")
    Path output;

    @Override
    public Integer call() {
        ExportSubset s = ExportSubset.parse(subset);
        Format f = ExportService.writable(format);
        if (f == Format.XLSX && output == null) {
            throw new dev.winnow.UserError("xlsx is a binary format: give the output file with -o FILE");
        }
        try (Database db = Context.open(spec)) {
            Project p = new ProjectService(db).get(project);
            ExportService.Export e = new ExportService(db).export(Viewer.overseer(AuditStore.commandLineActor()), p, s, f);
            ReportCommand.Output.write(spec, e.bytes(), output, e.binary(), ExportService.extension(f));
            if (output != null) {
                spec.commandLine().getOut().println("Exported " + e.records() + " records (" + s.label() + ") as "
                        + f.id());
            }
        }
        return Cli.OK;
    }
}
