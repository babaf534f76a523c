package org.kerma.dicom.xml;

import java.io.IOException;

/**
 * A Native DICOM Model document that cannot be read, or a data set that cannot be written as one. The message names
 * the path, e.g. {@code 0040A730/Item[3]/0040A043/Value[1]: ...}, and for input the line and column.
 */
public class DicomXmlException extends IOException {
    private final String path;

    public DicomXmlException(String path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** Where the problem is: tags as written, {@code /Item[n]}, {@code /Value[n]} with the document's numbers. */
    public String path() {
        return path;
    }
}
