package dev.winnow.cli;

import dev.winnow.store.Backup;
import dev.winnow.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code winnow backup -o FILE}: a consistent snapshot of the whole database, safe while serving. */
@Command(name = "backup", description = "Write a consistent snapshot of the whole database (safe while Winnow serves). "
        + "SQLite: an online copy of the database file; PostgreSQL: a portable dump (zip).")
public final class BackupCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the backup.")
    Path output;

    @Option(names = "--portable", description = "Write a portable dump (zip) even from SQLite.")
    boolean portable;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            Backup.Summary s = portable ? Backup.writePortable(db, output) : Backup.write(db, output);
            spec.commandLine().getOut().println("Backed up " + s.totalRows() + " rows from " + db.describe()
                    + " to " + output + " (" + s.kind() + ")");
        }
        return Cli.OK;
    }
}
