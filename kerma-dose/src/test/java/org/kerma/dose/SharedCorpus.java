package org.kerma.dose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomReader;

/** The OpenREM files of the shared corpus ({@code ../shared/corpus/openrem}, system property {@code kerma.shared}). */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path openrem() {
        Path dir = Path.of(System.getProperty("kerma.shared", "../../shared")).toAbsolutePath().normalize()
                .resolve("corpus/openrem");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("the shared corpus is missing: expected " + dir);
        }
        return dir;
    }

    public static DicomObject read(String name) {
        try {
            return DicomReader.read(openrem().resolve(name)).dataset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
