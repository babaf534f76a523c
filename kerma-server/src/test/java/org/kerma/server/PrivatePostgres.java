package org.kerma.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of the test's own (initdb + pg_ctl from the Debian package) in a temporary directory on a
 * free loopback port, so a test can stop and restart it without touching the shared server at 127.0.0.1:5432. As
 * root, the server runs as the {@code postgres} user (initdb refuses root) in a directory that user owns.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final Path base;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path base, int port, boolean asPostgresUser) {
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a cluster with a database {@code kerma}; skips the test when that is impossible. */
    static PrivatePostgres start() throws Exception {
        Path bin = binDirectory();
        Assumptions.assumeTrue(bin != null, "no /usr/lib/postgresql/*/bin/initdb: PostgreSQL server not installed");
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createTempDirectory("kerma-pg-");
        if (root) {
            Peers.Result chown = Peers.run(base, LIMIT, "chown", "postgres:postgres", base.toString());
            Assumptions.assumeTrue(chown.exitCode() == 0, "cannot give " + base + " to the postgres user: "
                    + chown.output());
        }
        PrivatePostgres pg = new PrivatePostgres(base, Peers.freePort(), root);
        Peers.Result init = pg.tool(bin.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync");
        if (init.exitCode() != 0) {
            pg.deleteFiles();
            Assumptions.abort("initdb failed, cannot run a private PostgreSQL: " + init.output());
        }
        pg.startServer();
        try (Connection c = DriverManager.getConnection(pg.url("postgres")); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE kerma");
        }
        return pg;
    }

    private static Path binDirectory() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** The JDBC URL of a database of this server. */
    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    void startServer() throws Exception {
        Peers.Result r = pgCtl("-o", "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "-l", base.resolve("server.log").toString(), "-w", "-t", "60", "start");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("pg_ctl start failed: " + r.output() + "\n"
                    + Files.readString(base.resolve("server.log")));
        }
    }

    /** Stops the server at once, as a crash or an administrator would: sessions are cut. */
    void stopServer() throws Exception {
        Peers.Result r = pgCtl("-m", "immediate", "-w", "stop");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("pg_ctl stop failed: " + r.output());
        }
    }

    private Peers.Result pgCtl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(binDirectory().resolve("pg_ctl").toString(), "-D",
                data.toString()));
        command.addAll(List.of(args));
        return tool(command.toArray(String[]::new));
    }

    private Peers.Result tool(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return Peers.run(base, LIMIT, full);
    }

    private void deleteFiles() throws Exception {
        Peers.run(Path.of("/"), LIMIT, "rm", "-rf", base.toString());
    }

    @Override
    public void close() throws Exception {
        try {
            pgCtl("-m", "immediate", "-w", "stop");
        } finally {
            deleteFiles();
        }
    }

    static void awaitUp(String url) throws InterruptedException {
        long end = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < end) {
            try (Connection c = DriverManager.getConnection(url)) {
                return;
            } catch (SQLException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(url + " not up after " + LIMIT);
    }
}
