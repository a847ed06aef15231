package dev.winnow.cli;

import dev.winnow.screen.Decision;
import dev.winnow.screen.ScreeningService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.UserStore;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow conflicts --project P --stage S [--json]}: records whose reviewers disagree. */
@Command(name = "conflicts", description = "Records whose reviewers disagree at a stage (a maybe counts as disagreement).")
public final class ConflictsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ScreeningOptions opts;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            List<ScreeningService.Conflict> conflicts = new ScreeningService(db).conflicts(opts.viewer(db),
                    opts.project(db), opts.stage());
            Map<Long, String> names = new LinkedHashMap<>();
            db.withHandle(h -> {
                UserStore.list(h).forEach(u -> names.put(u.id(), u.username()));
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(conflicts.stream().map(c -> Map.of("record", c.studyId(),
                        "title", c.title() == null ? "" : c.title(),
                        "decisions", c.decisions().stream().map(d -> view(d, names)).toList())).toList()));
                return Cli.OK;
            }
            if (conflicts.isEmpty()) {
                out.println("No conflicts at " + opts.stage().label() + ".");
            }
            for (ScreeningService.Conflict c : conflicts) {
                out.println("record " + c.studyId() + "  " + (c.title() == null ? "" : c.title()));
                for (Decision d : c.decisions()) {
                    out.println("    " + names.get(d.userId()) + ": " + d.verdict().label()
                            + (d.reasons().isEmpty() ? "" : " (" + String.join("; ", d.reasons()) + ")"));
                }
            }
        }
        return Cli.OK;
    }

    private static Map<String, Object> view(Decision d, Map<Long, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewer", names.get(d.userId()));
        m.put("decision", d.verdict().label());
        m.put("reasons", d.reasons());
        m.put("note", d.note());
        m.put("decidedAt", d.decidedAt());
        return m;
    }
}
