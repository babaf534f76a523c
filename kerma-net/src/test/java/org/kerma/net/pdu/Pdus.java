package org.kerma.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Annotated PDU byte fixtures (PS3.8 section 9.3). Each fixture is written as hex with 'quoted ASCII' runs, and
 * the comment above it decodes it field by field.
 */
public final class Pdus {

    private Pdus() {
    }

    /**
     * A-ASSOCIATE-RQ as dcmtk echoscu sends it.
     * <pre>
     * 01 00 000000CD         PDU type 1, reserved, length 205
     * 0001 0000              protocol version 1, reserved
     * 'ANY-SCP         '     called AE title (16)
     * 'ECHOSCU         '     calling AE title (16)
     * 32 x 00                reserved
     * 10 00 0015 '1.2.840.10008.3.1.1.1'               application context item, 21 bytes
     * 20 00 002E 01 00 00 00                           presentation context 1, 46 bytes
     *    30 00 0011 '1.2.840.10008.1.1'                abstract syntax Verification
     *    40 00 0011 '1.2.840.10008.1.2'                transfer syntax Implicit VR Little Endian
     * 50 00 003A                                       user information, 58 bytes
     *    51 00 0004 00004000                           maximum length 16384
     *    52 00 001B '1.2.276.0.7230010.3.0.3.6.7'      implementation class UID (27)
     *    55 00 000F 'OFFIS_DCMTK_367'                  implementation version name (15)
     * </pre>
     */
    public static final byte[] ECHOSCU_ASSOCIATE_RQ = bytes(
            "01 00 000000CD", "0001 0000", "'ANY-SCP         '", "'ECHOSCU         '",
            "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000",
            "10 00 0015", "'1.2.840.10008.3.1.1.1'",
            "20 00 002E 01 00 00 00",
            "30 00 0011", "'1.2.840.10008.1.1'",
            "40 00 0011", "'1.2.840.10008.1.2'",
            "50 00 003A",
            "51 00 0004 00004000",
            "52 00 001B", "'1.2.276.0.7230010.3.0.3.6.7'",
            "55 00 000F", "'OFFIS_DCMTK_367'");

    /**
     * A-ASSOCIATE-AC answering it, with a user identity server response.
     * <pre>
     * 02 00 000000AC         PDU type 2, reserved, length 172
     * 0001 0000              protocol version 1, reserved
     * 'ANY-SCP         '     called AE title, echoed
     * 'ECHOSCU         '     calling AE title, echoed
     * 32 x 00                reserved
     * 10 00 0015 '1.2.840.10008.3.1.1.1'               application context
     * 21 00 0019 01 00 00 00                           presentation context 1, result 0 acceptance, 25 bytes
     *    40 00 0011 '1.2.840.10008.1.2'                accepted transfer syntax
     * 50 00 002E                                       user information, 46 bytes
     *    51 00 0004 00010000                           maximum length 65536
     *    52 00 0007 '1.2.3.4'                          implementation class UID
     *    53 00 0004 0001 0001                          asynchronous operations window 1/1
     *    55 00 0005 'KERMA'                            implementation version name
     *    59 00 0006 0004 'OKAY'                        user identity server response, 4 bytes
     * </pre>
     */
    public static final byte[] ASSOCIATE_AC = bytes(
            "02 00 000000AC", "0001 0000", "'ANY-SCP         '", "'ECHOSCU         '",
            "00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000",
            "10 00 0015", "'1.2.840.10008.3.1.1.1'",
            "21 00 0019 01 00 00 00",
            "40 00 0011", "'1.2.840.10008.1.2'",
            "50 00 002E",
            "51 00 0004 00010000",
            "52 00 0007", "'1.2.3.4'",
            "53 00 0004 0001 0001",
            "55 00 0005", "'KERMA'",
            "59 00 0006 0004", "'OKAY'");

    /** A-ASSOCIATE-RJ: 03 00 00000004, reserved, result 1 permanent, source 1 service-user, reason 3 calling AE. */
    public static final byte[] ASSOCIATE_RJ_CALLING_AE = bytes("03 00 00000004 00 01 01 03");

    /** A-RELEASE-RQ: 05 00 00000004 and four reserved bytes. */
    public static final byte[] RELEASE_RQ = bytes("05 00 00000004 00000000");

    /** A-ABORT: 07 00 00000004, two reserved, source 2 service-provider, reason 2 unexpected PDU. */
    public static final byte[] ABORT_UNEXPECTED_PDU = bytes("07 00 00000004 00 00 02 02");

    /**
     * P-DATA-TF with two PDVs.
     * <pre>
     * 04 00 00000012         PDU type 4, length 18
     * 00000004 01 03 AABB    PDV 1: length 4, context 1, control 03 (command, last), 2 bytes
     * 00000006 03 00 01020304  PDV 2: length 6, context 3, control 00 (data, not last), 4 bytes
     * </pre>
     */
    public static final byte[] P_DATA_TWO_PDVS = bytes("04 00 00000012", "00000004 01 03 AABB", "00000006 03 00 01020304");

    /** Hex digits (spaces ignored) and 'quoted ASCII' tokens, concatenated. */
    public static byte[] bytes(String... tokens) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String t : tokens) {
            if (t.startsWith("'")) {
                out.writeBytes(t.substring(1, t.length() - 1).getBytes(StandardCharsets.US_ASCII));
            } else {
                String hex = t.replace(" ", "");
                for (int i = 0; i < hex.length(); i += 2) {
                    out.write(Integer.parseInt(hex.substring(i, i + 2), 16));
                }
            }
        }
        return out.toByteArray();
    }
}
