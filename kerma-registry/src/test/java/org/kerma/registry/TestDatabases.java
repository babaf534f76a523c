package org.kerma.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the index tests run on: SQLite in a temporary directory, and the PostgreSQL server at
 * 127.0.0.1:5432 (user postgres, trust auth) in a fresh database per test class.
 *
 * <p>When PostgreSQL cannot be reached, its tests are skipped with a message, unless the system property or
 * environment variable {@code KERMA_REQUIRE_POSTGRES} is set (CI sets it): then they fail.
 */
public final class TestDatabases {
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "?user=postgres";

    private TestDatabases() {
    }

    public static String sqlite(Path directory) {
        return "jdbc:sqlite:" + directory.resolve("kerma.db");
    }

    /** A new, empty PostgreSQL database named after {@code owner}; returns its JDBC URL. */
    public static String createPostgres(Class<?> owner) {
        return createPostgres(owner, SERVER, postgresRequired());
    }

    /**
     * As {@link #createPostgres(Class)} on the server at {@code server} (a URL ending in '/'); {@code required}
     * turns an unreachable server from a skip into a failure.
     */
    static String createPostgres(Class<?> owner, String server, boolean required) {
        String name = "kerma_test_" + owner.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + server + " (user postgres) is not reachable: " + e.getMessage();
            if (required) {
                throw new AssertionError(message + " (KERMA_REQUIRE_POSTGRES is set, so this fails)", e);
            }
            Assumptions.abort(message + "; set KERMA_REQUIRE_POSTGRES to make this a failure");
        }
        return server + name + USER;
    }

    /** True when {@code KERMA_REQUIRE_POSTGRES} is set as a system property or in the environment. */
    static boolean postgresRequired() {
        return System.getProperty("KERMA_REQUIRE_POSTGRES") != null || System.getenv("KERMA_REQUIRE_POSTGRES") != null;
    }

    /** Drops a database made by {@link #createPostgres}, ending its remaining connections. */
    public static void dropPostgres(String url) throws SQLException {
        if (url == null) {
            return;
        }
        String name = url.substring(SERVER.length(), url.indexOf('?'));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** Empties every index table of a PostgreSQL test database (schema and migration history stay). */
    public static void truncatePostgres(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("DO $$ BEGIN IF to_regclass('public.instance') IS NOT NULL THEN "
                    + "TRUNCATE finding, duplicate, instance, series, study, patient, device RESTART IDENTITY CASCADE;"
                    + " END IF; END $$");
        }
    }

    private static Connection admin() throws SQLException {
        return admin(SERVER);
    }

    private static Connection admin(String server) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(server + "postgres" + USER);
    }
}
