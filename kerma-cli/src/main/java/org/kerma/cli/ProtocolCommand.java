package org.kerma.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.io.DicomReader;
import org.kerma.registry.Registry;
import org.kerma.registry.protocol.ProtocolQueries;
import picocli.CommandLine.Command;

/**
 * {@code kerma protocol}: procedure protocols (CT and XA Defined and Performed Procedure Protocols, Protocol
 * Approval): {@code show}, {@code check} and {@code tree}, on files offline, or with {@code --data}/{@code --db} on
 * what the registry's protocol tables hold.
 */
@Command(name = "protocol", description = "Show, check and relate procedure protocols (files, or the registry).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ProtocolShowCommand.class, ProtocolCheckCommand.class, ProtocolTreeCommand.class})
final class ProtocolCommand {

    /** True when the command names a registry ({@code --data} or {@code --db}): its arguments are UIDs. */
    static boolean fromRegistry(RegistryOptions options) {
        return options.data != null || options.database != null;
    }

    /** The data set of a protocol in the registry, as its tables keep it; the exception names the UID. */
    static DicomObject protocolInRegistry(RegistryOptions options, String uid) throws IOException {
        try (Registry registry = Registry.open(options.config(), List.of())) {
            return new ProtocolQueries(registry.index()).dataset(uid.trim()).orElseThrow(() ->
                    new IllegalArgumentException("protocol " + uid + " is not in the registry "
                            + registry.index().url()));
        }
    }

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
