package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.screen.FullTextService;
import dev.winnow.store.Database;
import dev.winnow.store.FullTextStore;
import dev.winnow.store.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow fulltext attach|not-retrieved|sought|list}: full texts of the records that passed title/abstract. */
@Command(name = "fulltext", description = "Full texts: attach a PDF, mark sought or not retrieved, list.",
        subcommands = {FulltextCommand.Attach.class, FulltextCommand.NotRetrieved.class, FulltextCommand.Sought.class,
                FulltextCommand.ListTexts.class})
public final class FulltextCommand {

    abstract static class RecordAction implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--record", required = true, paramLabel = "ID", description = "The study record's id.")
        long record;

        @Option(names = "--reviewer", required = true, paramLabel = "NAME", description = "Who does it.")
        String reviewer;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                FullTextStore.FullTextRow row = act(new FullTextService(db), p);
                spec.commandLine().getOut().println("record " + record + ": " + row.status()
                        + (row.reason() == null ? "" : " (" + row.reason() + ")")
                        + (row.pageCount() == null ? "" : ", " + row.fileName() + ", " + row.pageCount() + " pages"));
            }
            return Cli.OK;
        }

        abstract FullTextStore.FullTextRow act(FullTextService service, Project p);
    }

    @Command(name = "attach", description = "Attach a PDF to a record (its text is extracted for highlighting and ranking).")
    static final class Attach extends RecordAction {
        @Parameters(index = "0", paramLabel = "PDF", description = "The PDF file.")
        Path file;

        @Override
        FullTextStore.FullTextRow act(FullTextService service, Project p) {
            return service.attach(p, record, file, reviewer);
        }
    }

    @Command(name = "not-retrieved", description = "Mark a record's full text as not retrieved, with the reason.")
    static final class NotRetrieved extends RecordAction {
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it could not be obtained.")
        String reason;

        @Override
        FullTextStore.FullTextRow act(FullTextService service, Project p) {
            return service.markNotRetrieved(p, record, reason, reviewer);
        }
    }

    @Command(name = "sought", description = "Mark a record's full text as sought.")
    static final class Sought extends RecordAction {
        @Override
        FullTextStore.FullTextRow act(FullTextService service, Project p) {
            return service.markSought(p, record, reviewer);
        }
    }

    @Command(name = "list", description = "Each record's full-text state.")
    static final class ListTexts implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                List<FullTextStore.FullTextRow> rows = new FullTextService(db).statuses(new ProjectService(db).get(project));
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(Json.pretty(rows));
                } else {
                    rows.forEach(r -> out.println(r.studyId() + "\t" + r.status()
                            + (r.reason() == null ? "" : "\t" + r.reason()) + (r.fileName() == null ? "" : "\t" + r.fileName())));
                }
            }
            return Cli.OK;
        }
    }
}
