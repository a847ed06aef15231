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
        return Database.open(databaseUrl(spec));
    }
}
