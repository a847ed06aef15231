package dev.winnow.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The one database Winnow stores a project in: an embedded SQLite file by default, or PostgreSQL
 * for a team. Opening it applies the migrations for its dialect; every unit of work runs in one
 * transaction through {@link #inTransaction(HandleCallback)}.
 */
public final class Database implements AutoCloseable {
    /** Where the embedded default lives, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("winnow-data", "winnow.db");

    public enum Dialect { SQLITE, POSTGRESQL }

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    /** SQLite: read transactions on connections that begin DEFERRED, so readers never queue behind writers. */
    private final HikariDataSource readSource;
    private final Jdbi readJdbi;
    /**
     * SQLite has one writer at a time. Threads of this process queue here, fairly, instead of in
     * SQLite's busy handler, which sleeps in growing steps (up to 100 ms) between attempts and so
     * turns a short queue into long tails. Other processes on the same file still meet the busy timeout.
     */
    private final ReentrantLock writer = new ReentrantLock(true);

    private Database(String url, Dialect dialect, HikariDataSource dataSource, HikariDataSource readSource) {
        this.url = url;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.readSource = readSource;
        this.readJdbi = readSource == null ? jdbi : Jdbi.create(readSource);
    }

    /**
     * Opens (and migrates) the database at a JDBC URL; null or blank opens the embedded default
     * file. A plain file path is taken as an SQLite file.
     */
    public static Database open(String urlOrPath) {
        String url = jdbcUrl(urlOrPath);
        Dialect dialect = dialectOf(url);
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("winnow");
        cfg.setConnectionTimeout(30_000);
        if (dialect == Dialect.SQLITE) {
            Path file = sqliteFile(url);
            if (file != null && file.getParent() != null) {
                try {
                    Files.createDirectories(file.getParent());
                } catch (java.io.IOException e) {
                    throw new StoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
                }
            }
            cfg.setJdbcUrl(withSqliteSettings(url));
            cfg.setMaximumPoolSize(8);
        } else {
            cfg.setJdbcUrl(url);
            cfg.setMaximumPoolSize(16);
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the database " + redact(url) + ": " + rootMessage(e), e);
        }
        try {
            new Database(url, dialect, ds, null).migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot prepare the database " + redact(url) + ": " + rootMessage(e), e);
        }
        HikariDataSource readers = null;
        if (dialect == Dialect.SQLITE && sqliteFile(url) != null) {
            HikariConfig rc = new HikariConfig();
            rc.setPoolName("winnow-read");
            rc.setConnectionTimeout(30_000);
            rc.setMaximumPoolSize(8);
            rc.setJdbcUrl(withSqliteSettings(url).replace("transaction_mode=IMMEDIATE", "transaction_mode=DEFERRED"));
            try {
                readers = new HikariDataSource(rc);
            } catch (RuntimeException e) {
                ds.close();
                throw new StoreException("cannot open the database " + redact(url) + ": " + rootMessage(e), e);
            }
        }
        return new Database(url, dialect, ds, readers);
    }

    /** The JDBC URL for what a user typed: null/blank → default file; a path → SQLite file. */
    public static String jdbcUrl(String urlOrPath) {
        if (urlOrPath == null || urlOrPath.isBlank()) {
            return "jdbc:sqlite:" + DEFAULT_FILE;
        }
        String s = urlOrPath.strip();
        if (s.startsWith("jdbc:")) {
            return s;
        }
        if (s.startsWith("postgresql://") || s.startsWith("postgres://")) {
            return "jdbc:postgresql://" + s.substring(s.indexOf("://") + 3);
        }
        return "jdbc:sqlite:" + s;
    }

    static Dialect dialectOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:sqlite:")) {
            return Dialect.SQLITE;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new StoreException("unsupported database URL " + redact(url)
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    /** The SQLite file a URL or path names (null for PostgreSQL or an in-memory database). */
    public static Path sqliteFileOf(String urlOrPath) {
        String url = jdbcUrl(urlOrPath);
        return dialectOf(url) == Dialect.SQLITE ? sqliteFile(url) : null;
    }

    private static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.startsWith("file::memory:")) {
            return null;
        }
        return Path.of(rest.startsWith("file:") ? rest.substring(5) : rest);
    }

    /** WAL, foreign keys on, writers queue instead of failing, and every commit synced to disk. */
    private static String withSqliteSettings(String url) {
        StringBuilder sb = new StringBuilder(url);
        char sep = url.contains("?") ? '&' : '?';
        String[][] settings = {
                {"foreign_keys", "true"}, {"journal_mode", "WAL"}, {"synchronous", "FULL"},
                {"busy_timeout", "30000"}, {"transaction_mode", "IMMEDIATE"}};
        for (String[] kv : settings) {
            if (!url.contains(kv[0] + "=")) {
                sb.append(sep).append(kv[0]).append('=').append(kv[1]);
                sep = '&';
            }
        }
        return sb.toString();
    }

    private void migrate() {
        String folder = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + folder)
                .failOnMissingLocations(true);
        String schema = currentSchema(url);
        if (schema != null) {
            config = config.schemas(schema).createSchemas(true);
        }
        config.load().migrate();
    }

    private static String currentSchema(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String kv : url.substring(q + 1).split("&")) {
            if (kv.startsWith("currentSchema=")) {
                return kv.substring("currentSchema=".length());
            }
        }
        return null;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL as given, with any password hidden, for messages. */
    public String describe() {
        return redact(url);
    }

    public String url() {
        return url;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Runs one unit of work in one transaction: all of it is committed, or none of it. */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        if (dialect != Dialect.SQLITE) {
            return jdbi.inTransaction(work);
        }
        writer.lock();
        try {
            return jdbi.inTransaction(work);
        } finally {
            writer.unlock();
        }
    }

    public void useTransaction(HandleConsumer<RuntimeException> work) {
        inTransaction(h -> {
            work.useHandle(h);
            return null;
        });
    }

    /**
     * A unit of work that only reads, in one transaction: it sees one consistent state of the
     * database and never waits for writers (SQLite: a deferred transaction in WAL mode; PostgreSQL:
     * a read-only repeatable-read transaction). Writing inside it fails.
     */
    public <R> R read(HandleCallback<R, RuntimeException> work) {
        if (dialect == Dialect.SQLITE) {
            return readJdbi.inTransaction(h -> {
                h.execute("pragma query_only = true");
                try {
                    return work.withHandle(h);
                } finally {
                    h.execute("pragma query_only = false");
                }
            });
        }
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            return work.withHandle(h);
        });
    }

    /** A read outside any explicit transaction. */
    public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** A raw connection, for the few places (backup) that need the driver itself. */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Handle open() {
        return jdbi.open();
    }

    @Override
    public void close() {
        if (readSource != null) {
            readSource.close();
        }
        dataSource.close();
    }

    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }
}
