package org.kerma.dicom;

/**
 * How a transfer syntax encodes a data set (PS3.5 section 10 and Annex A).
 *
 * @param explicitVr   true when each data element header carries its VR (all but Implicit VR Little Endian)
 * @param bigEndian    true for the retired Explicit VR Big Endian
 * @param deflated     true when the whole data set after the file meta information is deflated (RFC 1951), as in
 *                     Deflated Explicit VR Little Endian and the JPIP Referenced Deflate syntaxes
 * @param encapsulated true when Pixel Data is held as encapsulated fragments (PS3.5 A.4), as in all compressed
 *                     syntaxes
 */
public record TransferSyntaxTraits(boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {
}
