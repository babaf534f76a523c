package org.kerma.net.ul;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.kerma.net.AssociationAbortedException;
import org.kerma.net.AssociationRejectedException;
import org.kerma.net.DimseException;
import org.kerma.net.DimseTimeoutException;
import org.kerma.net.pdu.Abort;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRj;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.pdu.PDataTf;
import org.kerma.net.pdu.Pdu;
import org.kerma.net.pdu.PduFormatException;
import org.kerma.net.pdu.PduReader;
import org.kerma.net.pdu.PduWriter;
import org.kerma.net.pdu.ReleaseRp;
import org.kerma.net.pdu.ReleaseRq;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM upper layer of one transport connection: PDUs in and out, driven through the {@link StateMachine} so
 * that every PDU received and every primitive issued is an event of PS3.8 Table 9-10 and every reaction one of its
 * actions. The ARTIM timer is the read timeout of the connection while it runs (Sta2 awaiting A-ASSOCIATE-RQ and
 * Sta13 awaiting the close); when it expires, Evt18 fires.
 *
 * <p>P-DATA-TF PDUs are read into one reused buffer: the PDVs of {@link #readPData} are valid until the next
 * read (the DIMSE layer copies what it keeps).
 *
 * <p>Threads: one thread reads (the association's own thread); any thread may send, release or abort. Sending is
 * serialised on the state machine's monitor, which is also held while a PDU is written.
 */
public final class UpperLayer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(UpperLayer.class);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PduReader reader;
    private final PduWriter writer;
    private final StateMachine fsm;
    private final Duration artim;
    private volatile String name;
    private volatile String lastFailure;

    /**
     * @param socket       a connected socket (TCP_NODELAY is set here)
     * @param requestor    true for the association-requestor side
     * @param name         names the association in logs and errors
     * @param artim        the ARTIM timeout
     * @param maxPDataBody the largest P-DATA-TF PDU this side accepts (its maximum length received)
     */
    public UpperLayer(Socket socket, boolean requestor, String name, Duration artim, int maxPDataBody)
            throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.reader = new PduReader(in, maxPDataBody);
        this.reader.reuseBuffers(true);
        this.writer = new PduWriter(out);
        this.fsm = new StateMachine(name, requestor);
        this.artim = artim;
        this.name = name;
    }

    public State state() {
        return fsm.state();
    }

    public String name() {
        return name;
    }

    public void name(String name) {
        this.name = name;
    }

    /** Socket address of the peer. */
    public Socket socket() {
        return socket;
    }

    /** Why the last read failed (also when {@link #awaitAssociateRq} returned null), or null. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Bytes are waiting to be read without blocking. */
    public boolean readable() throws IOException {
        return in.available() > 0;
    }

    // ---- requestor -----------------------------------------------------------------------------------------

    /**
     * Evt1 + Evt2 (the connection is already open), AE-2 sends the request, then waits up to {@code timeout} for
     * the answer.
     *
     * @throws AssociationRejectedException on A-ASSOCIATE-RJ (AE-4)
     * @throws AssociationAbortedException  on A-ABORT, an invalid answer or a closed connection
     * @throws DimseTimeoutException        when no answer came in time
     */
    public AssociateAc requestAssociation(AssociateRq rq, Duration timeout) throws IOException {
        fsm.fire(Event.Evt1, a -> { });
        fsm.fire(Event.Evt2, a -> send(rq));
        Pdu pdu = readPdu(timeout, "A-ASSOCIATE-AC");
        if (pdu instanceof AssociateAc ac) {
            fsm.fire(Event.Evt3, a -> { });
            return ac;
        }
        if (pdu instanceof AssociateRj rj) {
            fsm.fire(Event.Evt4, a -> closeQuietly());
            throw new AssociationRejectedException(name, rj.result(), rj.source(), rj.reason());
        }
        throw unexpected(pdu);
    }

    // ---- acceptor ------------------------------------------------------------------------------------------

    /**
     * Evt5 (AE-5 starts ARTIM), then waits for A-ASSOCIATE-RQ. AE-6 checks what the service provider must check
     * (protocol version); a request it cannot take is rejected here.
     *
     * @return the request, in Sta3; or null when the connection ended without one (the reason is logged)
     */
    public AssociateRq awaitAssociateRq() throws IOException {
        fsm.fire(Event.Evt5, a -> { });
        Pdu pdu;
        try {
            pdu = readPdu(artim, "A-ASSOCIATE-RQ");
        } catch (DimseException e) {
            LOG.info("{}", e.getMessage());
            return null;
        }
        if (pdu instanceof AssociateRq rq) {
            fsm.fire(Event.Evt6, a -> {
                if ((rq.protocolVersion() & 1) == 0) {
                    send(new AssociateRj(AssociateRj.RESULT_PERMANENT, AssociateRj.SOURCE_SERVICE_PROVIDER_ACSE,
                            AssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED));
                    fsm.rejectedByProvider();
                }
            });
            if (fsm.state() == State.Sta13) {
                LOG.info("{}: rejected A-ASSOCIATE-RQ with protocol version {}", name, rq.protocolVersion());
                awaitClose();
                return null;
            }
            return rq;
        }
        unexpected(pdu);
        return null;
    }

    /** Evt7: AE-7 sends A-ASSOCIATE-AC; the association is established (Sta6). */
    public void accept(AssociateAc ac) {
        fsm.fire(Event.Evt7, a -> send(ac));
    }

    /** Evt8: AE-8 sends A-ASSOCIATE-RJ and starts ARTIM; then waits for the peer to close (Sta13). */
    public void reject(AssociateRj rj) {
        fsm.fire(Event.Evt8, a -> send(rj));
        awaitClose();
    }

    // ---- data transfer -------------------------------------------------------------------------------------

    /**
     * Reads the next P-DATA-TF PDU (Evt10), waiting up to {@code timeout} (zero: forever).
     *
     * @return the PDU; or null when the peer released the association (AR-2 then AR-4 answered it) and it is gone
     * @throws AssociationAbortedException on A-ABORT, invalid or unexpected PDUs (AA-8), or a closed connection
     * @throws DimseTimeoutException       when nothing came in time (AA-1 aborts)
     */
    public PDataTf readPData(Duration timeout, String waitingFor) throws IOException {
        Pdu pdu = readPdu(timeout, waitingFor);
        if (pdu instanceof PDataTf p) {
            fsm.fire(Event.Evt10, a -> { });
            return p;
        }
        if (pdu instanceof ReleaseRq && fsm.state() == State.Sta6) {
            fsm.fire(Event.Evt12, a -> { });
            fsm.fire(Event.Evt14, a -> send(new ReleaseRp()));
            LOG.debug("{}: released by the peer", name);
            awaitClose();
            return null;
        }
        throw unexpected(pdu);
    }

    /** Evt9 (DT-1, or AR-7 in Sta8): sends one PDV in its own P-DATA-TF PDU. */
    public void sendPdv(int contextId, boolean command, boolean last, byte[] b, int off, int length, boolean flush)
            throws IOException {
        IOException[] failure = new IOException[1];
        try {
            fsm.fire(Event.Evt9, a -> {
                try {
                    writer.writePDataTf(contextId, command, last, b, off, length, flush);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
        } catch (IllegalStateException e) {
            throw new DimseException(name, "cannot send: the association is not established (" + fsm.state() + ")");
        }
        if (failure[0] != null) {
            onTransportFailure();
            throw new AssociationAbortedException(name, "connection failed while sending: "
                    + failure[0].getMessage(), true, -1, -1);
        }
    }

    // ---- release and abort ---------------------------------------------------------------------------------

    /**
     * Evt11: AR-1 sends A-RELEASE-RQ; then waits for A-RELEASE-RP (AR-3 closes). A release collision follows
     * AR-8/AR-9/AR-10 of the table. P-DATA still arriving (AR-6) is dropped: nothing may be outstanding.
     */
    public void release(Duration timeout) throws IOException {
        fsm.fire(Event.Evt11, a -> send(new ReleaseRq()));
        while (true) {
            Pdu pdu = readPdu(timeout, "A-RELEASE-RP");
            if (pdu instanceof ReleaseRp) {
                fsm.fire(Event.Evt13, a -> { });
                if (fsm.state() == State.Sta12) {
                    fsm.fire(Event.Evt14, a -> send(new ReleaseRp()));
                    awaitClose();
                } else {
                    closeQuietly();
                }
                return;
            } else if (pdu instanceof PDataTf) {
                fsm.fire(Event.Evt10, a -> LOG.debug("{}: P-DATA after A-RELEASE-RQ dropped", name));
            } else if (pdu instanceof ReleaseRq) {
                fsm.fire(Event.Evt12, a -> { });
                if (fsm.state() == State.Sta9) {
                    fsm.fire(Event.Evt14, a -> send(new ReleaseRp()));
                }
            } else {
                throw unexpected(pdu);
            }
        }
    }

    /** Evt15: AA-1 sends A-ABORT (service-user source) and closes the connection. Safe from any thread. */
    public void abort() {
        if (fsm.possible(Event.Evt15)) {
            fsm.fire(Event.Evt15, a -> {
                if (a == Action.AA_1) {
                    send(new Abort(Abort.SOURCE_SERVICE_USER, Abort.REASON_NOT_SPECIFIED));
                }
            });
        }
        closeQuietly();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** Reads one PDU; a timeout aborts (AA-1, or AA-2 under ARTIM), a bad PDU is Evt19, a closed connection Evt17. */
    private Pdu readPdu(Duration timeout, String waitingFor) throws IOException {
        Pdu pdu;
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            pdu = reader.read();
        } catch (SocketTimeoutException e) {
            if (fsm.state() == State.Sta2) {
                fsm.fire(Event.Evt18, a -> closeQuietly());
                DimseTimeoutException t = new DimseTimeoutException(name, waitingFor + " (ARTIM timer expired)",
                        timeout);
                lastFailure = t.getMessage();
                throw t;
            }
            abort();
            DimseTimeoutException t = new DimseTimeoutException(name, waitingFor, timeout);
            lastFailure = t.getMessage();
            throw t;
        } catch (PduFormatException e) {
            int reason = e.abortReason();
            fsm.fire(Event.Evt19, a -> sendAbortFor(a, reason));
            LOG.warn("{}: invalid PDU, association aborted: {}", name, e.getMessage());
            awaitClose();
            lastFailure = name + ": invalid PDU, A-ABORT sent: " + e.getMessage();
            throw new AssociationAbortedException(name, "invalid PDU: " + e.getMessage(), false,
                    Abort.SOURCE_SERVICE_PROVIDER, reason);
        } catch (IOException e) {
            onTransportFailure();
            lastFailure = name + ": connection closed while awaiting " + waitingFor + ": " + e.getMessage();
            throw new AssociationAbortedException(name, "connection closed while awaiting " + waitingFor + ": "
                    + e.getMessage(), true, -1, -1);
        }
        if (pdu == null) {
            onTransportFailure();
            lastFailure = name + ": connection closed by the peer while awaiting " + waitingFor;
            throw new AssociationAbortedException(name, "connection closed by the peer while awaiting " + waitingFor,
                    true, -1, -1);
        }
        if (pdu instanceof Abort abort) {
            fsm.fire(Event.Evt16, a -> closeQuietly());
            lastFailure = name + ": A-ABORT received (" + abort.describe() + ")";
            throw new AssociationAbortedException(name, "A-ABORT received (" + abort.describe() + ") while awaiting "
                    + waitingFor, true, abort.source(), abort.reason());
        }
        return pdu;
    }

    /** A PDU that the current state does not expect: AA-1, AA-6, AA-7 or AA-8 per the table. */
    private AssociationAbortedException unexpected(Pdu pdu) {
        Event event = switch (pdu.name()) {
            case "A-ASSOCIATE-AC" -> Event.Evt3;
            case "A-ASSOCIATE-RJ" -> Event.Evt4;
            case "A-ASSOCIATE-RQ" -> Event.Evt6;
            case "P-DATA-TF" -> Event.Evt10;
            case "A-RELEASE-RQ" -> Event.Evt12;
            case "A-RELEASE-RP" -> Event.Evt13;
            default -> Event.Evt19;
        };
        State before = fsm.state();
        if (fsm.possible(event)) {
            fsm.fire(event, a -> sendAbortFor(a, Abort.REASON_UNEXPECTED_PDU));
        }
        LOG.warn("{}: unexpected {} in {}, association aborted", name, pdu.name(), before);
        lastFailure = name + ": unexpected " + pdu.name() + " in " + before + ", A-ABORT sent";
        awaitClose();
        return new AssociationAbortedException(name, "unexpected " + pdu.name() + " in " + before + " ("
                + before.description() + ")", false, Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_UNEXPECTED_PDU);
    }

    private void sendAbortFor(Action a, int reason) {
        if (a == Action.AA_1) {
            send(new Abort(Abort.SOURCE_SERVICE_USER, Abort.REASON_NOT_SPECIFIED));
        } else if (a == Action.AA_7 || a == Action.AA_8) {
            send(new Abort(Abort.SOURCE_SERVICE_PROVIDER, reason));
        }
    }

    private void onTransportFailure() {
        if (fsm.possible(Event.Evt17)) {
            fsm.fire(Event.Evt17, a -> closeQuietly());
        }
        closeQuietly();
    }

    /** Sta13: waits (ARTIM) for the peer to close the connection, discarding anything it sends, then closes. */
    private void awaitClose() {
        if (socket.isClosed()) {
            return;
        }
        Event end = Event.Evt17;
        try {
            socket.setSoTimeout((int) artim.toMillis());
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // AA-6 / AA-7: PDUs after the association is gone are ignored
            }
        } catch (SocketTimeoutException e) {
            end = Event.Evt18;
        } catch (IOException e) {
            // connection failed: the same as closed
        }
        if (fsm.possible(end)) {
            fsm.fire(end, a -> { });
        }
        closeQuietly();
    }

    private void send(Pdu pdu) {
        try {
            writer.write(pdu);
        } catch (IOException e) {
            LOG.debug("{}: could not send {}: {}", name, pdu.name(), e.getMessage());
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("{}: close failed", name, e);
        }
    }
}
