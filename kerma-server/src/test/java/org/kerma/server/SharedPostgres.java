package org.kerma.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database per test class on the shared PostgreSQL server at 127.0.0.1:5432 (user postgres, trust auth).
 * Unreachable: the test is skipped with a message, or fails when {@code KERMA_REQUIRE_POSTGRES} is set.
 */
public final class SharedPostgres {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "?user=postgres";

    private SharedPostgres() {
    }

    public static String create(Class<?> owner) {
        String name = "kerma_test_" + owner.getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at 127.0.0.1:5432 (user postgres) is not reachable: " + e.getMessage();
            if (System.getProperty("KERMA_REQUIRE_POSTGRES") != null
                    || System.getenv("KERMA_REQUIRE_POSTGRES") != null) {
                throw new AssertionError(message + " (KERMA_REQUIRE_POSTGRES is set, so this fails)", e);
            }
            Assumptions.abort(message + "; set KERMA_REQUIRE_POSTGRES to make this a failure");
        }
        return SERVER + name + USER;
    }

    public static void drop(String url) throws SQLException {
        if (url == null) {
            return;
        }
        String name = url.substring(SERVER.length(), url.indexOf('?'));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(SERVER + "postgres" + USER);
    }
}
