package org.kerma.net.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;

/**
 * One composite instance to send in a C-STORE (client, or C-MOVE/C-GET sub-operation): its identity, its current
 * encoding, and how to write its data set. A file is sent as its bytes when its own transfer syntax was accepted,
 * and transcoded between the uncompressed syntaxes otherwise.
 *
 * @param sopClassUid    SOP Class UID
 * @param sopInstanceUid SOP Instance UID
 * @param transferSyntax how the data set is encoded now
 * @param file           the Part 10 file it comes from, or null
 * @param datasetOffset  where the data set begins in {@code file}
 * @param dataset        the data set in memory when there is no file, else null
 */
public record Instance(String sopClassUid, String sopInstanceUid, TransferSyntax transferSyntax, Path file,
                       long datasetOffset, DicomObject dataset) {

    /** Reads the header of a Part 10 file (up to Pixel Data) to learn what it is. */
    public static Instance ofFile(Path file) throws IOException {
        DicomFile f = DicomReader.read(file, ReadOptions.DEFAULT.withStopBeforePixelData(true));
        String sopClass = f.fileMeta().findString(Tag.MediaStorageSOPClassUID)
                .orElseGet(() -> f.dataset().getString(Tag.SOPClassUID, ""));
        String sopInstance = f.fileMeta().findString(Tag.MediaStorageSOPInstanceUID)
                .orElseGet(() -> f.dataset().getString(Tag.SOPInstanceUID, ""));
        if (sopClass.isEmpty() || sopInstance.isEmpty()) {
            throw new IOException(file + ": no SOP Class UID or SOP Instance UID; not a composite instance");
        }
        return new Instance(sopClass, sopInstance, f.transferSyntax(), file, f.datasetOffset(), null);
    }

    /** A data set in memory, to be encoded in whatever uncompressed syntax the peer accepts. */
    public static Instance of(DicomObject dataset) {
        return new Instance(dataset.getString(Tag.SOPClassUID, ""), dataset.getString(Tag.SOPInstanceUID, ""),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null, 0, dataset);
    }

    /** True when it can be written in {@code target}: the same syntax, or both uncompressed. */
    public boolean canBeSentAs(TransferSyntax target) {
        return target.uid().equals(transferSyntax.uid()) || (transferSyntax.isNative() && target.isNative());
    }

    /** Writes the bare data set in {@code target}: the file's bytes when the syntax matches, else transcoded. */
    public void writeTo(OutputStream out, TransferSyntax target) throws IOException {
        if (file != null && target.uid().equals(transferSyntax.uid())) {
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(datasetOffset);
                in.transferTo(out);
            }
            return;
        }
        if (!canBeSentAs(target)) {
            throw new IOException("cannot transcode " + transferSyntax.name() + " to " + target.name());
        }
        DicomObject data = dataset != null ? dataset : DicomReader.read(file).dataset();
        DicomWriter.writeDataset(out, data, target, WriteOptions.DEFAULT);
    }
}
