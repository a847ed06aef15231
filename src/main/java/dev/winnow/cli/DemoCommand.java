package dev.winnow.cli;

import dev.winnow.demo.DemoService;
import dev.winnow.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow demo}: a ready-made project to look around in. */
@Command(name = "demo", description = "Create (or finish) the demo project 'demo' from a real review chain when "
        + "../shared/data is present, else from a small built-in sample; then say where to look.")
public final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:WINNOW_SHARED_DATA:-../shared/data}",
            description = "Where the shared third-party data is (default ../shared/data).")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "winnow-data/demo",
            description = "Where to write the demo's PRISMA diagram (default winnow-data/demo).")
    Path out;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            Path chain = DemoService.citeSourceChain(data);
            DemoService.Result r = new DemoService(db).run(chain, out);
            PrintWriter o = spec.commandLine().getOut();
            o.println("Demo project '" + r.project().key() + "' from the " + r.data() + " in " + db.describe());
            r.steps().forEach(s -> o.println("  " + s));
            if (r.steps().isEmpty()) {
                o.println("  (already complete: nothing to redo)");
            }
            if (r.flow() != null && r.flow().consistent()) {
                o.println("  identified " + r.flow().identifiedDatabaseRecords() + ", duplicates "
                        + r.flow().duplicates() + ", screened " + r.flow().recordsScreened() + ", included "
                        + r.flow().newStudies());
            }
            if (r.svg() != null) {
                o.println("PRISMA diagram: " + r.svg());
            }
            o.println("Look around: ./winnow serve   (then open http://127.0.0.1:7070/)");
            o.println("Report:      ./winnow report prisma --project demo --format svg -o demo-prisma.svg");
            if (r.missing() != null) {
                o.println("Not done yet: " + r.missing());
                return Cli.BAD_INPUT;
            }
        }
        return Cli.OK;
    }
}
