package org.kerma.dicom.json;

import java.io.IOException;

/**
 * A DICOM JSON document that cannot be read, or a data set that cannot be written as one. The message names the
 * JSON path, e.g. {@code 0040A730.Value[2].0040A043.vr: unknown VR 'XX'}, and for input the line and column.
 */
public class DicomJsonException extends IOException {
    private final String path;

    public DicomJsonException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The JSON path of the problem: tag keys, {@code .Value[i]} array indices, field names; empty for the whole. */
    public String path() {
        return path;
    }
}
