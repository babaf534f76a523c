package org.kerma.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kerma.dicom.Uid;
import org.kerma.net.SopClasses;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.RetrieveResult;
import org.kerma.net.service.StoreToDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kerma get -k Key=value... -od DIR HOST PORT}: C-GET, like dcmtk getscu; files go to the directory. */
@Command(name = "get", description = "Retrieve matches over the same association with C-GET (like getscu).")
final class GetCommand implements Callable<Integer> {

    /** Storage SOP classes proposed first (with the SCP role); the rest of the registry fills up to 127 contexts. */
    private static final List<String> FIRST = List.of(Uid.CTImageStorage, Uid.XRayRadiationDoseSRStorage,
            "1.2.840.10008.5.1.4.1.1.88.76", "1.2.840.10008.5.1.4.1.1.4", "1.2.840.10008.5.1.4.1.1.1",
            "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.12.1",
            "1.2.840.10008.5.1.4.1.1.12.2", "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.88.11",
            "1.2.840.10008.5.1.4.1.1.88.22", "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.104.1",
            "1.2.840.10008.5.1.4.1.1.481.1", "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.481.3",
            "1.2.840.10008.5.1.4.1.1.481.5", "1.2.840.10008.5.1.4.1.1.20", "1.2.840.10008.5.1.4.1.1.128",
            "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.3.1");

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Mixin
    private QueryKeys query;

    @Option(names = {"-od", "--output-directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where received files go (default: the current directory).")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        String sopClass = query.sopClass("GET");
        List<String> storage = new ArrayList<>(FIRST);
        for (String s : SopClasses.storage()) {
            if (storage.size() >= 127) {
                break;
            }
            if (!storage.contains(s)) {
                storage.add(s);
            }
        }
        RetrieveResult r;
        try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.empty()
                .with(sopClass, Proposal.UNCOMPRESSED).withStorageScpRole(storage))) {
            r = client.get(sopClass, query.identifier(), new StoreToDirectory(dir, true));
        }
        return RetrieveSummary.print(spec.commandLine().getOut(), "C-GET", r);
    }
}
