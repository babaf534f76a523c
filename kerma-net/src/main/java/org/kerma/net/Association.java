package org.kerma.net;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * An established association as the services see it: who called whom from where, what was agreed.
 *
 * @param name           for logs and errors, e.g. "KERMA<-CT1#12"
 * @param callingAe      the requestor's AE title
 * @param calledAe       the acceptor's AE title
 * @param remote         the peer's socket address
 * @param contexts       the accepted presentation contexts
 * @param peerMaxLength  the peer's maximum length received (0: unlimited)
 * @param username       the user identity's username when one was negotiated (PS3.7 D.3.3.7)
 * @param peerImplementationClassUid the peer's implementation class UID
 */
public record Association(String name, String callingAe, String calledAe, InetSocketAddress remote,
                          List<PresentationContext> contexts, long peerMaxLength, Optional<String> username,
                          String peerImplementationClassUid) {

    public Association {
        contexts = List.copyOf(contexts);
    }

    /** The accepted context with this ID. */
    public Optional<PresentationContext> context(int id) {
        return contexts.stream().filter(c -> c.id() == id).findFirst();
    }

    /** The accepted contexts for a SOP class, in the order of their IDs. */
    public List<PresentationContext> contextsFor(String sopClassUid) {
        return contexts.stream().filter(c -> c.abstractSyntax().equals(sopClassUid)).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
