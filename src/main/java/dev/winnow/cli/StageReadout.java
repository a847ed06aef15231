package dev.winnow.cli;

import dev.winnow.screen.ScreeningService;
import dev.winnow.store.Database;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A screening read-out for people and scripts: reads something about a stage as the viewer named
 * by --reviewer (or the owner's unblinded view), then prints it as text or, with --json, as JSON.
 */
abstract class StageReadout<T> implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ScreeningOptions opts;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    abstract T read(Database db, ScreeningService service);

    abstract void print(PrintWriter out, T value);

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            T value = read(db, new ScreeningService(db));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(value));
            } else {
                print(out, value);
            }
        }
        return Cli.OK;
    }
}
