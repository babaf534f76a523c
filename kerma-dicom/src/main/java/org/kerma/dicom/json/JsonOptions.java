package org.kerma.dicom.json;

import java.util.Objects;

/**
 * How {@link DicomJson} writes binary values and what it accepts when reading. Immutable; start from
 * {@link #DEFAULT} and change with the {@code with...} methods.
 *
 * <p>Writing: a binary value (OB, OD, OF, OL, OV, OW, UN, encapsulated Pixel Data) held in memory is written as
 * InlineBinary when it is shorter than {@code inlineBinaryThreshold} bytes, else as a BulkDataURI named by
 * {@code bulkDataUris}. A value left in its file ({@link org.kerma.dicom.BulkData}, or fragments left in the file)
 * is always written as a BulkDataURI, whatever its VR: writing never reads files.
 *
 * @param inlineBinaryThreshold in-memory binary values of at least this many bytes become BulkDataURIs;
 *                              {@code Long.MAX_VALUE} (the default) writes them all inline
 * @param bulkDataUris          names the BulkDataURIs; the default gives Kerma's {@code file:} references for
 *                              values left in a file and refuses in-memory values
 * @param maxDepth              the deepest sequence nesting accepted when reading (an item inside a sequence inside
 *                              an item ... counts one level per sequence); deeper input is an error
 * @param prettyPrint           indent the JSON written
 */
public record JsonOptions(long inlineBinaryThreshold, BulkDataUris bulkDataUris, int maxDepth, boolean prettyPrint) {

    public static final JsonOptions DEFAULT = new JsonOptions(Long.MAX_VALUE, BulkDataUris.FILE_REFERENCES, 128, false);

    public JsonOptions {
        Objects.requireNonNull(bulkDataUris, "bulkDataUris");
        if (inlineBinaryThreshold < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("the inline threshold must be >= 0 (was " + inlineBinaryThreshold
                    + ") and the maximum depth >= 1 (was " + maxDepth + ")");
        }
    }

    /** Binary values of at least {@code threshold} bytes become BulkDataURIs named by {@code uris}. */
    public JsonOptions withBulkData(long threshold, BulkDataUris uris) {
        return new JsonOptions(threshold, uris, maxDepth, prettyPrint);
    }

    public JsonOptions withMaxDepth(int depth) {
        return new JsonOptions(inlineBinaryThreshold, bulkDataUris, depth, prettyPrint);
    }

    public JsonOptions withPrettyPrint(boolean pretty) {
        return new JsonOptions(inlineBinaryThreshold, bulkDataUris, maxDepth, pretty);
    }
}
