package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectKind;
import dev.winnow.project.ProjectService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow project create|list|show}. */
@Command(name = "project", description = "Create, list and show review projects.",
        subcommands = {ProjectCommand.Create.class, ProjectCommand.ListProjects.class, ProjectCommand.Show.class})
public final class ProjectCommand {

    @Command(name = "create", description = "Create a project; prints its key alone on the last line.")
    static final class Create implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TITLE", description = "The review's title.")
        String title;

        @Option(names = "--kind", defaultValue = "scoping", paramLabel = "KIND",
                description = "scoping (default), systematic, rapid or other.")
        String kind;

        @Option(names = "--description", paramLabel = "TEXT", description = "A line about the review.")
        String description;

        @Override
        public Integer call() {
            ProjectKind k;
            try {
                k = ProjectKind.parse(kind);
            } catch (dev.winnow.UserError e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--kind: " + e.getMessage());
            }
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).create(title, k, description);
                PrintWriter out = spec.commandLine().getOut();
                out.println("Created " + p.kind().label() + " review \"" + p.title() + "\" in " + db.describe());
                out.println(p.key());
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "List the projects: key, kind and title.")
    static final class ListProjects implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                List<Project> projects = new ProjectService(db).list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.pretty(projects));
                } else if (projects.isEmpty()) {
                    out.println("No projects yet. Create one: winnow project create \"TITLE\"");
                } else {
                    int w = projects.stream().mapToInt(p -> p.key().length()).max().orElse(3);
                    for (Project p : projects) {
                        out.printf("%-" + w + "s  %-10s  %s%n", p.key(), p.kind().label(), p.title());
                    }
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", description = "Show one project and its counts.")
    static final class Show implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY", description = "The project's key.")
        String key;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                ProjectService service = new ProjectService(db);
                Project p = service.get(key);
                StatusCommand.printCounts(spec.commandLine().getOut(), p, service.status(p), json);
            }
            return Cli.OK;
        }
    }
}
