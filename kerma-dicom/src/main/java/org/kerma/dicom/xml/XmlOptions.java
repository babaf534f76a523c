package org.kerma.dicom.xml;

import java.util.Objects;
import org.kerma.dicom.json.BulkDataUris;

/**
 * How {@link DicomXml} writes binary values and what it accepts when reading; the same choices as
 * {@link org.kerma.dicom.json.JsonOptions}. Immutable; start from {@link #DEFAULT}.
 *
 * @param inlineBinaryThreshold in-memory binary values of at least this many bytes become {@code <BulkData uri>};
 *                              {@code Long.MAX_VALUE} (the default) writes them all as {@code <InlineBinary>}
 * @param bulkDataUris          names the bulk data URIs; the default gives Kerma's {@code file:} references for
 *                              values left in a file and refuses in-memory values
 * @param maxDepth              the deepest sequence nesting accepted when reading; deeper input is an error
 */
public record XmlOptions(long inlineBinaryThreshold, BulkDataUris bulkDataUris, int maxDepth) {

    public static final XmlOptions DEFAULT = new XmlOptions(Long.MAX_VALUE, BulkDataUris.FILE_REFERENCES, 128);

    public XmlOptions {
        Objects.requireNonNull(bulkDataUris, "bulkDataUris");
        if (inlineBinaryThreshold < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("the inline threshold must be >= 0 (was " + inlineBinaryThreshold
                    + ") and the maximum depth >= 1 (was " + maxDepth + ")");
        }
    }

    /** Binary values of at least {@code threshold} bytes become bulk data references named by {@code uris}. */
    public XmlOptions withBulkData(long threshold, BulkDataUris uris) {
        return new XmlOptions(threshold, uris, maxDepth);
    }

    public XmlOptions withMaxDepth(int depth) {
        return new XmlOptions(inlineBinaryThreshold, bulkDataUris, depth);
    }
}
