package org.kerma.net;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.Uid;

/**
 * The configuration of one Kerma application entity acting as a node. Start from {@link #of} and change what you
 * need with the {@code with...} methods; every other setting has a default that works.
 *
 * @param aeTitle            this node's AE title (1 to 16 characters)
 * @param port               TCP port; 0 picks a free one (see {@link DicomNode#port()})
 * @param bindAddress        address to listen on; null for all interfaces
 * @param maxPduLength       the maximum length received this node announces (PS3.8 D.1), and the bound on
 *                           incoming P-DATA-TF PDUs
 * @param artimTimeout       ARTIM: how long a new connection may take to send A-ASSOCIATE-RQ, and to close after
 *                           release, reject or abort (PS3.8 section 9.1.5)
 * @param dimseTimeout       how long to wait for the rest of a message, or for a response
 * @param idleTimeout        how long an established association may stay silent before it is aborted
 * @param maxAssociations    concurrent associations; more are rejected (transient, local limit exceeded)
 * @param trustedNodes       who may call, and C-MOVE destinations
 * @param acceptAnyCalledAe  when false, a called AE title other than {@code aeTitle} is rejected
 * @param sopClasses         abstract syntaxes accepted (default: Verification, every storage SOP class, and the
 *                           query/retrieve models for which a handler is installed)
 * @param transferSyntaxes   accepted transfer syntaxes, in order of preference
 * @param tls                TLS settings for a second, secure port; null for none
 */
public record AeConfig(String aeTitle, int port, String bindAddress, int maxPduLength, Duration artimTimeout,
                       Duration dimseTimeout, Duration idleTimeout, int maxAssociations, TrustedNodes trustedNodes,
                       boolean acceptAnyCalledAe, Set<String> sopClasses, List<String> transferSyntaxes,
                       TlsConfig tls) {

    /** Default maximum length received: 256 KiB keeps PDUs few and large on loopback and LAN. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 256 * 1024;

    public AeConfig {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1 to 16 characters: '" + aeTitle + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxPduLength < 4096) {
            throw new IllegalArgumentException("maximum PDU length below 4096: " + maxPduLength);
        }
        sopClasses = Set.copyOf(sopClasses);
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /**
     * A node with defaults: only trusted callers (none yet: add some, or {@link #withAcceptAnyCaller}), storage of
     * every storage SOP class, verification.
     */
    public static AeConfig of(String aeTitle, int port) {
        Set<String> classes = new LinkedHashSet<>();
        classes.add(Uid.Verification);
        classes.addAll(SopClasses.storage());
        classes.addAll(SopClasses.queryRetrieve());
        return new AeConfig(aeTitle, port, null, DEFAULT_MAX_PDU_LENGTH, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMinutes(5), 64, new TrustedNodes(List.of(), false), false,
                classes, SopClasses.transferSyntaxes(), null);
    }

    /** Accepts any calling AE title (the trusted-node list still resolves C-MOVE destinations). */
    public AeConfig withAcceptAnyCaller() {
        return withTrustedNodes(new TrustedNodes(trustedNodes.nodes(), true));
    }

    public AeConfig withTrustedNodes(TrustedNodes nodes) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, nodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withTrustedNodes(TrustedNode... nodes) {
        return withTrustedNodes(new TrustedNodes(List.of(nodes), trustedNodes.acceptAny()));
    }

    public AeConfig withBindAddress(String address) {
        return new AeConfig(aeTitle, port, address, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withMaxPduLength(int length) {
        return new AeConfig(aeTitle, port, bindAddress, length, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withTimeouts(Duration artim, Duration dimse, Duration idle) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artim, dimse, idle, maxAssociations,
                trustedNodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withMaxAssociations(int max) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout, max,
                trustedNodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withAcceptAnyCalledAe(boolean any) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, any, sopClasses, transferSyntaxes, tls);
    }

    public AeConfig withSopClasses(Set<String> classes) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, acceptAnyCalledAe, classes, transferSyntaxes, tls);
    }

    public AeConfig withTransferSyntaxes(List<String> preferenceOrder) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, acceptAnyCalledAe, sopClasses, preferenceOrder, tls);
    }

    public AeConfig withTls(TlsConfig tlsConfig) {
        return new AeConfig(aeTitle, port, bindAddress, maxPduLength, artimTimeout, dimseTimeout, idleTimeout,
                maxAssociations, trustedNodes, acceptAnyCalledAe, sopClasses, transferSyntaxes, tlsConfig);
    }
}
