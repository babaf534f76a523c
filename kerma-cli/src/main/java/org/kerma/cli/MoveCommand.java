package org.kerma.cli;

import java.util.concurrent.Callable;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.RetrieveResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kerma move -aem DEST -k Key=value... HOST PORT}: C-MOVE, like dcmtk movescu. */
@Command(name = "move", description = "Ask a peer to send matches to a destination with C-MOVE (like movescu).")
final class MoveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Mixin
    private QueryKeys query;

    @Option(names = {"-aem", "--move"}, paramLabel = "AE", required = true, description = "Move destination AE title.")
    private String destination;

    @Override
    public Integer call() throws Exception {
        String sopClass = query.sopClass("MOVE");
        RetrieveResult r;
        try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.empty()
                .with(sopClass, Proposal.UNCOMPRESSED))) {
            r = client.move(sopClass, destination, query.identifier());
        }
        return RetrieveSummary.print(spec.commandLine().getOut(), "C-MOVE", r);
    }
}
