package org.kerma.dicom;

/**
 * A value left where it is: {@code length} bytes at {@code offset} of the resource named by {@code uri}, read only
 * when asked for. Lets a 2 GB multi-frame object be indexed without reading its pixels.
 *
 * @param uri       where the bytes are (a {@code file:} URI for archived files)
 * @param offset    byte offset of the value in that resource
 * @param length    length of the value in bytes
 * @param bigEndian true when the bytes are in big-endian order (from an Explicit VR Big Endian file)
 */
public record BulkData(String uri, long offset, long length, boolean bigEndian) {
    public BulkData {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bulk data offset and length must not be negative: offset " + offset
                    + ", length " + length);
        }
    }
}
