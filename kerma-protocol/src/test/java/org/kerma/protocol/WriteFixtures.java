package org.kerma.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/**
 * Writes every {@link ProtocolFixtures} object as a Part 10 file into a directory, to try {@code kerma protocol} on
 * them (docs/protocols.md): {@code java -cp <test classes>:<classes> org.kerma.protocol.WriteFixtures DIR}.
 */
public final class WriteFixtures {
    private WriteFixtures() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: WriteFixtures DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            DicomWriter.writeFile(dir.resolve(f.fileName()), null, f.dataset(),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            System.out.println(dir.resolve(f.fileName()));
        }
    }
}
