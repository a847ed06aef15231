package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.importing.ImportReport;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.OtherMethod;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.ingest.Format;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code winnow import --project P --source NAME FILE...}: each file in its own transaction; a file
 * that fails imports nothing, the others still import, and the exit code is 1 if any failed.
 */
@Command(name = "import", description = "Import search exports into a project, with their source and a report per file.")
public final class ImportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--source", required = true, paramLabel = "NAME",
            description = "The database or other source searched, e.g. \"MEDLINE\", \"CINAHL\", \"Reference lists\".")
    String source;

    @Option(names = "--platform", paramLabel = "NAME", description = "The interface searched, e.g. Ovid, EBSCOhost, PubMed.")
    String platform;

    @Option(names = "--kind", paramLabel = "KIND", description = "database (default for a new source), register or other.")
    String kind;

    @Option(names = "--other-method", paramLabel = "METHOD",
            description = "For --kind other: websites, organisations, citation-searching or other.")
    String otherMethod;

    @Option(names = "--searched", paramLabel = "DATE", description = "When the search was run (YYYY-MM-DD).")
    String searched;

    @Option(names = "--search-string-file", paramLabel = "FILE", description = "A file holding the search as run.")
    Path searchStringFile;

    @Option(names = "--from", paramLabel = "FORMAT",
            description = "Read the files as this format instead of detecting it (ris, medline, csv, tsv, bibtex, …).")
    String from;

    @Option(names = "--again", description = "Import a file even if the same file (same sha256) is already in the project.")
    boolean again;

    @Option(names = "--strict", description = "Refuse a file with a broken entry (default: skip the entry, report it "
            + "with its line, import the rest).")
    boolean strict;

    @Option(names = "--json", description = "Print the reports as JSON.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Export files (RIS, MEDLINE/nbib, CSV, …).")
    List<Path> files;

    @Override
    public Integer call() {
        Format format = null;
        if (from != null) {
            try {
                format = Format.parse(from);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        SourceSpec sourceSpec = new SourceSpec(source, platform, kind == null ? null : SourceKind.parse(kind),
                otherMethod == null ? null : OtherMethod.parse(otherMethod), searched, searchString());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<ImportReport> reports = new ArrayList<>();
        int failed = 0;
        try (Database db = Context.open(spec)) {
            Project p = new ProjectService(db).get(project);
            ImportService service = new ImportService(db);
            var progress = ProgressBar.forImports(err);
            for (Path file : files) {
                try {
                    ImportReport r = service.importFile(p, sourceSpec, file, new ImportService.Options(format, again, strict),
                            ImportService.Actor.commandLine(), progress);
                    reports.add(r);
                    if (!json) {
                        r.lines().forEach(out::println);
                        out.flush();
                    }
                } catch (UserError e) {
                    failed++;
                    err.println("winnow: " + e.getMessage() + " (nothing imported from this file)");
                    err.flush();
                }
            }
        }
        if (json) {
            out.println(Json.pretty(reports));
        }
        if (failed > 0 && files.size() > 1) {
            err.println("winnow: " + failed + " of " + files.size() + " files failed; the others were imported");
        }
        return failed > 0 ? Cli.BAD_INPUT : Cli.OK;
    }

    private String searchString() {
        return searchStringFile == null ? null : TextFiles.read(searchStringFile, "--search-string-file");
    }
}
