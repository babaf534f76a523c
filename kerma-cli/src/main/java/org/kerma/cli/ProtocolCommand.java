package org.kerma.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomReader;
import picocli.CommandLine.Command;

/**
 * {@code kerma protocol}: procedure protocols (CT and XA Defined and Performed Procedure Protocols, Protocol
 * Approval) read from files, offline: {@code show}, {@code check} and {@code tree}.
 */
@Command(name = "protocol", description = "Show, check and relate procedure protocol files.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ProtocolShowCommand.class, ProtocolCheckCommand.class, ProtocolTreeCommand.class})
final class ProtocolCommand {

    /** Reads a file's data set; the exception names the file. */
    static DicomObject read(Path file) throws IOException {
        try {
            return DicomReader.read(file).dataset();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no such file: " + file, e);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new IOException(message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
    }
}
