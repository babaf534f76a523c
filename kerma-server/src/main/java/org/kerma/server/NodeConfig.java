package org.kerma.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kerma.net.AeConfig;
import org.kerma.net.TrustedNode;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.DuplicatePolicy;

/**
 * Everything {@code kerma serve} needs: the DICOM side, the HTTP side, the storage and the shutdown grace. Read by
 * {@link ConfigLoader} from {@code kerma.yml}, the environment and the command line; every key and its default is
 * documented in {@code docs/configuration.md}.
 *
 * @param aeTitle         this node's AE title ({@code dicom.ae-title}, default KERMA)
 * @param dicomPort       DICOM port ({@code dicom.port}, default 11112; 0 picks a free one)
 * @param bindAddress     address the DICOM port listens on ({@code dicom.bind-address}; null: all interfaces)
 * @param trustedNodes    callers allowed to associate, and C-MOVE destinations ({@code dicom.trusted-nodes})
 * @param acceptAnyCaller accept any calling AE title ({@code dicom.accept-any-caller}; default true when no
 *                        trusted node is listed, false otherwise)
 * @param maxPduLength    maximum PDU length received ({@code dicom.max-pdu-length})
 * @param artimTimeout    ARTIM timer ({@code dicom.timeouts.artim})
 * @param dimseTimeout    DIMSE timeout ({@code dicom.timeouts.dimse})
 * @param idleTimeout     idle association timeout ({@code dicom.timeouts.idle})
 * @param maxAssociations concurrent associations ({@code dicom.max-associations})
 * @param tls             the TLS port, or null ({@code dicom.tls.*})
 * @param httpHost        address of the REST API ({@code http.host}, default 127.0.0.1)
 * @param httpPort        port of the REST API ({@code http.port}, default 8080; 0 picks a free one)
 * @param dataDirectory   archive and default SQLite index ({@code storage.data}, default ./kerma-data)
 * @param databaseUrl     JDBC URL of the index, or null for SQLite in the data directory
 *                        ({@code storage.database-url})
 * @param duplicatePolicy a different second copy of an instance ({@code storage.duplicates})
 * @param validateAtIngest validate each stored object and record its findings ({@code validation.at-ingest},
 *                        default true)
 * @param shutdownGrace   how long associations in flight may take to finish at shutdown ({@code shutdown-grace})
 * @param doseLinkWindow  ± time window linking an image to an irradiation event by acquisition time
 *                        ({@code dose.link-window}, default 1 s)
 */
public record NodeConfig(String aeTitle, int dicomPort, String bindAddress, List<TrustedNode> trustedNodes,
                         boolean acceptAnyCaller, int maxPduLength, Duration artimTimeout, Duration dimseTimeout,
                         Duration idleTimeout, int maxAssociations, Tls tls, String httpHost, int httpPort,
                         Path dataDirectory, String databaseUrl, DuplicatePolicy duplicatePolicy,
                         Duration shutdownGrace, Duration doseLinkWindow, boolean validateAtIngest) {

    /** The defaults of the DICOM network settings: those of {@link AeConfig#of}. */
    private static final AeConfig NET_DEFAULTS = AeConfig.of("KERMA", 11112);

    /**
     * TLS on a second port (PS3.15 B.9, BCP 195).
     *
     * @param port               the secure DICOM port
     * @param keyStore           PKCS#12 (or JKS) file with the node's key and certificate
     * @param keyStorePassword   its password
     * @param trustStore         certificates of trusted clients, or null to use the key store
     * @param trustStorePassword its password
     * @param clientCertificate  true: a client must present a certificate the trust store accepts
     */
    public record Tls(int port, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                      boolean clientCertificate) {
    }

    public NodeConfig {
        trustedNodes = List.copyOf(trustedNodes);
    }

    /** {@code kerma serve} with no configuration at all. */
    public static NodeConfig defaults() {
        return new NodeConfig("KERMA", 11112, null, List.of(), true, NET_DEFAULTS.maxPduLength(),
                NET_DEFAULTS.artimTimeout(), NET_DEFAULTS.dimseTimeout(), NET_DEFAULTS.idleTimeout(),
                NET_DEFAULTS.maxAssociations(), null, "127.0.0.1", 8080, RegistryConfig.DEFAULT_DATA_DIRECTORY, null,
                DuplicatePolicy.KEEP_FIRST, Duration.ofSeconds(30), RegistryConfig.DEFAULT_LINK_WINDOW, true);
    }

    /** The registry part. */
    public RegistryConfig registryConfig() {
        return new RegistryConfig(dataDirectory, databaseUrl, duplicatePolicy, doseLinkWindow, validateAtIngest);
    }

    /** The URL of the REST API, e.g. {@code http://127.0.0.1:8080/api}. */
    public String apiUrl(int port) {
        String host = httpHost.contains(":") ? "[" + httpHost + "]" : httpHost;
        return "http://" + host + ":" + port + "/api";
    }

    public NodeConfig withAeTitle(String ae) {
        return new NodeConfig(ae, dicomPort, bindAddress, trustedNodes, acceptAnyCaller, maxPduLength, artimTimeout,
                dimseTimeout, idleTimeout, maxAssociations, tls, httpHost, httpPort, dataDirectory, databaseUrl,
                duplicatePolicy, shutdownGrace, doseLinkWindow, validateAtIngest);
    }

    public NodeConfig withPorts(int dicom, int http) {
        return new NodeConfig(aeTitle, dicom, bindAddress, trustedNodes, acceptAnyCaller, maxPduLength, artimTimeout,
                dimseTimeout, idleTimeout, maxAssociations, tls, httpHost, http, dataDirectory, databaseUrl,
                duplicatePolicy, shutdownGrace, doseLinkWindow, validateAtIngest);
    }

    public NodeConfig withDataDirectory(Path data) {
        return new NodeConfig(aeTitle, dicomPort, bindAddress, trustedNodes, acceptAnyCaller, maxPduLength,
                artimTimeout, dimseTimeout, idleTimeout, maxAssociations, tls, httpHost, httpPort, data, databaseUrl,
                duplicatePolicy, shutdownGrace, doseLinkWindow, validateAtIngest);
    }

    public NodeConfig withDatabaseUrl(String url) {
        return new NodeConfig(aeTitle, dicomPort, bindAddress, trustedNodes, acceptAnyCaller, maxPduLength,
                artimTimeout, dimseTimeout, idleTimeout, maxAssociations, tls, httpHost, httpPort, dataDirectory, url,
                duplicatePolicy, shutdownGrace, doseLinkWindow, validateAtIngest);
    }

    /** The trusted nodes, and whether callers outside them are accepted too. */
    public NodeConfig withTrustedNodes(List<TrustedNode> nodes, boolean acceptAny) {
        return new NodeConfig(aeTitle, dicomPort, bindAddress, nodes, acceptAny, maxPduLength, artimTimeout,
                dimseTimeout, idleTimeout, maxAssociations, tls, httpHost, httpPort, dataDirectory, databaseUrl,
                duplicatePolicy, shutdownGrace, doseLinkWindow, validateAtIngest);
    }
}
