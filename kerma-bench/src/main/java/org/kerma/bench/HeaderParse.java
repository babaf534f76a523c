package org.kerma.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;

/**
 * The unit of work every header-parse measurement times: one file read by {@link DicomReader} up to the top-level
 * Pixel Data element, with the reader's default limits and everything before Pixel Data held in memory. The same
 * work as {@code pydicom.dcmread(path, stop_before_pixels=True)} and {@code dcmdump +sb 7fe0,0010}.
 */
final class HeaderParse {
    static final ReadOptions OPTIONS = ReadOptions.DEFAULT.withStopBeforePixelData(true);

    private HeaderParse() {
    }

    /**
     * Reads the header of one file.
     *
     * @throws org.kerma.dicom.io.DicomParseException when the file is not DICOM Kerma can read (the callers count
     *                                                 these and go on)
     * @throws IOException                             when the file cannot be opened or read
     */
    static DicomFile read(Path file) throws IOException {
        return DicomReader.read(file, OPTIONS);
    }
}
