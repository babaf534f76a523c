package org.kerma.dicom.io;

import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.TransferSyntax;

/**
 * What the reader found in a Part 10 file (or a bare data set).
 *
 * @param fileMeta        the File Meta Information (group 0002); empty when the input had none
 * @param dataset         the data set
 * @param transferSyntax  the encoding of the data set
 * @param hasPreamble     true when the input began with a 128-byte preamble and "DICM"
 * @param datasetOffset   byte offset where the data set began in the input
 * @param stoppedAt       byte offset where reading stopped before Pixel Data, or -1 when the whole input was read
 * @param warnings        deviations the reader recovered from, in order found
 * @param warningCount    how many warnings there were in all (more than {@code warnings} holds when capped)
 */
public record DicomFile(DicomObject fileMeta, DicomObject dataset, TransferSyntax transferSyntax, boolean hasPreamble,
                        long datasetOffset, long stoppedAt, List<ReadWarning> warnings, int warningCount) {
}
