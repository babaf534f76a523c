package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kerma.dicom.dump.DicomDump;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.DicomJsonException;
import org.kerma.dicom.json.JsonOptions;
import org.kerma.dicom.xml.DicomXml;
import org.kerma.dicom.xml.DicomXmlException;
import org.kerma.dicom.xml.XmlOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma dump FILE...}: lists the elements of DICOM files with byte offsets, or with {@code --json} /
 * {@code --xml} prints each file's data set as DICOM JSON (PS3.18 Annex F) or a Native DICOM Model document
 * (PS3.19 Annex A), one document per file, separated by newlines. A file that cannot be read (or converted) is
 * reported on standard error and the others are still dumped; the exit code is then 1.
 */
@Command(name = "dump", description = "List the elements of DICOM files: offset, tag, VR, length, VM, keyword, value.")
final class DumpCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files (Part 10 or bare data sets).")
    private List<Path> files;

    @Option(names = "--stop-before-pixels", description = "Stop reading at the top-level Pixel Data element.")
    private boolean stopBeforePixels;

    @Option(names = "--max-value-length", paramLabel = "N", defaultValue = "64",
            description = "Cut displayed values after N characters (default: ${DEFAULT-VALUE}).")
    private int maxValueLength;

    @ArgGroup(exclusive = true)
    private Format format;

    /** The output forms other than the listing; at most one. */
    static final class Format {
        @Option(names = "--json", description = "Print each data set as DICOM JSON (PS3.18 Annex F).")
        boolean json;

        @Option(names = "--xml", description = "Print each data set in the Native DICOM Model XML (PS3.19 Annex A).")
        boolean xml;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReadOptions options = ReadOptions.DEFAULT.withStopBeforePixelData(stopBeforePixels);
        int failures = 0;
        for (Path file : files) {
            boolean document = format != null;
            if (files.size() > 1 && !document) {
                out.println("# file: " + file);
            }
            try {
                DicomFile dicom = DicomReader.read(file, options);
                if (format != null && format.json) {
                    DicomJson.write(dicom.dataset(), out, JsonOptions.DEFAULT.withPrettyPrint(true));
                    out.println();
                } else if (format != null && format.xml) {
                    DicomXml.write(dicom.dataset(), out, XmlOptions.DEFAULT);
                } else {
                    DicomDump.write(dicom, out, maxValueLength);
                }
            } catch (NoSuchFileException e) {
                failures++;
                out.flush();
                err.println("kerma dump: no such file: " + file);
            } catch (DicomJsonException | DicomXmlException e) {
                failures++;
                out.println();
                out.flush();
                err.println("kerma dump: " + file + ": " + e.getMessage());
                err.flush();
            } catch (IOException e) {
                failures++;
                out.flush();
                String message = String.valueOf(e.getMessage());
                err.println("kerma dump: " + (message.startsWith(file.toString()) ? message : file + ": " + message));
                err.flush();
            }
        }
        out.flush();
        return failures == 0 ? Kerma.EXIT_OK : Kerma.EXIT_FAILURE;
    }
}
