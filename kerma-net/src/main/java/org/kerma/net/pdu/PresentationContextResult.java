package org.kerma.net.pdu;

/**
 * Presentation context item of an A-ASSOCIATE-AC (item type 0x21, PS3.8 section 9.3.3.2).
 *
 * @param id             the ID of the proposed context this answers
 * @param result         0 acceptance, 1 user-rejection, 2 no-reason (provider rejection), 3 abstract-syntax-not-supported
 *                       (provider rejection), 4 transfer-syntaxes-not-supported (provider rejection)
 * @param transferSyntax the accepted transfer syntax; when not accepted, any value (the standard says it is not
 *                       significant); may be empty
 */
public record PresentationContextResult(int id, int result, String transferSyntax) {

    public static final int ACCEPTANCE = 0;
    public static final int USER_REJECTION = 1;
    public static final int NO_REASON = 2;
    public static final int ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    /** The standard's words for a result value (PS3.8 Table 9-18). */
    public static String describe(int result) {
        return switch (result) {
            case 0 -> "acceptance";
            case 1 -> "user-rejection";
            case 2 -> "no-reason (provider rejection)";
            case 3 -> "abstract-syntax-not-supported (provider rejection)";
            case 4 -> "transfer-syntaxes-not-supported (provider rejection)";
            default -> "result " + result;
        };
    }
}
