package dev.winnow.testing;

import dev.winnow.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The two databases every storage test runs against. SQLite: a fresh file per call.
 * PostgreSQL: a fresh schema per call in the server named by {@code WINNOW_TEST_PG} (a JDBC URL;
 * {@code .ci/run} starts Debian's PostgreSQL and sets it), else in an embedded PostgreSQL started
 * once per test JVM (zonky, binaries from Maven Central).
 */
public enum TestDb {
    SQLITE, POSTGRESQL;

    private static String pgBase;
    private static EmbeddedPostgres embedded;

    /** A new, empty, migrated database of this kind. */
    public Database fresh() {
        return Database.open(freshUrl());
    }

    /** The URL of a new, empty database of this kind (not yet opened). */
    public String freshUrl() {
        if (this == SQLITE) {
            try {
                Path dir = Files.createTempDirectory("winnow-test");
                dir.toFile().deleteOnExit();
                return "jdbc:sqlite:" + dir.resolve("winnow.db");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String base = postgresBase();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The server-level PostgreSQL URL used by the tests (without a schema). */
    public static synchronized String postgresBase() {
        if (pgBase != null) {
            return pgBase;
        }
        String env = System.getenv("WINNOW_TEST_PG");
        if (env != null && !env.isBlank()) {
            pgBase = env.strip();
            return pgBase;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is ending anyway
                }
            }));
            pgBase = embedded.getJdbcUrl("postgres", "postgres");
            return pgBase;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL for tests: set WINNOW_TEST_PG to a JDBC URL "
                    + "(see .ci/run), or let the embedded server start: " + e.getMessage(), e);
        }
    }
}
