package org.kerma.net.pdu;

/** A-RELEASE-RP PDU (PS3.8 section 9.3.7): four reserved bytes. */
public record ReleaseRp() implements Pdu {
    @Override
    public String name() {
        return "A-RELEASE-RP";
    }
}
