package org.kerma.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 section 9.3.3): the same layout as {@link AssociateRq}, with presentation context
 * results (item 0x21) instead of proposals. The AE title fields repeat those of the request and are not tested
 * (PS3.8 Table 9-17).
 *
 * @param protocolVersion      bit 0 set for version 1
 * @param calledAe             as received in the request
 * @param callingAe            as received in the request
 * @param applicationContext   the application context name
 * @param presentationContexts one result per proposed context
 * @param userInformation      the acceptor's user information
 */
public record AssociateAc(int protocolVersion, String calledAe, String callingAe, String applicationContext,
                          List<PresentationContextResult> presentationContexts, UserInformation userInformation)
        implements Pdu {

    public AssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public String name() {
        return "A-ASSOCIATE-AC";
    }
}
