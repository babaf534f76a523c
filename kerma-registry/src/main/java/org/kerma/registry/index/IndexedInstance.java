package org.kerma.registry.index;

/**
 * An instance as the index holds it.
 *
 * @param id                the index's key for the instance
 * @param sopInstanceUid    its SOP Instance UID (unique in the index)
 * @param sopClassUid       its SOP Class UID
 * @param objectClass       what kind of object it is, from its SOP Class
 * @param studyInstanceUid  the study it belongs to
 * @param seriesInstanceUid the series it belongs to
 * @param filePath          its file, relative to the archive root
 * @param fileSize          the file's length in bytes
 * @param sha256            the SHA-256 of the file, lower-case hex
 * @param transferSyntaxUid the transfer syntax of the data set in the file
 * @param senderAe          the AE title that sent it, or null for an import
 * @param receivedAt        when it was received, milliseconds since the epoch
 */
public record IndexedInstance(long id, String sopInstanceUid, String sopClassUid, ObjectClass objectClass,
                              String studyInstanceUid, String seriesInstanceUid, String filePath, long fileSize,
                              String sha256, String transferSyntaxUid, String senderAe, long receivedAt) {
}
