package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.rank.RankService;
import dev.winnow.rank.RankedQueues;
import dev.winnow.rank.Standing;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import dev.winnow.store.UserStore;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow rank status}: a reviewer's active-learning order and the stopping rule's estimate. */
@Command(name = "rank", description = "The active-learning ranking of the screening queue.",
        subcommands = {RankCommand.Status.class})
public final class RankCommand {

    @Command(name = "status", description = "Whether a reviewer's queue is ranked yet, and the pre-registered stopping "
            + "rule's estimate on their own screening (blinding: only their decisions and resolved records count).")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ScreeningOptions opts;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--top", defaultValue = "0", paramLabel = "N",
                description = "Also list the first N study ids of the ranked queue (default 0).")
        int top;

        @Override
        public Integer call() {
            ScreenCommand.requireReviewer(opts);
            try (Database db = Context.open(spec)) {
                Project p = opts.project(db);
                long userId = db.withHandle(h -> UserStore.findByName(h, opts.reviewer.strip()))
                        .orElseThrow(() -> new UserError("no user named '" + opts.reviewer.strip() + "'")).id();
                Standing s = new RankedQueues(db, new RankService(db), Runnable::run)
                        .compute(p.id(), opts.stage(), userId)
                        .orElseThrow(() -> new UserError("project " + p.key() + " has no " + opts.stage().label()
                                + " stage yet: nothing screened"));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("project", p.key());
                    m.put("reviewer", opts.reviewer.strip());
                    m.putAll(s.summary());
                    if (top > 0) {
                        m.put("top", s.order().subList(0, Math.min(top, s.order().size())));
                    }
                    out.println(Json.pretty(m));
                } else {
                    out.println("order     " + s.orderLine());
                    if (!s.estimateLine().isEmpty()) {
                        out.println("rule      " + s.estimate().rule() + (s.estimate().heuristic() ? " [heuristic]" : ""));
                        out.println("stopping  " + s.estimateLine());
                    }
                    if (top > 0) {
                        out.println("top       " + s.order().subList(0, Math.min(top, s.order().size())));
                    }
                    out.println("computed  in " + s.millis() + " ms");
                }
            }
            return Cli.OK;
        }
    }
}
