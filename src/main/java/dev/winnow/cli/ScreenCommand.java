package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.rank.RankService;
import dev.winnow.rank.RankedQueues;
import dev.winnow.rank.Standing;
import dev.winnow.record.Record;
import dev.winnow.review.Problem;
import dev.winnow.review.ReviewStatusService;
import dev.winnow.screen.Decision;
import dev.winnow.screen.Outcome;
import dev.winnow.screen.Resolution;
import dev.winnow.screen.ScreeningService;
import dev.winnow.screen.Verdict;
import dev.winnow.screen.Viewer;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow screen next|decide|resolve|outcomes|pilot}: minimal screening from the command line. */
@Command(name = "screen", description = "Screen records from the command line (for scripts; the web app is the usual way).",
        subcommands = {ScreenCommand.Next.class, ScreenCommand.Decide.class, ScreenCommand.Resolve.class,
                ScreenCommand.Outcomes.class, ScreenCommand.Pilot.class})
public final class ScreenCommand {
    /** Problems that leave a queue empty before any screening could happen. */
    private static final java.util.Set<String> NOT_YET = java.util.Set.of("empty-project", "awaiting-dedup",
            "nothing-at-full-text");

    @Command(name = "next", description = "The next record in the reviewer's queue (exit 0 with 'none' when done).")
    static final class Next implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ScreeningOptions opts;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            requireReviewer(opts);
            try (Database db = Context.open(spec)) {
                Project p = opts.project(db);
                Viewer viewer = opts.viewer(db);
                // a one-shot process: rank now, on this thread, then take the next record in that order
                RankedQueues queues = new RankedQueues(db, new RankService(db), Runnable::run);
                Optional<Standing> before = queues.compute(p.id(), opts.stage(), viewer.userId());
                Optional<ScreeningService.Next> next = new ScreeningService(db,
                        (projectId, stageId, userId) -> before.map(Standing::order).orElse(List.of()))
                        .next(viewer, p, opts.stage());
                // a stage's first request creates it: then there was nothing to rank yet, but there is an estimate
                Optional<Standing> ranked = before.isPresent() ? before
                        : queues.compute(p.id(), opts.stage(), viewer.userId());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    next.ifPresent(n -> {
                        Record r = n.study().record();
                        m.put("record", n.study().id());
                        m.put("title", r.title());
                        m.put("year", r.year());
                        m.put("doi", r.doi());
                        m.put("abstract", r.abstractText());
                        m.put("pilotRound", n.pilotRound());
                    });
                    ranked.ifPresent(r -> m.put("ranking", r.summary()));
                    out.println(next.isEmpty() ? "null" : Json.pretty(m));
                } else if (next.isEmpty()) {
                    // a queue empty because a step is not done says which step, and not "every record is screened"
                    List<Problem> why = new ReviewStatusService(db).screeningProblems(viewer, p, opts.stage());
                    boolean notYet = why.stream().anyMatch(x -> NOT_YET.contains(x.kind()));
                    out.println("none: nothing " + (notYet ? "to screen yet" : "left to screen") + " at "
                            + opts.stage().label() + " for " + opts.reviewer);
                    why.forEach(x -> out.println("  " + x.line()));
                    if (notYet) {
                        ranked = Optional.empty();
                    }
                } else {
                    Record r = next.get().study().record();
                    out.println("record " + next.get().study().id() + (next.get().pilotRound() != null ? " (pilot round)" : ""));
                    out.println("title    " + (r.title() == null ? "" : r.title()));
                    out.println("year     " + (r.year() == null ? "" : r.year()));
                    if (r.doi() != null) {
                        out.println("doi      " + r.doi());
                    }
                    if (r.abstractText() != null) {
                        out.println("abstract " + r.abstractText());
                    }
                }
                if (!json) {
                    ranked.ifPresent(r -> {
                        out.println("order    " + r.orderLine());
                        if (!r.estimateLine().isEmpty()) {
                            out.println("stopping " + r.estimateLine());
                        }
                    });
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "decide", description = "Record a decision (append-only: deciding again records a change of mind).")
    static final class Decide implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ScreeningOptions opts;

        @Option(names = "--record", required = true, paramLabel = "ID", description = "The study record's id.")
        long record;

        @Option(names = "--decision", required = true, paramLabel = "DECISION", description = "include, exclude or maybe.")
        String decision;

        @Option(names = "--reason", paramLabel = "REASON", description = "An exclusion reason (repeatable; required at full text).")
        List<String> reasons;

        @Option(names = "--criterion", paramLabel = "ID=ANSWER", description = "An answer for a protocol criterion (repeatable).")
        Map<String, String> criteria;

        @Option(names = "--note", paramLabel = "TEXT", description = "A free note.")
        String note;

        @Option(names = "--seconds", paramLabel = "N", description = "Time taken.")
        Integer seconds;

        @Option(names = "--key", paramLabel = "KEY", description = "Idempotency key: the same key twice records one decision.")
        String key;

        @Override
        public Integer call() {
            requireReviewer(opts);
            Verdict verdict = parseVerdict(decision);
            try (Database db = Context.open(spec)) {
                Decision d = new ScreeningService(db).decide(opts.viewer(db), opts.project(db), opts.stage(), record,
                        new ScreeningService.Input(verdict, reasons, criteria, note, seconds, key));
                spec.commandLine().getOut().println("Recorded " + d.verdict().label() + " on record " + record + " at "
                        + opts.stage().label() + " by " + opts.reviewer + " (decision " + d.id() + ")");
            }
            return Cli.OK;
        }
    }

    @Command(name = "resolve", description = "Resolve a conflict by consensus or as the third reviewer.")
    static final class Resolve implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin ScreeningOptions opts;

        @Option(names = "--record", required = true, paramLabel = "ID", description = "The study record's id.")
        long record;

        @Option(names = "--decision", required = true, paramLabel = "DECISION", description = "include or exclude.")
        String decision;

        @Option(names = "--method", defaultValue = "third-reviewer", paramLabel = "METHOD",
                description = "third-reviewer (default) or consensus.")
        String method;

        @Option(names = "--reason", paramLabel = "REASON", description = "An exclusion reason (repeatable).")
        List<String> reasons;

        @Option(names = "--note", paramLabel = "TEXT", description = "Why.")
        String note;

        @Override
        public Integer call() {
            requireReviewer(opts);
            Verdict verdict = parseVerdict(decision);
            try (Database db = Context.open(spec)) {
                Resolution r = new ScreeningService(db).resolve(opts.viewer(db), opts.project(db), opts.stage(), record,
                        verdict, method, reasons, note);
                spec.commandLine().getOut().println("Resolved record " + record + " at " + opts.stage().label() + ": "
                        + r.verdict().label() + " (" + r.method() + ", by " + opts.reviewer + ")");
            }
            return Cli.OK;
        }
    }

    @Command(name = "outcomes", description = "Each record's outcome at a stage, derived from decisions and resolutions.")
    static final class Outcomes extends StageReadout<ScreeningService.StageOutcomes> {
        @Override
        ScreeningService.StageOutcomes read(Database db, ScreeningService service) {
            return service.outcomes(opts.viewer(db), opts.project(db), opts.stage());
        }

        @Override
        void print(PrintWriter out, ScreeningService.StageOutcomes o) {
            o.counts().forEach((k, v) -> out.printf("%-18s %d%n", k, v));
            for (Outcome x : o.outcomes()) {
                out.println(x.studyId() + "\t" + x.status().label()
                        + (x.reasons().isEmpty() ? "" : "\t" + String.join("; ", x.reasons())));
            }
        }
    }

    @Command(name = "pilot", description = "Pilot (calibration) rounds: start, close, list.",
            subcommands = {Pilot.Start.class, Pilot.Close.class, Pilot.ListRounds.class})
    static final class Pilot {
        @Command(name = "start", description = "Draw a random sample that every reviewer screens first.")
        static final class Start implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Mixin ScreeningOptions opts;

            @Option(names = "--size", defaultValue = "25", paramLabel = "N", description = "Sample size (default 25).")
            int size;

            @Option(names = "--target", defaultValue = "0.75", paramLabel = "P",
                    description = "Target percent agreement as a proportion (default 0.75).")
            double target;

            @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default 1).")
            long seed;

            @Override
            public Integer call() {
                requireReviewer(opts);
                try (Database db = Context.open(spec)) {
                    ScreeningService.PilotResult r = new ScreeningService(db).startPilot(opts.viewer(db),
                            opts.project(db), opts.stage(), size, target, seed);
                    spec.commandLine().getOut().println("Pilot round " + r.number() + " started: " + r.sample().size()
                            + " records " + r.sample());
                }
                return Cli.OK;
            }
        }

        @Command(name = "close", description = "Close the open round and report its agreement against the target.")
        static final class Close implements Callable<Integer> {
            @Spec CommandSpec spec;
            @Mixin ScreeningOptions opts;

            @Override
            public Integer call() {
                requireReviewer(opts);
                try (Database db = Context.open(spec)) {
                    ScreeningService.PilotResult r = new ScreeningService(db).closePilot(opts.viewer(db),
                            opts.project(db), opts.stage());
                    spec.commandLine().getOut().println(describe(r));
                }
                return Cli.OK;
            }
        }

        @Command(name = "list", description = "Every pilot round of the stage.")
        static final class ListRounds extends StageReadout<List<ScreeningService.PilotResult>> {
            @Override
            List<ScreeningService.PilotResult> read(Database db, ScreeningService service) {
                return service.pilotRounds(opts.viewer(db), opts.project(db), opts.stage());
            }

            @Override
            void print(PrintWriter out, List<ScreeningService.PilotResult> rounds) {
                rounds.forEach(r -> out.println(describe(r)));
            }
        }

        static String describe(ScreeningService.PilotResult r) {
            if (!r.closed()) {
                return "round " + r.number() + ": open, " + r.sample().size() + " records, target "
                        + AgreementCommand.pct(r.target());
            }
            return "round " + r.number() + ": " + r.sample().size() + " records, agreement "
                    + AgreementCommand.pct(r.agreement().overall().percent()) + " over "
                    + r.agreement().overall().n() + " pairs of decisions, target " + AgreementCommand.pct(r.target())
                    + (Boolean.TRUE.equals(r.targetMet()) ? " — met" : " — not met: revise the criteria and run another round");
        }
    }

    static Verdict parseVerdict(String text) {
        try {
            return Verdict.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static void requireReviewer(ScreeningOptions opts) {
        if (opts.reviewer == null || opts.reviewer.isBlank()) {
            throw new UserError("name the reviewer: --reviewer NAME");
        }
    }
}
