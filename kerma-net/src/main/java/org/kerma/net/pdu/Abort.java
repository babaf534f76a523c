package org.kerma.net.pdu;

/**
 * A-ABORT PDU (PS3.8 section 9.3.8, Table 9-26).
 *
 * @param source 0 service-user, 2 service-provider
 * @param reason with source 2: 0 not specified, 1 unrecognized PDU, 2 unexpected PDU, 4 unrecognized PDU
 *               parameter, 5 unexpected PDU parameter, 6 invalid PDU parameter value; 0 otherwise
 */
public record Abort(int source, int reason) implements Pdu {

    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PDU_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PDU_PARAMETER = 5;
    public static final int REASON_INVALID_PDU_PARAMETER_VALUE = 6;

    @Override
    public String name() {
        return "A-ABORT";
    }

    /** The standard's words, e.g. "service-provider: unexpected-PDU". */
    public String describe() {
        String s = source == SOURCE_SERVICE_USER ? "service-user" : source == SOURCE_SERVICE_PROVIDER
                ? "service-provider" : "source " + source;
        String r = switch (reason) {
            case 0 -> "reason-not-specified";
            case 1 -> "unrecognized-PDU";
            case 2 -> "unexpected-PDU";
            case 4 -> "unrecognized-PDU-parameter";
            case 5 -> "unexpected-PDU-parameter";
            case 6 -> "invalid-PDU-parameter-value";
            default -> "reason " + reason;
        };
        return s + ": " + r;
    }
}
