package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kerma.net.DimseException;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma send HOST PORT FILE|DIR...}: C-STORE of DICOM files (directories are walked), like dcmtk storescu,
 * on one association; a progress bar on standard error, then the summary: sent, warnings, failures.
 */
@Command(name = "send", description = "Send DICOM files with C-STORE (like storescu); directories are walked.")
final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE|DIR", description = "Files or directories.")
    private List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        List<Instance> instances = new ArrayList<>();
        int failures = 0;
        for (Path f : files) {
            try {
                instances.add(Instance.ofFile(f));
            } catch (IOException e) {
                err.println("kerma send: skipped " + f + ": " + e.getMessage());
                failures++;
            }
        }
        int sent = 0;
        int warnings = 0;
        Progress progress = new Progress(err, instances.size());
        try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.storage(instances))) {
            for (Instance i : instances) {
                try {
                    Response r = client.store(i);
                    switch (r.status().category()) {
                        case SUCCESS -> sent++;
                        case WARNING -> {
                            sent++;
                            warnings++;
                        }
                        default -> {
                            failures++;
                            progress.clear();
                            err.println("kerma send: " + i.file() + ": " + r.status()
                                    + (r.errorComment().isEmpty() ? "" : " " + r.errorComment()));
                        }
                    }
                } catch (org.kerma.net.NoPresentationContextException e) {
                    failures++;
                    progress.clear();
                    err.println("kerma send: " + i.file() + ": " + e.getMessage());
                }
                progress.step();
            }
        } catch (DimseException e) {
            progress.clear();
            out.printf("sent %d, warnings %d, failures %d%n", sent, warnings, instances.size() - sent + failures);
            throw e;
        }
        progress.clear();
        out.printf("sent %d, warnings %d, failures %d%n", sent, warnings, failures);
        out.flush();
        if (failures > 0) {
            throw new IllegalStateException(failures + " of " + files.size() + " files were not stored");
        }
        return Kerma.EXIT_OK;
    }

    /** A one-line progress bar, redrawn in place with a carriage return. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;
        private int done;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void step() {
            done++;
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total);
            err.flush();
        }

        void clear() {
            if (done > 0) {
                err.print("\r" + " ".repeat(50) + "\r");
                err.flush();
            }
        }
    }
}
