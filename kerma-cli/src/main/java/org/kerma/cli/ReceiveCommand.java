package org.kerma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.kerma.net.AeConfig;
import org.kerma.net.DicomNode;
import org.kerma.net.Status;
import org.kerma.net.TrustedNode;
import org.kerma.net.service.StoreToDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma receive --dir D PORT}: a plain storage SCP for testing (like dcmtk storescp): every storage SOP class,
 * each object written to {@code D/<SOP Instance UID>.dcm} unparsed. Runs until stopped, or until
 * {@code --exit-after} objects were received.
 */
@Command(name = "receive", description = "Receive C-STOREs into a directory (like storescp); runs until stopped.")
final class ReceiveCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"--dir", "-od"}, paramLabel = "DIR", required = true, description = "Where files go.")
    private Path dir;

    @Option(names = {"-aet", "--aetitle"}, paramLabel = "AE", defaultValue = "KERMA",
            description = "This node's AE title (default: ${DEFAULT-VALUE}).")
    private String aeTitle;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
            description = "Port to listen on (0: any free port); or give it as --port.")
    private Integer portParameter;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on, as an option.")
    private Integer portOption;

    @Option(names = "--trust", paramLabel = "AE@HOST:PORT",
            description = "Accept only these callers (repeatable); without it any caller is accepted.")
    private List<String> trusted = new ArrayList<>();

    @Option(names = "--no-fsync", description = "Do not force each file to disk before answering Success.")
    private boolean noFsync;

    @Option(names = "--max-pdu", paramLabel = "BYTES", defaultValue = "262144",
            description = "Maximum PDU length received (default: ${DEFAULT-VALUE}).")
    private int maxPdu;

    @Option(names = "--exit-after", paramLabel = "N", defaultValue = "0",
            description = "Stop after N objects were stored (0: never).")
    private int exitAfter;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ((portParameter == null) == (portOption == null)) {
            throw new ParameterException(spec.commandLine(), "give the port once: as PORT or as --port");
        }
        int port = portParameter != null ? portParameter : portOption;
        AeConfig config = AeConfig.of(aeTitle, port).withMaxPduLength(maxPdu);
        if (trusted.isEmpty()) {
            config = config.withAcceptAnyCaller();
        } else {
            List<TrustedNode> nodes = new ArrayList<>();
            for (String t : trusted) {
                nodes.add(parse(t));
            }
            config = config.withTrustedNodes(nodes.toArray(TrustedNode[]::new));
        }
        StoreToDirectory store = new StoreToDirectory(dir, !noFsync);
        AtomicInteger received = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        try (DicomNode node = DicomNode.create(config).onStore((request, data) -> {
            Status s = store.store(request, data);
            if (received.incrementAndGet() == exitAfter) {
                done.countDown();
            }
            return s;
        }).start()) {
            out.println("kerma receive: " + aeTitle + " listening on port " + node.port() + ", writing to " + dir);
            out.flush();
            done.await();
            long end = System.nanoTime() + 5_000_000_000L;
            while (node.activeAssociations() > 0 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
        }
        out.println("kerma receive: " + received.get() + " objects received");
        out.flush();
        return Kerma.EXIT_OK;
    }

    private static TrustedNode parse(String text) {
        int at = text.indexOf('@');
        int colon = text.lastIndexOf(':');
        if (at < 1 || colon < at) {
            throw new IllegalArgumentException("--trust wants AE@HOST:PORT, not '" + text + "'");
        }
        return new TrustedNode(text.substring(0, at), text.substring(at + 1, colon),
                Integer.parseInt(text.substring(colon + 1)));
    }
}
