package dev.winnow.cli;

import dev.winnow.UserError;
import dev.winnow.project.Project;
import dev.winnow.project.ProjectService;
import dev.winnow.report.archive.ArchiveService;
import dev.winnow.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow archive export|import}: a whole project as one file, to reproduce its report elsewhere. */
@Command(name = "archive", description = "Export a project as one file, or import such a file as a new project.",
        subcommands = {ArchiveCommand.Export.class, ArchiveCommand.Import.class})
public final class ArchiveCommand {

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    @Command(name = "export", description = "Write the project (protocol, sources with file hashes, records, "
            + "studies, decisions, resolutions, full texts, charting, audit) to a zip file.")
    static final class Export implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--project", required = true, paramLabel = "KEY", description = "The project's key.")
        String project;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The archive to write.")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (Database db = Context.open(spec)) {
                Project p = new ProjectService(db).get(project);
                Path abs = output.toAbsolutePath();
                Files.createDirectories(abs.getParent());
                Path tmp = Files.createTempFile(abs.getParent(), ".winnow-archive-", ".tmp");
                try {
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        new ArchiveService(db).export(p, out, actor());
                    }
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                spec.commandLine().getOut().println("Wrote " + output + " (" + Files.size(abs) + " bytes): project "
                        + p.key());
            }
            return Cli.OK;
        }
    }

    @Command(name = "import", description = "Import an archive as a new project (all or nothing).")
    static final class Import implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "An archive written by 'winnow archive export'.")
        Path file;

        @Option(names = "--key", paramLabel = "KEY", description = "The new project's key (default: the archived key).")
        String key;

        @Override
        public Integer call() throws IOException {
            try (Database db = Context.open(spec); InputStream in = Files.newInputStream(file)) {
                ArchiveService.Imported r = new ArchiveService(db).importArchive(in, file.toString(), key, actor());
                PrintWriter out = spec.commandLine().getOut();
                out.println("Imported project " + r.project().key() + " (\"" + r.project().title() + "\"): "
                        + r.rows().getOrDefault("source_record", 0) + " source records, "
                        + r.rows().getOrDefault("study", 0) + " studies, " + r.rows().getOrDefault("decision", 0)
                        + " decisions");
                out.println(r.prismaMatches() ? "The PRISMA numbers match the archive's."
                        : "warning: the PRISMA numbers differ from the archive's report/prisma.json");
                if (r.dedup().newLinks() > 0) {
                    out.println("deduplicated the " + r.dedup().newLinks() + " records the archive held without a "
                            + "study: " + r.dedup().newStudies() + " new studies, " + r.dedup().maybesQueued()
                            + " maybe pairs for a person to check");
                }
                out.println(r.project().key());
            } catch (NoSuchFileException e) {
                throw new UserError(file + ": no such file");
            }
            return Cli.OK;
        }
    }
}
