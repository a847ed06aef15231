package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.project.ProjectStatus;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow status --project P [--json]}: how far a review has got. */
@Command(name = "status", description = "Counts for a project: sources, files, records, studies, decisions per stage.")
public final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            ProjectService service = new ProjectService(db);
            Project p = service.get(project);
            print(spec.commandLine().getOut(), p, service.status(p), json);
        }
        return Cli.OK;
    }

    static void print(PrintWriter out, Project p, ProjectStatus s, boolean json) {
        if (json) {
            out.println(Json.pretty(s));
            return;
        }
        out.println(p.title() + "  [" + p.key() + ", " + p.kind().label() + " review]");
        out.printf("  sources          %d%n", s.sources());
        out.printf("  import files     %d%n", s.importFiles());
        out.printf("  source records   %d%n", s.sourceRecords());
        out.printf("  study records    %d%n", s.studyRecords());
        s.decisionsPerStage().forEach((stage, n) -> out.printf("  decisions (%s) %d%n", stage, n));
    }
}
