package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.store.AuditStore;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow audit --project P}: who did what, when (append-only log). */
@Command(name = "audit", description = "Show or export a project's audit log (append-only: who did what, when).")
public final class AuditCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
    String project;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or csv.")
    String format;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            Project p = new ProjectService(db).get(project);
            List<AuditStore.AuditEvent> events = db.withHandle(h -> AuditStore.forProject(h, p.id()));
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case "json" -> out.println(Json.pretty(events));
                case "csv" -> {
                    out.println("id,at,actor,action,target,details");
                    for (AuditStore.AuditEvent e : events) {
                        out.println(e.id() + "," + csv(e.at()) + "," + csv(e.actor()) + "," + csv(e.action()) + ","
                                + csv(e.target()) + "," + csv(e.details()));
                    }
                }
                case "text" -> {
                    if (events.isEmpty()) {
                        out.println("No audit events yet for " + p.key());
                    }
                    for (AuditStore.AuditEvent e : events) {
                        out.println(e.at() + "  " + e.actor() + "  " + e.action()
                                + (e.target() == null ? "" : "  " + e.target()));
                    }
                }
                default -> throw new dev.winnow.UserError("--format must be text, json or csv, not '" + format + "'");
            }
        }
        return Cli.OK;
    }

    /** A CSV field, quoted when needed, with spreadsheet formula prefixes neutralised. */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
