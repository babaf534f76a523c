package org.kerma.tools.read;

/**
 * One transfer syntax of dicom3tools' {@code transyn.tpl}.
 *
 * @param uid          the UID
 * @param description  the "Desc" text (hand-kept, not the registered name)
 * @param explicitVr   VR="explicit"
 * @param bigEndian    Endian="big"
 * @param encapsulated Encap="yes"
 */
public record Dicom3toolsTransferSyntax(String uid, String description, boolean explicitVr, boolean bigEndian,
                                        boolean encapsulated) {
}
