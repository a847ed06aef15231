package dev.winnow.cli;

import dev.winnow.store.Backup;
import dev.winnow.store.Database;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code winnow restore FILE}: load a backup into an empty database of either kind. */
@Command(name = "restore", description = "Restore a backup (SQLite snapshot or portable dump) into an EMPTY database "
        + "(--db names it; SQLite and PostgreSQL both work, in either direction).")
public final class RestoreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'winnow backup'.")
    Path file;

    @Override
    public Integer call() {
        try (Database db = Context.open(spec)) {
            Backup.Summary s = Backup.restore(file, db);
            spec.commandLine().getOut().println("Restored " + s.totalRows() + " rows from " + file + " into "
                    + db.describe());
        }
        return Cli.OK;
    }
}
