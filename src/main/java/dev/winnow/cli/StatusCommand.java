package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.project.ProjectStatus;
import dev.winnow.review.Problem;
import dev.winnow.review.ReviewStatusService;
import dev.winnow.review.Step;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code winnow status --project P [--json]}: how far a review has got, as the checklist of its steps
 * the overview page shows (the owner's view: unblinded), with the problems that stop it named.
 */
@Command(name = "status", description = "A project's review as a checklist: each step with its counts and what moves it on.")
public final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--json", description = "Print JSON: the counts, the checklist (steps) and the problems.")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            Project p = new ProjectService(db).get(project);
            ReviewStatusService.Status s = new ReviewStatusService(db)
                    .status(Viewer.overseer(ScreeningOptions.cliActor()), p);
            print(spec.commandLine().getOut(), p, s, json);
        }
        return Cli.OK;
    }

    static void print(PrintWriter out, Project p, ReviewStatusService.Status s, boolean json) {
        if (json) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(s.counts(), Map.class));
            m.put("steps", s.steps());
            m.put("problems", s.problems());
            out.println(Json.pretty(m));
            return;
        }
        out.println(p.title() + "  [" + p.key() + ", " + p.kind().label() + " review]");
        int width = s.steps().stream().mapToInt(x -> x.title().length()).max().orElse(20);
        for (Step step : s.steps()) {
            out.printf("  %s %-" + width + "s  %s%n", step.state().mark(), step.title(), step.summary());
            if (step.state() != Step.State.DONE && (!step.next().isEmpty() || !step.command().isEmpty())) {
                String how = step.command().isEmpty() ? step.next() + " (web: /p/" + p.key() + step.page() + ")"
                        : (step.next().isEmpty() ? "" : step.next() + ": ") + step.command();
                out.printf("    %s  → %s%n", " ".repeat(width + 2), how);
            }
        }
        if (!s.problems().isEmpty()) {
            out.println("Needs attention:");
            for (Problem problem : s.problems()) {
                out.println("  ! " + problem.line());
            }
        }
    }

    /** The plain counts ({@code winnow project show}). */
    static void printCounts(PrintWriter out, Project p, ProjectStatus s, boolean json) {
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
