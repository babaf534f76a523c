package org.kerma.dicom;

import java.util.Optional;

/**
 * A transfer syntax: how a data set is encoded (PS3.5 section 10). An open value: any UID the registry knows can
 * be represented, and the four native encodings have constants.
 *
 * @param uid          the Transfer Syntax UID
 * @param explicitVr   true when element headers carry the VR
 * @param bigEndian    true for Explicit VR Big Endian (retired)
 * @param deflated     true when the data set after the file meta information is deflated (RFC 1951)
 * @param encapsulated true when Pixel Data is encapsulated in fragments (compressed or encapsulated uncompressed)
 */
public record TransferSyntax(String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
            new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

    /** The transfer syntax for a UID the registry knows, or empty. Surrounding spaces and NUL padding are ignored. */
    public static Optional<TransferSyntax> find(String uid) {
        String u = trimUid(uid);
        for (TransferSyntax ts : new TransferSyntax[] {
                IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
                EXPLICIT_VR_BIG_ENDIAN}) {
            if (ts.uid.equals(u)) {
                return Optional.of(ts);
            }
        }
        return UidRegistry.standard().transferSyntaxTraits(u)
                .map(t -> new TransferSyntax(u, t.explicitVr(), t.bigEndian(), t.deflated(), t.encapsulated()));
    }

    /** True for the uncompressed encodings a writer can produce from any data set. */
    public boolean isNative() {
        return !encapsulated;
    }

    /** The registry's name for this transfer syntax, or its UID. */
    public String name() {
        return UidRegistry.standard().nameOf(uid);
    }

    static String trimUid(String uid) {
        int end = uid.length();
        while (end > 0 && (uid.charAt(end - 1) == 0 || uid.charAt(end - 1) == ' ')) {
            end--;
        }
        int start = 0;
        while (start < end && uid.charAt(start) == ' ') {
            start++;
        }
        return uid.substring(start, end);
    }
}
