package org.kerma.net.pdu;

/** A-RELEASE-RQ PDU (PS3.8 section 9.3.6): four reserved bytes. */
public record ReleaseRq() implements Pdu {
    @Override
    public String name() {
        return "A-RELEASE-RQ";
    }
}
