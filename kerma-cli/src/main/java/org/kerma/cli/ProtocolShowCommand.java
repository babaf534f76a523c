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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma protocol show FILE}: a defined or performed procedure protocol, or a protocol approval, readable:
 * context, equipment, patient specification, elements and their constraints, then any findings of the lenient
 * reader. A file of another SOP Class is a failure.
 */
@Command(name = "show", description = "Show a procedure protocol file: context, elements, constraints, findings.")
final class ProtocolShowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A Defined or Performed Procedure Protocol or Protocol Approval.")
    private Path file;

    @Option(names = "--json", description = "Print the protocol as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DicomObject ds = ProtocolCommand.read(file);
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
            throw new IllegalArgumentException(file + ": not a procedure protocol or protocol approval (SOP Class UID '"
                    + sopClass + "')");
        }
        out.flush();
        return Kerma.EXIT_OK;
    }
}
