package org.kerma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.FindResults;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kerma find -k Key=value... HOST PORT}: C-FIND, like dcmtk findscu; prints each match. */
@Command(name = "find", description = "Query a peer with C-FIND (like findscu); prints each match.")
final class FindCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Mixin
    private QueryKeys query;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String sopClass = query.sopClass("FIND");
        DicomObject keys = query.identifier();
        int n = 0;
        Response end;
        try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.empty()
                .with(sopClass, Proposal.UNCOMPRESSED))) {
            FindResults results = client.find(sopClass, keys);
            for (DicomObject match : results) {
                out.println("# match " + ++n);
                print(out, match);
            }
            end = results.response();
        }
        out.println("# " + n + " matches, final status " + end.status());
        out.flush();
        if (end.status().isFailure()) {
            throw new IllegalStateException("C-FIND answered " + end.status() + " " + end.errorComment());
        }
        return Kerma.EXIT_OK;
    }

    static void print(PrintWriter out, DicomObject d) {
        for (int i = 0; i < d.size(); i++) {
            int tag = d.tagAt(i);
            out.println(Tags.format(tag) + " " + d.vrAt(i) + " " + ElementDictionary.standard().keywordOf(tag) + " ["
                    + String.join("\\", d.strings(tag)) + "]");
        }
    }
}
