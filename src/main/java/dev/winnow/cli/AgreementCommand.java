package dev.winnow.cli;

import dev.winnow.screen.Agreement;
import dev.winnow.screen.ScreeningService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow agreement --project P --stage S [--json]}: inter-rater agreement per stage and reviewer pair. */
@Command(name = "agreement", description = "Agreement at a stage: percent, Cohen's kappa, PABAK and Gwet's AC1, "
        + "pooled and per reviewer pair, over the records both reviewers decided.")
public final class AgreementCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ScreeningOptions opts;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            ScreeningService.AgreementReport r = new ScreeningService(db).agreement(opts.viewer(db), opts.project(db),
                    opts.stage());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(r));
                return Cli.OK;
            }
            out.printf("%-24s %6s %8s %8s %8s %8s%n", "pair", "n", "agree", "kappa", "PABAK", "AC1");
            out.println(row("all pairs", r.overall()));
            for (ScreeningService.PairAgreement p : r.pairs()) {
                out.println(row(p.reviewerA() + " / " + p.reviewerB(), p.agreement()));
            }
            if (r.restricted()) {
                out.println("(blinded: records this reviewer screened are left out)");
            }
        }
        return Cli.OK;
    }

    private static String row(String label, Agreement a) {
        return String.format(Locale.ROOT, "%-24s %6d %8s %8s %8s %8s", label, a.n(), pct(a.percent()), num(a.kappa()),
                num(a.pabak()), num(a.ac1()));
    }

    static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }
}
