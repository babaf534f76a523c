package org.kerma.net;

/** The association has no accepted presentation context for a SOP class (and transfer syntax, when given). */
public final class NoPresentationContextException extends DimseException {

    private final String sopClassUid;
    private final String transferSyntaxUid;

    public NoPresentationContextException(String association, String sopClassUid, String transferSyntaxUid) {
        super(association, "no accepted presentation context for " + org.kerma.dicom.UidRegistry.standard()
                .nameOf(sopClassUid) + " (" + sopClassUid + ")"
                + (transferSyntaxUid == null ? "" : " that can carry transfer syntax " + transferSyntaxUid));
        this.sopClassUid = sopClassUid;
        this.transferSyntaxUid = transferSyntaxUid;
    }

    public String sopClassUid() {
        return sopClassUid;
    }

    /** The transfer syntax of the data that could not be sent, or null. */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }
}
