package org.kerma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.ProtocolApproval;
import org.kerma.protocol.Reading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma protocol show FILE}: a defined or performed procedure protocol, or a protocol approval, readable:
 * context, equipment, patient specification, elements and their constraints, then any findings of the lenient
 * reader. A file of another SOP Class is a failure. With {@code --data} or {@code --db}, {@code UID} names a
 * protocol in the registry, shown from the data set its tables keep.
 */
@Command(name = "show", description = "Show a procedure protocol (a file, or a UID in the registry with --data):"
        + " context, elements, constraints, findings.")
final class ProtocolShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|UID", description = "A Defined or Performed Procedure Protocol or Protocol Approval"
            + " file; with --data or --db, the SOP Instance UID of a protocol in the registry.")
    private String target;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--json", description = "Print the protocol as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DicomObject ds = ProtocolCommand.fromRegistry(registry) ? ProtocolCommand.protocolInRegistry(registry, target)
                : ProtocolCommand.read(Path.of(target));
        String sopClass = ds.getString(Tag.SOPClassUID, "");
        if (DefinedProtocol.SOP_CLASSES.contains(sopClass)) {
            Reading<DefinedProtocol> r = DefinedProtocol.read(ds);
            if (json) {
                ProtocolJson.defined(r.value(), r.findings(), out);
            } else {
                ProtocolText.defined(r.value(), r.findings(), out);
            }
        } else if (PerformedProtocol.SOP_CLASSES.contains(sopClass)) {
            Reading<PerformedProtocol> r = PerformedProtocol.read(ds);
            if (json) {
                ProtocolJson.performed(r.value(), r.findings(), out);
            } else {
                ProtocolText.performed(r.value(), r.findings(), out);
            }
        } else if (org.kerma.dicom.Uid.ProtocolApprovalStorage.equals(sopClass)) {
            Reading<ProtocolApproval> r = ProtocolApproval.read(ds);
            if (json) {
                ProtocolJson.approval(r.value(), r.findings(), out);
            } else {
                ProtocolText.approval(r.value(), r.findings(), out);
            }
        } else {
            throw new IllegalArgumentException(target + ": not a procedure protocol or protocol approval"
                    + " (SOP Class UID '" + sopClass + "')");
        }
        out.flush();
        return Kerma.EXIT_OK;
    }
}
