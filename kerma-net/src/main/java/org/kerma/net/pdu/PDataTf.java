package org.kerma.net.pdu;

import java.util.List;

/**
 * P-DATA-TF PDU (PS3.8 section 9.3.5): one or more presentation data values.
 *
 * <pre>
 * PDU:  | 0x04 | 00 | PDU length (4) | PDV item | PDV item | ...
 * PDV:  | item length (4) | context ID (1) | message control header (1) | fragment (item length - 2) |
 * </pre>
 *
 * @param pdvs the presentation data values, in order
 */
public record PDataTf(List<Pdv> pdvs) implements Pdu {

    public PDataTf {
        pdvs = List.copyOf(pdvs);
    }

    @Override
    public String name() {
        return "P-DATA-TF";
    }
}
