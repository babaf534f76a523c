package org.kerma.net.pdu;

/**
 * A-ASSOCIATE-RJ PDU (PS3.8 section 9.3.4, Table 9-21): result, source and reason, each one byte.
 *
 * @param result 1 rejected-permanent, 2 rejected-transient
 * @param source 1 DICOM UL service-user, 2 service-provider (ACSE related), 3 service-provider (presentation related)
 * @param reason meaning depends on the source (see the constants)
 */
public record AssociateRj(int result, int source, int reason) implements Pdu {

    public static final int RESULT_PERMANENT = 1;
    public static final int RESULT_TRANSIENT = 2;

    public static final int SOURCE_SERVICE_USER = 1;
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    /** Source 1: no reason given. */
    public static final int REASON_NO_REASON_GIVEN = 1;
    /** Source 1: application context name not supported. */
    public static final int REASON_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    /** Source 1: calling AE title not recognised. */
    public static final int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    /** Source 1: called AE title not recognised. */
    public static final int REASON_CALLED_AE_NOT_RECOGNIZED = 7;
    /** Source 2: protocol version not supported. */
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    /** Source 3: temporary congestion. */
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    /** Source 3: local limit exceeded. */
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public String name() {
        return "A-ASSOCIATE-RJ";
    }

    /** The standard's words for result, source and reason, e.g. "rejected-permanent, service-user: calling-AE-title-not-recognized". */
    public String describe() {
        String r = result == RESULT_PERMANENT ? "rejected-permanent" : result == RESULT_TRANSIENT ? "rejected-transient"
                : "result " + result;
        return r + ", " + sourceName() + ": " + reasonName();
    }

    private String sourceName() {
        return switch (source) {
            case SOURCE_SERVICE_USER -> "service-user";
            case SOURCE_SERVICE_PROVIDER_ACSE -> "service-provider (ACSE)";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> "service-provider (presentation)";
            default -> "source " + source;
        };
    }

    private String reasonName() {
        if (source == SOURCE_SERVICE_USER) {
            return switch (reason) {
                case 1 -> "no-reason-given";
                case 2 -> "application-context-name-not-supported";
                case 3 -> "calling-AE-title-not-recognized";
                case 7 -> "called-AE-title-not-recognized";
                default -> "reason " + reason;
            };
        }
        if (source == SOURCE_SERVICE_PROVIDER_ACSE) {
            return reason == 1 ? "no-reason-given" : reason == 2 ? "protocol-version-not-supported" : "reason " + reason;
        }
        return reason == 1 ? "temporary-congestion" : reason == 2 ? "local-limit-exceeded" : "reason " + reason;
    }
}
