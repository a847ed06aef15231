package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.importing.ImportService;
import dev.winnow.importing.SourceKind;
import dev.winnow.importing.SourceSpec;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.search.Flag;
import dev.winnow.search.SearchSyntaxError;
import dev.winnow.search.Strategies;
import dev.winnow.search.Strategy;
import dev.winnow.search.Syntax;
import dev.winnow.search.Translation;
import dev.winnow.searching.SearchService;
import dev.winnow.searching.SourceSearch;
import dev.winnow.store.Database;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code winnow search check|translate|add|list|appendix}: search strategies as data — checked and
 * translated without a project; stored per source with the date run and the count the database
 * gave; reported as the PRISMA-S appendix.
 */
@Command(name = "search", description = "Check, translate and record search strategies (Ovid, PubMed, Embase.com, "
        + "EBSCOhost CINAHL, Web of Science, ProQuest); the PRISMA-S appendix.",
        subcommands = {SearchCommand.Check.class, SearchCommand.Translate.class, SearchCommand.Add.class,
                SearchCommand.ListSearches.class, SearchCommand.Appendix.class})
public final class SearchCommand {

    /** The strategy file read and parsed; a syntax error names the file, line and column. */
    static Strategy read(Path file, Syntax syntax) {
        String text = TextFiles.read(file, null);
        try {
            return Strategies.parse(syntax, text);
        } catch (SearchSyntaxError e) {
            throw new UserError(file + ": " + e.getMessage(), e);
        }
    }

    /** The strategy file and its syntax, as check and translate take them. */
    static final class StrategyFile {
        @Option(names = "--from", required = true, paramLabel = "SYNTAX", description = "ovid-medline, ovid-embase, "
                + "pubmed, embase (Embase.com), cinahl (EBSCOhost), wos or proquest.")
        String from;

        @Parameters(index = "0", paramLabel = "FILE", description = "The strategy: one search a line, as the "
                + "database's search history shows it (line numbers and counts are read).")
        Path file;

        Syntax syntax() {
            return Syntax.parse(from, "--from");
        }
    }

    @Command(name = "check", description = "Parse a strategy and print its query tree (exit 1, with the line and "
            + "column, when it does not parse).")
    static final class Check implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin StrategyFile input;

        @Override
        public Integer call() {
            Syntax syntax = input.syntax();
            Path file = input.file;
            Strategy s = read(file, syntax);
            PrintWriter out = spec.commandLine().getOut();
            out.print(Strategies.tree(s));
            out.println(file + ": " + s.lines().size() + (s.lines().size() == 1 ? " line" : " lines") + ", "
                    + syntax.label + ": parses");
            return Cli.OK;
        }
    }

    @Command(name = "translate", description = "Write a strategy in another database's syntax. The translation goes "
            + "to standard output; what the target cannot say as written is flagged on standard error.")
    static final class Translate implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin StrategyFile input;

        @Option(names = "--to", required = true, paramLabel = "SYNTAX",
                description = "The syntax to write, or 'all' for every other one.")
        String to;

        @Override
        public Integer call() {
            Syntax source = input.syntax();
            List<Syntax> targets = new ArrayList<>();
            if ("all".equalsIgnoreCase(to.strip())) {
                for (Syntax s : Syntax.values()) {
                    if (s != source) {
                        targets.add(s);
                    }
                }
            } else {
                targets.add(Syntax.parse(to, "--to"));
            }
            Strategy s = read(input.file, source);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int flags = 0;
            for (Syntax target : targets) {
                Translation t = Strategies.write(s, target);
                if (targets.size() > 1) {
                    out.println("== " + target.label);
                }
                out.print(t.text());
                for (Flag f : t.flags()) {
                    err.println("winnow: " + target.id + " " + f);
                }
                flags += t.flags().size();
            }
            out.flush();
            if (flags > 0) {
                err.println("winnow: " + flags + (flags == 1 ? " element" : " elements")
                        + " to check by hand (written as near as the target allows, nothing dropped)");
            }
            err.flush();
            return Cli.OK;
        }
    }

    @Command(name = "add", description = "Record a source's search: the strategy as run (checked first; nothing is "
            + "stored when it does not parse), the day it was run and the records the database reported.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--source", required = true, paramLabel = "NAME", description = "The database, e.g. MEDLINE.")
        String source;

        @Option(names = "--platform", paramLabel = "PLATFORM", description = "e.g. Ovid, EBSCOhost (as the import named it).")
        String platform;

        @Option(names = "--from", paramLabel = "SYNTAX", description = "The strategy's syntax (default: guessed from "
                + "the source and platform).")
        String from;

        @Option(names = "--searched", required = true, paramLabel = "DATE", description = "The day the search was run (YYYY-MM-DD).")
        String searched;

        @Option(names = "--count", paramLabel = "N", description = "Records the database reported (default: the "
                + "count on the strategy's last line).")
        Long count;

        @Parameters(index = "0", paramLabel = "FILE", description = "The strategy.")
        Path file;

        @Override
        public Integer call() {
            Syntax syntax = from != null ? Syntax.parse(from, "--from") : Syntax.guess(source, platform);
            if (syntax == null) {
                throw new UserError("cannot tell the syntax of '" + source + "' from its name: give --from ("
                        + Syntax.ids() + ")");
            }
            String text = TextFiles.read(file, null);
            SourceSpec s = new SourceSpec(source, platform, SourceKind.DATABASE, null, searched, text);
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                SourceSearch saved;
                try {
                    saved = new SearchService(db).record(p, s, syntax, count, ImportService.Actor.commandLine());
                } catch (SearchSyntaxError e) {
                    throw new UserError(file + ": " + e.getMessage(), e);
                }
                spec.commandLine().getOut().println("Recorded the " + syntax.label + " search of " + saved.source()
                        + " run on " + saved.searchedOn() + ": " + (saved.reported() == null ? "no count"
                        : saved.reported() + " records reported") + ", " + saved.imported() + " imported ("
                        + saved.check() + ")");
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "The project's sources with their searches: date run, records reported "
            + "and imported, and any difference.")
    static final class ListSearches implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                PrintWriter out = spec.commandLine().getOut();
                for (SourceSearch s : new SearchService(db).list(p)) {
                    out.println(s.source() + "\t" + (s.searchedOn() == null ? "-" : s.searchedOn()) + "\t"
                            + (s.syntax() == null ? (s.strategy() == null ? "no strategy" : "strategy (no syntax)")
                            : s.syntax().id) + "\treported " + (s.reported() == null ? "-" : s.reported())
                            + "\timported " + s.imported() + "\t" + s.check());
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "appendix", description = "The PRISMA-S search appendix (Markdown): every strategy line by line "
            + "with counts, and records reported versus imported per database.")
    static final class Appendix implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Mixin ReportCommand.ProjectAndFile target;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(target.project);
                byte[] bytes = new SearchService(db).appendix(p).getBytes(StandardCharsets.UTF_8);
                ReportCommand.Output.write(spec, bytes, target.output, false, "md");
            }
            return Cli.OK;
        }
    }
}
