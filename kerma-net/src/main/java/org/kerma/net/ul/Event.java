package org.kerma.net.ul;

/** The events of the DICOM upper layer protocol machine (PS3.8 section 9.2, Table 9-2). */
public enum Event {
    Evt1("A-ASSOCIATE Request (local user)"),
    Evt2("Transport Connect Confirm (local transport service)"),
    Evt3("A-ASSOCIATE-AC PDU (received on transport connection)"),
    Evt4("A-ASSOCIATE-RJ PDU (received on transport connection)"),
    Evt5("Transport Connection Indication (local transport service)"),
    Evt6("A-ASSOCIATE-RQ PDU (on transport connection)"),
    Evt7("A-ASSOCIATE-response primitive (accept)"),
    Evt8("A-ASSOCIATE-response primitive (reject)"),
    Evt9("P-DATA request primitive"),
    Evt10("P-DATA-TF PDU"),
    Evt11("A-RELEASE Request primitive"),
    Evt12("A-RELEASE-RQ PDU (on transport)"),
    Evt13("A-RELEASE-RP PDU (on transport)"),
    Evt14("A-RELEASE response primitive"),
    Evt15("A-ABORT Request primitive"),
    Evt16("A-ABORT PDU (on transport)"),
    Evt17("Transport connection closed indication (local transport service)"),
    Evt18("ARTIM timer expired (Association reject/release timer)"),
    Evt19("Unrecognized or invalid PDU received");

    private final String description;

    Event(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
