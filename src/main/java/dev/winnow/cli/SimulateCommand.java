package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.rank.RankModel;
import dev.winnow.rank.RankModels;
import dev.winnow.rank.simulate.LabelledDataset;
import dev.winnow.rank.simulate.Metrics;
import dev.winnow.rank.simulate.Priors;
import dev.winnow.rank.simulate.Simulation;
import dev.winnow.store.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow simulate DATA.csv [--prior-ids a,b | --seed S] [--model NAME] --order OUT.txt [--json]}. */
@Command(name = "simulate", description = "Simulate active-learning screening of a labelled dataset "
        + "(BENCHMARKS.md §1): write the screening order and print WSS@95, RRF@10, ATD, loss and time.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA.csv",
            description = "CSV with title, abstract and a label column (label_included, included, label, ...).")
    Path data;

    @Option(names = "--prior-ids", paramLabel = "REL,IRR", split = ",",
            description = "0-based data-row indices of the prior knowledge: one relevant, one irrelevant.")
    int[] priorIds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Pick the priors with SplittableRandom(S) (see docs/rank.md). Default 0.")
    long seed;

    @Option(names = "--model", paramLabel = "NAME", description = "Ranking model (default: the benchmark's choice).")
    String model;

    @Option(names = "--order", required = true, paramLabel = "OUT.txt",
            description = "Where to write the screening order: one 0-based row index per line, priors first.")
    Path order;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        RankModel m = RankModels.byName(model);
        LabelledDataset d = LabelledDataset.read(data);
        Priors priors = priors(d);
        Simulation.Result r = Simulation.run(d, m, priors, false);
        StringBuilder sb = new StringBuilder(r.order().length * 6);
        for (int i : r.order()) {
            sb.append(i).append('\n');
        }
        try {
            Files.writeString(order, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(order + ": " + e.getMessage(), e);
        }
        print(spec.commandLine().getOut(), r, json);
        return Cli.OK;
    }

    private Priors priors(LabelledDataset d) {
        if (priorIds == null) {
            return Priors.fromSeed(d.relevant(), seed);
        }
        if (priorIds.length != 2) {
            throw new UserError("--prior-ids takes two row indices: one relevant, one irrelevant");
        }
        for (int id : priorIds) {
            if (id < 0 || id >= d.size()) {
                throw new UserError("--prior-ids: row " + id + " is not in " + data + " (rows 0.." + (d.size() - 1) + ")");
            }
        }
        boolean a = d.relevant()[priorIds[0]];
        boolean b = d.relevant()[priorIds[1]];
        if (a == b) {
            throw new UserError("--prior-ids: rows " + priorIds[0] + " and " + priorIds[1]
                    + " are both " + (a ? "relevant" : "irrelevant") + "; give one of each");
        }
        return a ? new Priors(priorIds[0], priorIds[1]) : new Priors(priorIds[1], priorIds[0]);
    }

    static void print(PrintWriter out, Simulation.Result r, boolean json) {
        Metrics x = r.metrics();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("dataset", r.dataset());
            o.put("model", r.model());
            o.put("priors", new int[] {r.priors().relevant(), r.priors().irrelevant()});
            o.put("n", x.n());
            o.put("relevant", x.r());
            o.put("wss95", x.wss95());
            o.put("rrf10", x.rrf10());
            o.put("atd", x.atd());
            o.put("loss", x.loss());
            o.put("seconds", r.seconds());
            out.println(Json.pretty(o));
            return;
        }
        out.printf(java.util.Locale.ROOT, "%s  model %s  priors %d,%d  N %d  R %d%n", r.dataset(), r.model(),
                r.priors().relevant(), r.priors().irrelevant(), x.n(), x.r());
        out.printf(java.util.Locale.ROOT, "WSS@95 %.3f  RRF@10 %.3f  ATD %.3f  loss %.4f  time %.2f s%n",
                x.wss95(), x.rrf10(), x.atd(), x.loss(), r.seconds());
    }
}
