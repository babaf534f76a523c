package org.kerma.tools.read;

/**
 * A transfer syntax as PS3.5 Annex A specifies it: the section that identifies the UID and what that section's
 * place and title say about the encoding.
 *
 * @param uid          the UID
 * @param section      the section label, e.g. "A.4.1"
 * @param title        the section title
 * @param explicitVr   false only under "Implicit VR" titles
 * @param bigEndian    true under "Big Endian" titles
 * @param deflated     true for a "Deflate" title outside the encapsulation section A.4 (a deflated data set, not
 *                     deflated frames)
 * @param encapsulated true inside "Transfer Syntaxes for Encapsulation of Encoded Pixel Data" (A.4)
 */
public record AnnexATransferSyntax(String uid, String section, String title, boolean explicitVr, boolean bigEndian,
                                   boolean deflated, boolean encapsulated) {
}
