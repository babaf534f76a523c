package org.kerma.net.service;

import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;

/**
 * Answers C-FIND (PS3.7 section 9.1.2, PS3.4 Annex C): returns the matches as a stream; each becomes a Pending
 * response. The stream is consumed lazily on the association's thread and closed at the end; between matches the
 * node looks for a C-CANCEL, and when one came it stops pulling and answers Cancel ({@link FindRequest#cancelled()}
 * lets a slow handler stop early too). A thrown exception ends the operation with a failure status.
 */
@FunctionalInterface
public interface CFindHandler {
    Stream<DicomObject> find(FindRequest request) throws Exception;
}
