package dev.winnow.cli;

import dev.winnow.store.Database;
import picocli.CommandLine.Model.CommandSpec;

/** What every command needs: the database chosen by --db / WINNOW_DB. */
public final class Context {
    private Context() {
    }

    /**
     * The database URL in force: --db, else $WINNOW_DB, else {@code db} in the configuration file
     * (see {@link ConfigDefaults}), else null (the embedded default file).
     */
    public static String databaseUrl(CommandSpec spec) {
        WinnowCommand root = (WinnowCommand) spec.root().userObject();
        return root.db == null || root.db.isBlank() ? null : root.db;
    }

    /** Opens (and migrates) the database in force; the caller closes it. */
    public static Database open(CommandSpec spec) {
        String given = databaseUrl(spec);
        if (given != null && !given.strip().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:postgresql")
                && !given.strip().startsWith("postgres")) {
            // a database named by hand goes where it says, into a folder that exists: a typo in the
            // folder is not quietly turned into a new, empty review (only the default winnow-data/ is made)
            java.nio.file.Path file = Database.sqliteFileOf(given);
            java.nio.file.Path folder = file == null ? null : file.toAbsolutePath().getParent();
            if (folder != null && !java.nio.file.Files.isDirectory(folder)) {
                throw new dev.winnow.UserError("--db " + given + ": the folder " + folder
                        + " does not exist (create it first, or check the path)");
            }
        }
        return Database.open(given);
    }
}
