package org.kerma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kerma.server.ConfigLoader;
import org.kerma.server.KermaNode;
import org.kerma.server.NodeConfig;
import org.kerma.server.auth.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kerma serve}: runs the node (DICOM services into the registry, REST API) until SIGTERM or Ctrl-C, then
 * shuts down gracefully. Configuration, lowest precedence first: defaults, {@code kerma.yml} ({@code --config}, or
 * {@code ./kerma.yml} when present), {@code KERMA_*} environment variables, these flags (docs/configuration.md).
 */
@Command(name = "serve", description = "Run the Kerma node (DICOM and REST) until stopped (SIGTERM, Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: ./kerma.yml when it exists).")
    private Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: archive and default SQLite index.")
    private Path data;

    @Option(names = {"--aet", "-aet"}, paramLabel = "AE", description = "This node's AE title.")
    private String aeTitle;

    @Option(names = "--dicom-port", paramLabel = "PORT", description = "DICOM port (0: any free port).")
    private Integer dicomPort;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port of the REST API (0: any free port).")
    private Integer httpPort;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Index database, e.g. jdbc:postgresql://host/kerma"
            + "?user=kerma (default: SQLite in the data directory).")
    private String database;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path file = config;
        if (file == null && Files.isRegularFile(Path.of("kerma.yml"))) {
            file = Path.of("kerma.yml");
        }
        NodeConfig c = ConfigLoader.load(file, System.getenv());
        if (data != null) {
            c = c.withDataDirectory(data);
        }
        if (aeTitle != null) {
            c = c.withAeTitle(aeTitle);
        }
        c = c.withPorts(dicomPort != null ? dicomPort : c.dicomPort(), httpPort != null ? httpPort : c.httpPort());
        if (database != null) {
            c = c.withDatabaseUrl(database);
        }
        KermaNode node = KermaNode.start(c);
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "kerma-shutdown"));
        Path dataDir = c.dataDirectory().toAbsolutePath().normalize();
        out.println("kerma serve: configuration " + (file == null ? "defaults (no kerma.yml)" : file.toAbsolutePath()));
        out.println("kerma serve: storing in " + dataDir.resolve("archive") + ", index "
                + withoutPassword(c.registryConfig().effectiveDatabaseUrl()));
        out.println("kerma serve: AE title " + c.aeTitle() + ", DICOM port " + node.dicomPort()
                + (node.tlsPort() >= 0 ? ", TLS port " + node.tlsPort() : "") + ", "
                + (c.acceptAnyCaller() ? "accepting any calling AE title" : "accepting only trusted nodes")
                + (c.trustedNodes().isEmpty() ? "" : " (trusted: " + c.trustedNodes().stream()
                .map(n -> n.aeTitle() + "@" + n.host() + ":" + n.port()).collect(Collectors.joining(", ")) + ")"));
        out.println("kerma serve: dashboard at " + node.apiUrl().replaceAll("/api$", "/") + ", REST API at "
                + node.apiUrl() + " (health: " + node.apiUrl() + "/health)");
        if (new Accounts(node.registry().index()).userCount() == 0) {
            out.println("kerma serve: no user yet; the dashboard at " + node.apiUrl().replaceAll("/api$", "/")
                    + " and the REST API need one. Create the first admin with: kerma user add NAME --role admin"
                    + " --data " + dataDir + (database != null ? " --db " + withoutPassword(database) : ""));
        }
        out.println("kerma serve: running; stop with Ctrl-C or SIGTERM");
        out.flush();
        node.awaitShutdown();
        return Kerma.EXIT_OK;
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
