package org.kerma.registry.index;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The index database: a connection pool on SQLite or PostgreSQL, migrated to the current schema when opened.
 *
 * <p>All writes go through {@link #inTransaction}, which commits or rolls back as a unit and retries work that
 * lost a race (PostgreSQL serialization failure or deadlock, SQLite busy), and once work whose connection broke.
 * On SQLite, writers in this process take turns on one lock, since SQLite admits one writer at a time; readers run
 * beside them (WAL mode). SQLite is opened
 * with {@code synchronous=FULL}, so a committed transaction survives a power loss, as an acknowledged C-STORE must.
 *
 * <p>Thread-safe.
 */
public final class IndexDatabase implements AutoCloseable {
    private static final int ATTEMPTS = 5;

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private IndexDatabase(String url, Dialect dialect, HikariDataSource pool) {
        this.url = url;
        this.dialect = dialect;
        this.pool = pool;
    }

    /**
     * Opens the database at {@code jdbcUrl} and brings its schema up to date (Flyway migrations for its dialect).
     *
     * @throws IndexException when the database cannot be reached or migrated; the message names the URL
     */
    public static IndexDatabase open(String jdbcUrl) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("kerma-index");
        config.setAutoCommit(true);
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(10_000); // a C-STORE waits at most this long for an unreachable database
        if (dialect == Dialect.SQLITE) {
            config.setMaximumPoolSize(4);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setMaximumPoolSize(12);
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations(dialect.migrations()).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new IndexException("cannot open the index database " + jdbcUrl + ": " + rootMessage(e), e);
        }
        return new IndexDatabase(jdbcUrl, dialect, pool);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL the database was opened with. */
    public String url() {
        return url;
    }

    /** The pool, for read-only queries that manage their own connection. */
    public DataSource dataSource() {
        return pool;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction and commits it; on an exception, rolls back. Work that failed because it
     * lost a race with another transaction is run again (up to 5 times), and work whose connection broke once more on
     * a fresh connection, so it must be repeatable.
     *
     * @param what names the operation in the error message, e.g. "index instance 1.2.3"
     * @throws IndexException when the database fails or the work fails with an {@link SQLException}
     */
    public <T> T inTransaction(String what, Work<T> work) {
        return transaction(what, true, work);
    }

    /**
     * As {@link #inTransaction}, but the commit is not forced to disk: for rows derived from archived files, which
     * the caller can derive again if a power loss takes the last of them (SQLite {@code synchronous=NORMAL} for this
     * commit, still atomic and consistent in WAL mode; PostgreSQL {@code synchronous_commit = off}). The next forced
     * commit makes them durable too.
     */
    public <T> T inDeferredTransaction(String what, Work<T> work) {
        return transaction(what, false, work);
    }

    private <T> T transaction(String what, boolean forced, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            if (dialect == Dialect.SQLITE) {
                writeLock.lock();
            }
            try (Connection connection = pool.getConnection()) {
                if (!forced && dialect == Dialect.SQLITE) {
                    pragmaSynchronous(connection, "NORMAL");
                }
                try {
                    connection.setAutoCommit(false);
                    if (!forced && dialect == Dialect.POSTGRESQL) {
                        try (Statement s = connection.createStatement()) {
                            s.execute("SET LOCAL synchronous_commit TO OFF");
                        }
                    }
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                } finally { // the pool restores auto-commit when the connection goes back
                    if (!forced && dialect == Dialect.SQLITE) {
                        connection.setAutoCommit(true);
                        pragmaSynchronous(connection, "FULL");
                    }
                }
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && lostRace(e)) {
                    continue;
                }
                if (attempt == 1 && connectionBroke(e)) {
                    // the server went away: its other pooled sessions are dead too, so start afresh
                    pool.getHikariPoolMXBean().softEvictConnections();
                    continue;
                }
                throw new IndexException("cannot " + what + " in the index " + url + ": " + e.getMessage(), e);
            } finally {
                if (dialect == Dialect.SQLITE) {
                    writeLock.unlock();
                }
            }
        }
    }

    private static void pragmaSynchronous(Connection connection, String level) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous = " + level);
        }
    }

    /** Runs read-only {@code work} on a pooled connection in auto-commit mode. */
    public <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IndexException("cannot " + what + " in the index " + url + ": " + e.getMessage(), e);
        }
    }

    /** A transaction that lost a race: serialization failure, deadlock, SQLite busy or locked. */
    private static boolean lostRace(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state)
                || e.getErrorCode() == 5 /* SQLITE_BUSY */ || e.getErrorCode() == 6 /* SQLITE_LOCKED */;
    }

    /** A connection that broke (SQLState class 08, or 57P01: the server ended the session); worth one more try. */
    private static boolean connectionBroke(SQLException e) {
        String state = e.getSQLState();
        return "57P01".equals(state) || state != null && state.startsWith("08");
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Closes the pool; transactions in flight finish first (HikariCP waits for borrowed connections). */
    @Override
    public void close() {
        pool.close();
    }
}
