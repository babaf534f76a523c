package org.kerma.dicom.io;

/**
 * How much of an object to read, and the limits that keep hostile input harmless. Immutable; start from
 * {@link #DEFAULT} and change with the {@code with...} methods.
 *
 * @param stopBeforePixelData stop at the top-level Pixel Data element (7FE0,0010), Float (7FE0,0008) or Double
 *                            Float (7FE0,0009) Pixel Data; nothing after it is read
 * @param bulkDataThreshold   values of at least this many bytes are left in the file as {@link org.kerma.dicom.BulkData}
 *                            references (only when reading a file, and not in a deflated data set);
 *                            {@code Long.MAX_VALUE} keeps everything in memory
 * @param maxNestingDepth     the deepest sequence nesting accepted; deeper input is an error, not a stack overflow
 * @param maxWarnings         warnings kept per object; further ones are counted, not stored
 */
public record ReadOptions(boolean stopBeforePixelData, long bulkDataThreshold, int maxNestingDepth, int maxWarnings) {

    public static final ReadOptions DEFAULT = new ReadOptions(false, Long.MAX_VALUE, 128, 100);

    public ReadOptions {
        if (bulkDataThreshold < 0 || maxNestingDepth < 1 || maxWarnings < 0) {
            throw new IllegalArgumentException("bulk data threshold must be >= 0 (was " + bulkDataThreshold
                    + "), nesting depth >= 1 (was " + maxNestingDepth + "), warnings >= 0 (was " + maxWarnings + ")");
        }
    }

    public ReadOptions withStopBeforePixelData(boolean stop) {
        return new ReadOptions(stop, bulkDataThreshold, maxNestingDepth, maxWarnings);
    }

    public ReadOptions withBulkDataThreshold(long bytes) {
        return new ReadOptions(stopBeforePixelData, bytes, maxNestingDepth, maxWarnings);
    }

    public ReadOptions withMaxNestingDepth(int depth) {
        return new ReadOptions(stopBeforePixelData, bulkDataThreshold, depth, maxWarnings);
    }
}
