package dev.winnow.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The top of the command tree: {@code winnow COMMAND [OPTIONS]}. */
@Command(name = "winnow",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Versions.class,
        description = "Winnow: a self-hosted workbench for scoping and systematic reviews.%n"
                + "Data lives in winnow-data/winnow.db unless --db or WINNOW_DB names another database.",
        subcommands = {
                ProjectCommand.class,
                StatusCommand.class,
                ServeCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                AuditCommand.class,
                ChartCommand.class,
                ConvertCommand.class,
                ExportCommand.class,
                BenchCommand.class,
                UserCommand.class,
                ImportCommand.class,
                RecordCommand.class,
                ReportCommand.class,
                ArchiveCommand.class,
                DemoCommand.class,
                ProtocolCommand.class,
                ScreenCommand.class,
                ConflictsCommand.class,
                AgreementCommand.class,
                DecisionsCommand.class,
                FulltextCommand.class,
                SimulateCommand.class,
                DedupCommand.class,
                RankCommand.class,
                SearchCommand.class,
        })
public final class WinnowCommand {

    @Option(names = "--db", scope = CommandLine.ScopeType.INHERIT, paramLabel = "URL",
            description = "Database: a JDBC URL (jdbc:postgresql://host/db?user=…&password=…) or an SQLite file. "
                    + "Default: $WINNOW_DB, else winnow-data/winnow.db.")
    String db;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the full stack trace when something fails.")
    boolean debug;
}
