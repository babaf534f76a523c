package org.kerma.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLServerSocket;
import org.kerma.dicom.Uid;
import org.kerma.net.service.CEchoHandler;
import org.kerma.net.service.CFindHandler;
import org.kerma.net.service.CGetHandler;
import org.kerma.net.service.CMoveHandler;
import org.kerma.net.service.CStoreHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM node: listens for associations and answers C-ECHO, C-STORE, C-FIND, C-MOVE and C-GET with the handlers
 * installed. The front door:
 *
 * <pre>{@code
 * DicomNode node = DicomNode.create(AeConfig.of("KERMA", 11112).withAcceptAnyCaller())
 *         .onStore((request, data) -> { Files.copy(data, dir.resolve(request.sopInstanceUid())); return Status.SUCCESS; })
 *         .start();
 * }</pre>
 *
 * <p>Threads: one acceptor thread per listening port, and one thread per association, on which every handler of
 * that association is called (handlers of different associations run concurrently). Handlers are set before
 * {@link #start()}. {@link #close()} stops listening and aborts the associations still open. The design note is
 * {@code docs/networking.md}.
 */
public final class DicomNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomNode.class);
    private static final AtomicLong SERIAL = new AtomicLong();

    private final AeConfig config;
    private CEchoHandler echo = association -> Status.SUCCESS;
    private CStoreHandler store;
    private CFindHandler find;
    private CMoveHandler move;
    private CGetHandler get;
    private ServerSocket server;
    private ServerSocket tlsServer;
    private final ExecutorService associations = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kerma-association-" + SERIAL.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final java.util.List<AssociationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean started;

    private DicomNode(AeConfig config) {
        this.config = config;
    }

    /** A node not yet listening; install handlers, then {@link #start()}. */
    public static DicomNode create(AeConfig config) {
        return new DicomNode(config);
    }

    public DicomNode onEcho(CEchoHandler handler) {
        checkNotStarted();
        this.echo = handler;
        return this;
    }

    public DicomNode onStore(CStoreHandler handler) {
        checkNotStarted();
        this.store = handler;
        return this;
    }

    public DicomNode onFind(CFindHandler handler) {
        checkNotStarted();
        this.find = handler;
        return this;
    }

    public DicomNode onMove(CMoveHandler handler) {
        checkNotStarted();
        this.move = handler;
        return this;
    }

    public DicomNode onGet(CGetHandler handler) {
        checkNotStarted();
        this.get = handler;
        return this;
    }

    /** Adds an observer of associations (any number; they cannot fail an association). */
    public DicomNode addListener(AssociationListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Binds the port (and the TLS port) and starts accepting associations. */
    public DicomNode start() throws IOException {
        checkNotStarted();
        InetAddress bind = config.bindAddress() == null ? null : InetAddress.getByName(config.bindAddress());
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, config.port()), 128);
        listen(server, "kerma-accept-" + config.aeTitle());
        if (config.tls() != null) {
            SSLServerSocket tls = (SSLServerSocket) config.tls().context().getServerSocketFactory().createServerSocket();
            tls.setEnabledProtocols(TlsConfig.PROTOCOLS);
            tls.setEnabledCipherSuites(java.util.Arrays.stream(tls.getSupportedCipherSuites())
                    .filter(java.util.List.of(TlsConfig.CIPHER_SUITES)::contains).toArray(String[]::new));
            tls.setNeedClientAuth(config.tls().needClientAuth());
            tls.setReuseAddress(true);
            tls.bind(new InetSocketAddress(bind, config.tls().port()), 128);
            tlsServer = tls;
            listen(tlsServer, "kerma-accept-tls-" + config.aeTitle());
        }
        started = true;
        LOG.info("{}: listening on port {}{}", config.aeTitle(), port(),
                tlsServer == null ? "" : " and TLS port " + tlsPort());
        return this;
    }

    private void listen(ServerSocket socket, String threadName) {
        Thread t = new Thread(() -> acceptLoop(socket), threadName);
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                long serial = SERIAL.incrementAndGet();
                associations.execute(() -> {
                    try {
                        new ServiceLoop(this, s, serial).run();
                    } finally {
                        open.remove(s);
                    }
                });
            } catch (SocketException e) {
                if (!socket.isClosed()) {
                    LOG.warn("{}: accept failed: {}", config.aeTitle(), e.getMessage());
                }
            } catch (IOException e) {
                LOG.warn("{}: accept failed: {}", config.aeTitle(), e.getMessage());
            }
        }
    }

    /** The port listened on (the one picked when the configuration said 0). */
    public int port() {
        return server.getLocalPort();
    }

    /** The TLS port, or -1 when TLS is not configured. */
    public int tlsPort() {
        return tlsServer == null ? -1 : tlsServer.getLocalPort();
    }

    public AeConfig config() {
        return config;
    }

    /** Associations established now. */
    public int activeAssociations() {
        return active.get();
    }

    /**
     * Graceful shutdown: stops listening at once (new callers are refused by the operating system), lets the
     * associations already open run to their release or their idle timeout for at most {@code grace}, then
     * {@link #close() closes} whatever is still open.
     *
     * @return true when every association ended within {@code grace}; false when some had to be aborted
     */
    public boolean shutdown(java.time.Duration grace) throws InterruptedException {
        closeListeners();
        long end = System.nanoTime() + grace.toNanos();
        while (!open.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        boolean drained = open.isEmpty();
        if (!drained) {
            LOG.warn("{}: {} association(s) still open after {}; aborting them", config.aeTitle(), open.size(),
                    grace);
        }
        close();
        return drained;
    }

    /** Stops listening and aborts every open association. */
    @Override
    public void close() {
        closeListeners();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        associations.shutdownNow();
    }

    private void closeListeners() {
        try {
            if (server != null) {
                server.close();
            }
            if (tlsServer != null) {
                tlsServer.close();
            }
        } catch (IOException e) {
            LOG.debug("{}: close failed", config.aeTitle(), e);
        }
    }

    /** Tells every listener; a listener's exception is logged and goes no further. */
    void tell(java.util.function.Consumer<AssociationListener> event) {
        for (AssociationListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("{}: association listener {} failed", config.aeTitle(), l, e);
            }
        }
    }

    boolean enter() {
        if (active.incrementAndGet() > config.maxAssociations()) {
            active.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        active.decrementAndGet();
    }

    /** True when a configured SOP class has a service here. */
    boolean serves(String sopClass) {
        if (Uid.Verification.equals(sopClass)) {
            return true;
        }
        if (SopClasses.storage().contains(sopClass)) {
            return store != null;
        }
        return switch (sopClass) {
            case Uid.PatientRootQueryRetrieveInformationModelFind, Uid.StudyRootQueryRetrieveInformationModelFind ->
                    find != null;
            case Uid.PatientRootQueryRetrieveInformationModelMove, Uid.StudyRootQueryRetrieveInformationModelMove ->
                    move != null;
            case Uid.PatientRootQueryRetrieveInformationModelGet, Uid.StudyRootQueryRetrieveInformationModelGet ->
                    get != null;
            default -> false;
        };
    }

    boolean hasGetHandler() {
        return get != null;
    }

    CEchoHandler echoHandler() {
        return echo;
    }

    CStoreHandler storeHandler() {
        return store;
    }

    CFindHandler findHandler() {
        return find;
    }

    CMoveHandler moveHandler() {
        return move;
    }

    CGetHandler getHandler() {
        return get;
    }

    private void checkNotStarted() {
        if (started) {
            throw new IllegalStateException("handlers are set before start()");
        }
    }
}
