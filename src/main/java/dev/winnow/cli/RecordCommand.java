package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.OtherMethod;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.ingest.tabular.AuthorLists;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.record.Record;
import dev.winnow.record.RecordType;
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

/** {@code winnow record add}: a record found by other methods (reference lists, websites, organisations), by hand. */
@Command(name = "record", description = "Add records by hand.", subcommands = {RecordCommand.Add.class})
public final class RecordCommand {

    @Command(name = "add", description = "Add one record by hand to a source (of kind 'other' unless it exists already).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--source", required = true, paramLabel = "NAME",
                description = "Where it was found, e.g. \"Reference lists\", \"WHO website\".")
        String source;

        @Option(names = "--platform", paramLabel = "NAME", description = "The source's platform, if it has one.")
        String platform;

        @Option(names = "--kind", paramLabel = "KIND", description = "other (default for a new source), database or register.")
        String kind;

        @Option(names = "--other-method", paramLabel = "METHOD",
                description = "websites, organisations, citation-searching or other (default).")
        String otherMethod;

        @Option(names = "--title", required = true, paramLabel = "TEXT") String title;
        @Option(names = "--authors", paramLabel = "NAMES", description = "\"Smith, J; Lee, K\" (separated by ';' or ' and ').")
        String authors;
        @Option(names = "--year", paramLabel = "YEAR") Integer year;
        @Option(names = "--doi", paramLabel = "DOI") String doi;
        @Option(names = "--journal", paramLabel = "TEXT", description = "Journal, or the website or organisation.")
        String journal;
        @Option(names = "--url", paramLabel = "URL") String url;
        @Option(names = "--abstract", paramLabel = "TEXT") String abstractText;
        @Option(names = "--type", paramLabel = "TYPE", description = "journal article, report, web page, thesis, …")
        String type;
        @Option(names = "--note", paramLabel = "TEXT") String note;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            if (year != null && (year < 1000 || year > 2999)) {
                throw new UserError("--year " + year + " is not a year");
            }
            dev.winnow.record.PlainText.requirePrintable("--title", title);
            Record.Builder b = Record.builder().title(title).year(year).doi(doi).journal(journal).url(url)
                    .abstractText(abstractText).note(note);
            if (type != null) {
                try {
                    b.type(RecordType.fromLabel(type));
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
            }
            if (authors != null) {
                AuthorLists.parse(authors).forEach(b::author);
            }
            SourceSpec sourceSpec = new SourceSpec(source, platform, kind == null ? null : SourceKind.parse(kind),
                    otherMethod == null ? null : OtherMethod.parse(otherMethod), null, null);
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                ImportService.AddedRecord added = new ImportService(db).addRecord(p, sourceSpec, b.build(),
                        ImportService.Actor.commandLine());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", added.id());
                    o.put("source", added.source().display());
                    o.put("kind", added.source().kind().label());
                    o.put("position", added.position());
                    if (added.warning() != null) {
                        o.put("warning", added.warning());
                    }
                    out.println(Json.pretty(o));
                } else {
                    out.println("Added record " + added.id() + " to " + added.source().display() + " ("
                            + added.source().kind().label()
                            + (added.source().otherMethod() == null ? "" : ", " + added.source().otherMethod().label())
                            + ")");
                }
                if (added.warning() != null) {
                    spec.commandLine().getErr().println("warning: " + added.warning());
                }
            }
            return Cli.OK;
        }
    }
}
