package org.kerma.net.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.net.Status;
import org.kerma.net.StatusException;

/**
 * A C-STORE receiver that writes each object as a Part 10 file {@code <SOP Instance UID>.dcm} in one directory,
 * without parsing it: preamble, File Meta Information built from the request, then the data set bytes as they
 * arrive. The file is written as {@code .part}, optionally forced to disk, then renamed (and the directory forced),
 * and only then is Success answered (nothing acknowledged is lost when {@code durable} is set).
 *
 * @param directory where files go (created if missing)
 * @param durable   force each file to disk before answering
 */
public record StoreToDirectory(Path directory, boolean durable) implements CStoreHandler {

    private static final byte[] PREAMBLE_AND_MAGIC = preamble();

    public StoreToDirectory {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + directory, e);
        }
    }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws IOException {
        String uid = request.sopInstanceUid();
        if (uid.isEmpty() || !uid.matches("[0-9.]{1,64}")) {
            throw new StatusException(Status.UNABLE_TO_PROCESS, "invalid Affected SOP Instance UID '" + uid + "'");
        }
        Path file = directory.resolve(uid + ".dcm");
        Path part = directory.resolve(uid + ".dcm.part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream(512);
            head.write(PREAMBLE_AND_MAGIC);
            DicomWriter.writeDataset(head, request.fileMetaInformationWithGroupLength(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            OutputStream out = Channels.newOutputStream(ch);
            head.writeTo(out);
            dataSet.transferTo(out);
            if (durable) {
                ch.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (durable) {
            try (FileChannel d = FileChannel.open(directory, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
        return Status.SUCCESS;
    }

    private static byte[] preamble() {
        byte[] b = new byte[132];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, b, 128, 4);
        return b;
    }
}
