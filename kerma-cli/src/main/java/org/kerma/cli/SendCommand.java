package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.kerma.net.NoPresentationContextException;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma send HOST PORT FILE|DIR...}: C-STORE of DICOM files (directories are walked), like dcmtk storescu.
 * Files are spread round-robin over {@code -j} associations sent at the same time (each opens another association
 * when it needs more than 127 presentation contexts). A progress bar on standard error, then the summary: sent,
 * warnings, failures.
 */
@Command(name = "send", description = "Send DICOM files with C-STORE (like storescu); directories are walked.")
final class SendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private Peer peer;

    @Option(names = {"-j", "--associations"}, paramLabel = "N", defaultValue = "1",
            description = "Associations to send over at the same time (default: ${DEFAULT-VALUE}).")
    private int associations;

    @Parameters(index = "2..*", arity = "1..*", paramLabel = "FILE|DIR", description = "Files or directories.")
    private List<Path> inputs;

    private int sent;
    private int warnings;
    private int failures;
    private ProgressBar progress;
    private int total;
    private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = files();
        List<Instance> instances = new ArrayList<>();
        for (Path f : files) {
            try {
                instances.add(Instance.ofFile(f));
            } catch (IOException e) {
                err.println("kerma send: skipped " + f + ": " + e.getMessage());
                failures++;
            }
        }
        progress = new ProgressBar(err);
        total = instances.size();
        int n = Math.max(1, Math.min(associations, instances.size()));
        List<List<Instance>> shares = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < instances.size(); i++) {
            shares.get(i % n).add(instances.get(i));
        }
        Exception failure = null;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Instance> share : shares) {
                running.add(pool.submit(() -> {
                    sendAll(share);
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = failure == null && e.getCause() instanceof Exception c ? c : failure;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        progress.clear();
        int notSent = files.size() - sent - failures;
        out.printf("sent %d, warnings %d, failures %d%n", sent, warnings, failures + notSent);
        out.flush();
        if (failure != null) {
            throw failure;
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " of " + files.size() + " files were not stored");
        }
        return Kerma.EXIT_OK;
    }

    private List<Path> files() throws IOException {
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
        return files;
    }

    /** Sends one share of the files, over as many successive associations as its contexts need. */
    private void sendAll(List<Instance> share) throws IOException {
        for (List<Instance> batch : batches(share)) {
            try (DicomClient client = DicomClient.connect(peer.connection(), Proposal.storage(batch))) {
                for (Instance i : batch) {
                    String problem;
                    try {
                        Response r = client.store(i);
                        problem = count(r);
                    } catch (NoPresentationContextException e) {
                        problem = e.getMessage();
                        count(null);
                    }
                    if (problem != null) {
                        progress.problem("kerma send: " + i.file() + ": " + problem);
                    }
                    progress.show(done.incrementAndGet(), total, "");
                }
            }
        }
    }

    /** Counts an answer (null: not sent); returns what to report, or null. */
    private synchronized String count(Response r) {
        if (r == null) {
            failures++;
            return null;
        }
        switch (r.status().category()) {
            case SUCCESS -> sent++;
            case WARNING -> {
                sent++;
                warnings++;
            }
            default -> {
                failures++;
                return r.status() + (r.errorComment().isEmpty() ? "" : " " + r.errorComment());
            }
        }
        return null;
    }

    /**
     * Splits the instances so that no association needs more than 127 presentation contexts (one is Verification):
     * a new association starts when the next SOP class would not fit.
     */
    static List<List<Instance>> batches(List<Instance> instances) {
        List<List<Instance>> batches = new ArrayList<>();
        List<Instance> current = new ArrayList<>();
        Set<String> contexts = new HashSet<>();
        for (Instance i : instances) {
            String key = i.sopClassUid() + (i.transferSyntax().isNative() ? "" : " " + i.transferSyntax().uid());
            if (!contexts.contains(key) && contexts.size() == 127) {
                batches.add(current);
                current = new ArrayList<>();
                contexts.clear();
            }
            contexts.add(key);
            current.add(i);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
