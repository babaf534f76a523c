package org.kerma.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.kerma.net.AeConfig;
import org.kerma.net.DicomNode;
import org.kerma.net.TlsConfig;
import org.kerma.net.TrustedNodes;
import org.kerma.registry.Registry;
import org.kerma.server.api.RestApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kerma node: the registry (archive and index), the DICOM services on the DICOM port (C-ECHO, C-STORE
 * into the registry, C-FIND Patient and Study Root, C-MOVE to trusted nodes, C-GET) and the REST API on the HTTP
 * port. What {@code kerma serve} runs.
 *
 * <pre>{@code
 * try (KermaNode node = KermaNode.start(NodeConfig.defaults())) {
 *     node.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down gracefully: the DICOM port stops accepting at once, the associations in flight get
 * {@link NodeConfig#shutdownGrace()} to finish (each C-STORE answered only once its object is durable), then the
 * HTTP server stops and the database is closed. The design note is {@code docs/node.md}.
 */
public final class KermaNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KermaNode.class);

    private final NodeConfig config;
    private final Registry registry;
    private final DicomNode dicom;
    private final RestApi api;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object closedSignal = new Object();

    private KermaNode(NodeConfig config, Registry registry, DicomNode dicom, RestApi api) {
        this.config = config;
        this.registry = registry;
        this.dicom = dicom;
        this.api = api;
    }

    /**
     * Opens the registry (removing temporary files a crash left), then starts the DICOM and HTTP listeners.
     *
     * @throws IOException when a port cannot be bound or the data directory cannot be used
     * @throws org.kerma.registry.index.IndexException when the database cannot be opened
     * @throws ConfigException when the TLS key or trust store cannot be loaded
     */
    public static KermaNode start(NodeConfig config) throws IOException {
        AeConfig ae = aeConfig(config);
        Registry registry = Registry.open(config.registryConfig());
        DicomNode dicom = null;
        try {
            RegistryServices services = new RegistryServices(registry, config.aeTitle());
            dicom = DicomNode.create(ae).onStore(services).onFind(services).onMove(services).onGet(services);
            try {
                dicom.start();
            } catch (java.net.BindException e) {
                throw new java.net.BindException("cannot listen on DICOM port " + config.dicomPort()
                        + (config.tls() == null ? "" : " or TLS port " + config.tls().port()) + " (dicom.port, "
                        + "--dicom-port): " + e.getMessage());
            }
            RestApi api = RestApi.start(registry, new RestApi.Node(config.aeTitle(), dicom.port(),
                    config.trustedNodes(), config.acceptAnyCaller()), config.httpHost(), config.httpPort());
            LOG.info("{}: serving DICOM on port {}, HTTP on {}", config.aeTitle(), dicom.port(),
                    config.apiUrl(api.port()));
            extractPendingInBackground(registry);
            return new KermaNode(config, registry, dicom, api);
        } catch (IOException | RuntimeException e) {
            if (dicom != null) {
                dicom.close();
            }
            registry.close();
            throw e;
        }
    }

    /**
     * Runs the extractors on instances acknowledged earlier whose extraction was lost (a crash, the database away) or
     * never ran (a Kerma that had fewer extractors), beside the live traffic.
     */
    private static void extractPendingInBackground(Registry registry) {
        Thread t = new Thread(() -> {
            try {
                int done = registry.ingest().extractPending();
                if (done > 0) {
                    LOG.info("extracted dose, protocol and validation data from {} instance(s) whose extraction was"
                            + " pending", done);
                }
            } catch (RuntimeException e) {
                LOG.warn("extraction of pending instances stopped: {}", e.getMessage());
            }
        }, "kerma-pending-extraction");
        t.setDaemon(true);
        t.start();
    }

    /** The network configuration of the DICOM side. */
    static AeConfig aeConfig(NodeConfig c) {
        AeConfig ae = AeConfig.of(c.aeTitle(), c.dicomPort()).withBindAddress(c.bindAddress())
                .withMaxPduLength(c.maxPduLength()).withTimeouts(c.artimTimeout(), c.dimseTimeout(), c.idleTimeout())
                .withMaxAssociations(c.maxAssociations())
                .withTrustedNodes(new TrustedNodes(c.trustedNodes(), c.acceptAnyCaller()));
        if (c.tls() != null) {
            ae = ae.withTls(new TlsConfig(c.tls().port(), sslContext(c.tls()), c.tls().clientCertificate()));
        }
        return ae;
    }

    private static SSLContext sslContext(NodeConfig.Tls tls) {
        try {
            KeyStore keys = keyStore(tls.keyStore(), tls.keyStorePassword(), "dicom.tls.key-store");
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, tls.keyStorePassword().toCharArray());
            KeyStore trust = tls.trustStore() == null ? keys
                    : keyStore(tls.trustStore(), tls.trustStorePassword(), "dicom.tls.trust-store");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new ConfigException("dicom.tls: cannot set up TLS with " + tls.keyStore() + ": " + e.getMessage(),
                    e);
        }
    }

    private static KeyStore keyStore(Path file, String password, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(key + ": cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    public NodeConfig config() {
        return config;
    }

    public Registry registry() {
        return registry;
    }

    /** The DICOM port listened on (the one picked when the configuration said 0). */
    public int dicomPort() {
        return dicom.port();
    }

    /** The TLS port, or -1. */
    public int tlsPort() {
        return dicom.tlsPort();
    }

    /** The HTTP port of the REST API. */
    public int httpPort() {
        return api.port();
    }

    /** The URL of the REST API. */
    public String apiUrl() {
        return config.apiUrl(api.port());
    }

    /** Blocks until {@link #close()} has finished (from a shutdown hook or another thread). */
    public void awaitShutdown() throws InterruptedException {
        synchronized (closedSignal) {
            while (!closed.get()) {
                closedSignal.wait();
            }
        }
    }

    /**
     * Graceful shutdown: stop accepting associations, let those in flight finish (at most the configured grace,
     * then they are aborted; an object whose C-STORE was not answered was not acknowledged), stop the REST API,
     * close the database. Idempotent.
     */
    @Override
    public void close() {
        if (closed.get()) {
            return;
        }
        synchronized (this) {
            if (closed.get()) {
                return;
            }
            try {
                boolean drained = dicom.shutdown(config.shutdownGrace());
                LOG.info("{}: DICOM port closed{}", config.aeTitle(), drained ? ", every association finished"
                        : ", associations still open after " + config.shutdownGrace() + " were aborted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dicom.close();
            }
            api.close();
            registry.close();
            LOG.info("{}: stopped; index closed", config.aeTitle());
            synchronized (closedSignal) {
                closed.set(true);
                closedSignal.notifyAll();
            }
        }
    }
}
