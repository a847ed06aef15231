package dev.winnow.cli;

import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.protocol.ProtocolService;
import dev.winnow.protocol.ProtocolYaml;
import dev.winnow.store.Database;
import dev.winnow.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow protocol import|export|example}: the review protocol as {@code protocol.yaml}. */
@Command(name = "protocol", description = "The review protocol (question, PCC criteria, stages, reasons) as protocol.yaml.",
        subcommands = {ProtocolCommand.Import.class, ProtocolCommand.Export.class, ProtocolCommand.Example.class})
public final class ProtocolCommand {

    @Command(name = "import", description = "Save protocol.yaml as the project's next protocol version.")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = "--reviewer", paramLabel = "NAME", description = "Who saves it (default: cli:OS-USER).")
        String reviewer;

        @Parameters(index = "0", paramLabel = "FILE", description = "The protocol.yaml file.")
        Path file;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                String who = reviewer == null || reviewer.isBlank() ? ScreeningOptions.cliActor() : reviewer.strip();
                ProtocolService.Versioned v = new ProtocolService(db).importFile(p, file, who);
                spec.commandLine().getOut().println("Saved the protocol of " + p.key() + " as version " + v.version()
                        + " (" + v.protocol().criteria().size() + " criteria, " + v.protocol().stages().size() + " stages)");
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", description = "Write the project's current protocol as YAML (to FILE, or print it).")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write (default: print).")
        Path file;

        @Override
        public Integer call() {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                ProtocolService service = new ProtocolService(db);
                String yaml = "# protocol of " + p.key() + ", version " + service.current(p).version() + "\n"
                        + service.exportYaml(p);
                if (file == null) {
                    spec.commandLine().getOut().print(yaml);
                } else {
                    try {
                        Files.writeString(file, yaml, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UserError(file + ": cannot write: " + e.getMessage(), e);
                    }
                    spec.commandLine().getOut().println("Wrote " + file);
                }
            }
            return Cli.OK;
        }
    }

    @Command(name = "example", description = "Print the example protocol (the running example's scoping review).")
    static final class Example implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ProtocolYaml.exampleText());
            return Cli.OK;
        }
    }
}
