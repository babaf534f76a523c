package org.kerma.net.ul;

/**
 * The actions of the DICOM upper layer protocol machine (PS3.8 section 9.2, Tables 9-6 to 9-9), with the state
 * each leads to. Two actions have a conditional next state: AE-6 (Sta3 if the request is acceptable, else Sta13)
 * and AR-8 (Sta9 for the association requestor, Sta10 for the acceptor); {@link #next} gives the first.
 */
public enum Action {
    AE_1("Issue TRANSPORT CONNECT request primitive to local transport service", State.Sta4),
    AE_2("Send A-ASSOCIATE-RQ-PDU", State.Sta5),
    AE_3("Issue A-ASSOCIATE confirmation (accept) primitive", State.Sta6),
    AE_4("Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", State.Sta1),
    AE_5("Issue Transport connection response primitive; start ARTIM timer", State.Sta2),
    AE_6("Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue A-ASSOCIATE indication "
            + "primitive (next Sta3), otherwise: issue A-ASSOCIATE-RJ-PDU and start ARTIM timer (next Sta13)",
            State.Sta3),
    AE_7("Send A-ASSOCIATE-AC PDU", State.Sta6),
    AE_8("Send A-ASSOCIATE-RJ PDU and start ARTIM timer", State.Sta13),
    DT_1("Send P-DATA-TF PDU", State.Sta6),
    DT_2("Send P-DATA indication primitive", State.Sta6),
    AR_1("Send A-RELEASE-RQ PDU", State.Sta7),
    AR_2("Issue A-RELEASE indication primitive", State.Sta8),
    AR_3("Issue A-RELEASE confirmation primitive, and close transport connection", State.Sta1),
    AR_4("Issue A-RELEASE-RP PDU and start ARTIM timer", State.Sta13),
    AR_5("Stop ARTIM timer", State.Sta1),
    AR_6("Issue P-DATA indication", State.Sta7),
    AR_7("Issue P-DATA-TF PDU", State.Sta8),
    AR_8("Issue A-RELEASE indication (release collision): if association-requestor, next Sta9, else Sta10",
            State.Sta9),
    AR_9("Send A-RELEASE-RP PDU", State.Sta11),
    AR_10("Issue A-RELEASE confirmation primitive", State.Sta12),
    AA_1("Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer",
            State.Sta13),
    AA_2("Stop ARTIM timer if running. Close transport connection", State.Sta1),
    AA_3("If (service-user initiated abort): issue A-ABORT indication and close transport connection; "
            + "otherwise (service-provider initiated abort): issue A-P-ABORT indication and close transport "
            + "connection", State.Sta1),
    AA_4("Issue A-P-ABORT indication primitive", State.Sta1),
    AA_5("Stop ARTIM timer", State.Sta1),
    AA_6("Ignore PDU", State.Sta13),
    AA_7("Send A-ABORT PDU", State.Sta13),
    AA_8("Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer",
            State.Sta13);

    private final String description;
    private final State next;

    Action(String description, State next) {
        this.description = description;
        this.next = next;
    }

    /** The standard's name, e.g. "AE-6". */
    public String standardName() {
        return name().replace('_', '-');
    }

    public String description() {
        return description;
    }

    /** The state after this action (the first alternative for AE-6 and AR-8). */
    public State next() {
        return next;
    }
}
