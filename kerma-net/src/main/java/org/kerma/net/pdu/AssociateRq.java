package org.kerma.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-RQ PDU (PS3.8 section 9.3.2).
 *
 * <pre>
 *  0      1  2        5  6   7  8    9  10 ... 25  26 ... 41  42 ... 73  74 ...
 * +------+--+---------+------+-----+-----------+-----------+-----------+-------------------
 * | 0x01 |00| length  | version | 00 | called AE | calling AE| reserved  | variable items
 * +------+--+---------+------+-----+-----------+-----------+-----------+-------------------
 * </pre>
 *
 * @param protocolVersion      bit 0 set for version 1 (the only one defined)
 * @param calledAe             the called AE title, trimmed
 * @param callingAe            the calling AE title, trimmed
 * @param applicationContext   the application context name (1.2.840.10008.3.1.1.1 for DICOM)
 * @param presentationContexts the proposed presentation contexts, in the order they were sent
 * @param userInformation      the user information item
 */
public record AssociateRq(int protocolVersion, String calledAe, String callingAe, String applicationContext,
                          List<PresentationContextItem> presentationContexts, UserInformation userInformation)
        implements Pdu {

    public AssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public String name() {
        return "A-ASSOCIATE-RQ";
    }
}
