package org.kerma.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The trusted nodes of a {@link DicomNode}: who may associate and where C-MOVE destinations are.
 *
 * @param nodes     the table
 * @param acceptAny when true, any calling AE title is accepted (the table still resolves C-MOVE destinations)
 */
public record TrustedNodes(List<TrustedNode> nodes, boolean acceptAny) {

    public static final TrustedNodes ANY = new TrustedNodes(List.of(), true);

    public TrustedNodes {
        nodes = List.copyOf(nodes);
    }

    public static TrustedNodes of(TrustedNode... nodes) {
        return new TrustedNodes(List.of(nodes), false);
    }

    /** The node with this AE title (a C-MOVE destination). */
    public Optional<TrustedNode> find(String aeTitle) {
        return nodes.stream().filter(n -> n.aeTitle().equals(aeTitle)).findFirst();
    }

    /**
     * True when {@code callingAe} connecting from {@code address} may associate: accept-any is on, or a node with
     * that AE title has a host that resolves to the address.
     */
    public boolean trusts(String callingAe, InetAddress address) {
        if (acceptAny) {
            return true;
        }
        for (TrustedNode n : nodes) {
            if (n.aeTitle().equals(callingAe) && hostMatches(n.host(), address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostMatches(String host, InetAddress address) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.equals(address) || (a.isLoopbackAddress() && address.isLoopbackAddress())) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }
}
