package org.kerma.cli;

import java.util.concurrent.Callable;
import org.kerma.net.Status;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kerma echo HOST PORT}: C-ECHO, like dcmtk echoscu. */
@Command(name = "echo", description = "Verify a DICOM peer with C-ECHO (like echoscu).")
final class EchoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Override
    public Integer call() throws Exception {
        Status status;
        try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.verification())) {
            status = client.echo();
        }
        spec.commandLine().getOut().println("C-ECHO " + peer.calledAe + "@" + peer.host + ":" + peer.port + ": "
                + status);
        if (!status.isSuccess()) {
            throw new IllegalStateException("C-ECHO answered " + status);
        }
        return Kerma.EXIT_OK;
    }
}
