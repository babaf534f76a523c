package org.kerma.net.pdu;

/**
 * One upper-layer protocol data unit (PS3.8 section 9.3). Each PDU type is a record; {@link PduReader} decodes
 * them and {@link PduWriter} encodes them.
 */
public sealed interface Pdu permits AssociateRq, AssociateAc, AssociateRj, PDataTf, ReleaseRq, ReleaseRp, Abort {

    /** PDU-type byte of A-ASSOCIATE-RQ (PS3.8 Table 9-11). */
    int TYPE_ASSOCIATE_RQ = 0x01;
    int TYPE_ASSOCIATE_AC = 0x02;
    int TYPE_ASSOCIATE_RJ = 0x03;
    int TYPE_P_DATA_TF = 0x04;
    int TYPE_RELEASE_RQ = 0x05;
    int TYPE_RELEASE_RP = 0x06;
    int TYPE_ABORT = 0x07;

    /** The standard's name of this PDU, for logs and errors (e.g. "A-ASSOCIATE-RQ"). */
    String name();
}
