package org.kerma.net.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.FileMetaInformation;
import org.kerma.net.Association;
import org.kerma.net.DimseException;
import org.kerma.net.NoPresentationContextException;
import org.kerma.net.PresentationContext;
import org.kerma.net.Status;
import org.kerma.net.StatusException;
import org.kerma.net.TlsConfig;
import org.kerma.net.dimse.Command;
import org.kerma.net.dimse.CommandField;
import org.kerma.net.dimse.MessageChannel;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.pdu.PresentationContextItem;
import org.kerma.net.pdu.PresentationContextResult;
import org.kerma.net.pdu.UserInformation;
import org.kerma.net.pdu.UserInformation.RoleSelection;
import org.kerma.net.service.CStoreHandler;
import org.kerma.net.service.Instance;
import org.kerma.net.service.StoreRequest;
import org.kerma.net.ul.UpperLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A blocking DICOM SCU over one association: each call sends a request and returns the peer's answer.
 *
 * <pre>{@code
 * try (DicomClient client = DicomClient.connect(Connection.to("PACS", "pacs.example", 104), Proposal.verification())) {
 *     Status status = client.echo();
 * }
 * }</pre>
 *
 * <p>Outcomes: the peer's answer is a value ({@link Status}, {@link Response}, {@link RetrieveResult}); a local
 * failure (rejected association, no accepted context, timeout, abort) is a {@link DimseException} subclass with
 * structured fields. Threads: one operation at a time (the calling thread also reads the answers); {@link #cancel}
 * may be called from another thread. {@link #close} releases the association (or aborts it if release fails).
 */
public final class DicomClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DicomClient.class);
    private static final AtomicLong SERIAL = new AtomicLong();
    private static final long MAX_IDENTIFIER_LENGTH = 16L * 1024 * 1024;

    private final Connection connection;
    private final UpperLayer ul;
    private final MessageChannel channel;
    private final Association association;
    private int nextMessageId = 1;
    private volatile int currentMessageId = -1;
    private volatile int currentContextId = -1;

    private DicomClient(Connection connection, UpperLayer ul, MessageChannel channel, Association association) {
        this.connection = connection;
        this.ul = ul;
        this.channel = channel;
        this.association = association;
    }

    /**
     * Opens a connection and negotiates an association.
     *
     * @throws org.kerma.net.AssociationRejectedException when the peer rejects it
     * @throws DimseException                             when it is aborted or times out
     * @throws IOException                                when the connection cannot be made
     */
    public static DicomClient connect(Connection c, Proposal proposal) throws IOException {
        String name = c.callingAe() + "->" + c.calledAe() + "#" + SERIAL.incrementAndGet();
        Socket socket = c.tls() != null ? c.tls().getSocketFactory().createSocket() : new Socket();
        try {
            socket.connect(new InetSocketAddress(c.host(), c.port()), (int) c.connectTimeout().toMillis());
            if (socket instanceof SSLSocket ssl) {
                ssl.setEnabledProtocols(TlsConfig.PROTOCOLS);
                ssl.setEnabledCipherSuites(supported(ssl.getSupportedCipherSuites()));
                ssl.setSoTimeout((int) c.connectTimeout().toMillis());
                ssl.startHandshake();
            }
        } catch (IOException e) {
            socket.close();
            throw new DimseException(name, "cannot connect to " + c.host() + ":" + c.port() + ": " + e.getMessage(),
                    e);
        }
        UpperLayer ul = new UpperLayer(socket, true, name, c.artimTimeout(), c.maxPduLength());
        AssociateRq rq = request(c, proposal);
        AssociateAc ac = ul.requestAssociation(rq, c.connectTimeout());
        List<PresentationContext> contexts = new ArrayList<>();
        for (PresentationContextResult r : ac.presentationContexts()) {
            if (!r.accepted()) {
                continue;
            }
            rq.presentationContexts().stream().filter(p -> p.id() == r.id()).findFirst().ifPresent(p -> {
                boolean scp = ac.userInformation().roleSelection(p.abstractSyntax())
                        .map(RoleSelection::scpRole).orElse(false);
                boolean scu = ac.userInformation().roleSelection(p.abstractSyntax())
                        .map(RoleSelection::scuRole).orElse(true);
                contexts.add(new PresentationContext(r.id(), p.abstractSyntax(), r.transferSyntax(), scu, scp));
            });
        }
        Association association = new Association(name, c.callingAe(), c.calledAe(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), contexts, ac.userInformation().maxLength(),
                Optional.ofNullable(c.username()),
                ac.userInformation().implementationClassUid());
        LOG.debug("{}: established, {} of {} contexts accepted", name, contexts.size(),
                rq.presentationContexts().size());
        return new DicomClient(c, ul, new MessageChannel(ul, ac.userInformation().maxLength(), c.dimseTimeout()),
                association);
    }

    static String[] supported(String[] available) {
        List<String> wanted = List.of(TlsConfig.CIPHER_SUITES);
        return java.util.Arrays.stream(available).filter(wanted::contains).toArray(String[]::new);
    }

    private static AssociateRq request(Connection c, Proposal proposal) {
        List<PresentationContextItem> items = new ArrayList<>();
        int id = 1;
        for (Proposal.Context pc : proposal.contexts()) {
            items.add(new PresentationContextItem(id, pc.abstractSyntax(), pc.transferSyntaxes()));
            id += 2;
        }
        List<RoleSelection> roles = proposal.scpRoles().stream().map(s -> new RoleSelection(s, true, true)).toList();
        UserInformation user = UserInformation.of(c.maxPduLength(), FileMetaInformation.IMPLEMENTATION_CLASS_UID,
                FileMetaInformation.IMPLEMENTATION_VERSION_NAME).withRoleSelections(roles)
                .withUserIdentity(c.username() == null ? null : c.passcode() == null
                ? org.kerma.net.pdu.UserIdentity.username(c.username(), false)
                : org.kerma.net.pdu.UserIdentity.usernameAndPasscode(c.username(), c.passcode(), false));
        return new AssociateRq(1, c.calledAe(), c.callingAe(), Uid.DICOMApplicationContext, items, user);
    }

    /** What was negotiated. */
    public Association association() {
        return association;
    }

    /** C-ECHO (PS3.7 9.1.5): the peer's status. */
    public Status echo() throws IOException {
        PresentationContext pc = context(Uid.Verification);
        int id = messageId();
        channel.send(pc.id(), Command.request(CommandField.C_ECHO_RQ, id, Uid.Verification, false));
        return awaitFinal(id, CommandField.C_ECHO_RSP, null).status();
    }

    /** C-STORE of a Part 10 file. */
    public Response store(Path file) throws IOException {
        return store(Instance.ofFile(file));
    }

    /** C-STORE of a data set in memory (encoded in an accepted uncompressed syntax). */
    public Response store(DicomObject dataset) throws IOException {
        return store(Instance.of(dataset));
    }

    /**
     * C-STORE (PS3.7 9.1.1): picks an accepted context for the SOP class whose transfer syntax the instance can be
     * written in (its own first, else another uncompressed one, transcoding), sends, and returns the answer.
     *
     * @throws NoPresentationContextException when no accepted context can carry it
     */
    public Response store(Instance instance) throws IOException {
        return store(instance, null, -1);
    }

    /** C-STORE as a C-MOVE sub-operation, with Move Originator AE title and Message ID (PS3.7 9.3.1.1). */
    public Response store(Instance instance, String moveOriginatorAe, int moveOriginatorMessageId) throws IOException {
        PresentationContext pc = storageContext(instance);
        TransferSyntax ts = TransferSyntax.find(pc.transferSyntax()).orElseThrow();
        int id = messageId();
        DicomObject rq = Command.request(CommandField.C_STORE_RQ, id, instance.sopClassUid(), true);
        rq.setString(Tag.AffectedSOPInstanceUID, instance.sopInstanceUid());
        if (moveOriginatorAe != null) {
            rq.setString(Tag.MoveOriginatorApplicationEntityTitle, moveOriginatorAe);
            rq.setLong(Tag.MoveOriginatorMessageID, moveOriginatorMessageId);
        }
        channel.send(pc.id(), rq, out -> instance.writeTo(out, ts));
        return awaitFinal(id, CommandField.C_STORE_RSP, null);
    }

    private PresentationContext storageContext(Instance instance) throws NoPresentationContextException {
        List<PresentationContext> candidates = association.contextsFor(instance.sopClassUid());
        for (PresentationContext pc : candidates) {
            if (pc.transferSyntax().equals(instance.transferSyntax().uid())) {
                return pc;
            }
        }
        for (PresentationContext pc : candidates) {
            Optional<TransferSyntax> ts = TransferSyntax.find(pc.transferSyntax());
            if (ts.isPresent() && instance.canBeSentAs(ts.get())) {
                return pc;
            }
        }
        throw new NoPresentationContextException(association.name(), instance.sopClassUid(),
                instance.transferSyntax().uid());
    }

    /**
     * C-FIND (PS3.7 9.1.2): sends the query and returns the matches as they arrive. Iterate it to the end (or
     * {@link FindResults#cancel()} it) before the next call.
     */
    public FindResults find(String informationModel, DicomObject keys) throws IOException {
        PresentationContext pc = context(informationModel);
        TransferSyntax ts = TransferSyntax.find(pc.transferSyntax()).orElseThrow();
        int id = messageId();
        channel.send(pc.id(), Command.request(CommandField.C_FIND_RQ, id, informationModel, true),
                out -> org.kerma.dicom.io.DicomWriter.writeDataset(out, keys, ts,
                        org.kerma.dicom.io.WriteOptions.DEFAULT));
        currentMessageId = id;
        currentContextId = pc.id();
        return new FindResults(this, id, ts);
    }

    /** Reads the next C-FIND response: a match, or null at the final response (kept in {@code end[0]}). */
    DicomObject nextMatch(int messageId, TransferSyntax ts, Response[] end) throws IOException {
        while (true) {
            Command rsp = readResponse(messageId, CommandField.C_FIND_RSP, "C-FIND-RSP", null);
            Status status = statusOf(rsp);
            if (status.isPending()) {
                if (!rsp.hasDataSet()) {
                    continue;
                }
                return channel.readDataSet(rsp.contextId(), ts, MAX_IDENTIFIER_LENGTH,
                        association.name() + " C-FIND-RSP #" + messageId);
            }
            if (rsp.hasDataSet()) {
                channel.dataInput(rsp.contextId()).skipRest();
            }
            currentMessageId = -1;
            end[0] = Response.of(rsp.elements());
            return null;
        }
    }

    /**
     * C-MOVE (PS3.7 9.1.4): asks the peer to send what matches {@code keys} to {@code destination}; blocks until the
     * final response.
     */
    public RetrieveResult move(String informationModel, String destination, DicomObject keys) throws IOException {
        PresentationContext pc = context(informationModel);
        TransferSyntax ts = TransferSyntax.find(pc.transferSyntax()).orElseThrow();
        int id = messageId();
        DicomObject rq = Command.request(CommandField.C_MOVE_RQ, id, informationModel, true);
        rq.setString(Tag.MoveDestination, destination);
        return retrieve(pc, ts, id, rq, keys, CommandField.C_MOVE_RSP, null);
    }

    /**
     * C-GET (PS3.7 9.1.3): the peer sends what matches {@code keys} on this association; each C-STORE goes to
     * {@code receiver} (the proposal must have offered the SCP role for those SOP classes).
     */
    public RetrieveResult get(String informationModel, DicomObject keys, CStoreHandler receiver) throws IOException {
        PresentationContext pc = context(informationModel);
        TransferSyntax ts = TransferSyntax.find(pc.transferSyntax()).orElseThrow();
        int id = messageId();
        DicomObject rq = Command.request(CommandField.C_GET_RQ, id, informationModel, true);
        return retrieve(pc, ts, id, rq, keys, CommandField.C_GET_RSP, receiver);
    }

    private RetrieveResult retrieve(PresentationContext pc, TransferSyntax ts, int id, DicomObject rq,
                                    DicomObject keys, int rspField, CStoreHandler receiver) throws IOException {
        channel.send(pc.id(), rq, out -> org.kerma.dicom.io.DicomWriter.writeDataset(out, keys, ts,
                org.kerma.dicom.io.WriteOptions.DEFAULT));
        currentMessageId = id;
        currentContextId = pc.id();
        try {
            while (true) {
                Command rsp = readResponse(id, rspField, CommandField.name(rspField), receiver);
                DicomObject identifier = rsp.hasDataSet() ? channel.readDataSet(rsp.contextId(), ts,
                        MAX_IDENTIFIER_LENGTH, association.name() + " " + CommandField.name(rspField)) : null;
                Status status = statusOf(rsp);
                if (status.isPending()) {
                    continue;
                }
                DicomObject c = rsp.elements();
                List<String> failed = identifier == null ? List.of() : identifier.strings(Tag.FailedSOPInstanceUIDList);
                return new RetrieveResult(status, c.getInt(Tag.NumberOfCompletedSuboperations, 0),
                        c.getInt(Tag.NumberOfFailedSuboperations, 0), c.getInt(Tag.NumberOfWarningSuboperations, 0),
                        c.getString(Tag.ErrorComment, ""), failed);
            }
        } finally {
            currentMessageId = -1;
        }
    }

    /**
     * C-CANCEL (PS3.7 9.3.2.3) for the C-FIND, C-MOVE or C-GET in progress; the operation then ends with the peer's
     * final response (usually Cancel). May be called from another thread; does nothing when none is in progress.
     */
    public void cancel() throws IOException {
        int id = currentMessageId;
        if (id > 0) {
            channel.send(currentContextId, Command.request(CommandField.C_CANCEL_RQ, id, null, false));
        }
    }

    /** Releases the association (A-RELEASE, PS3.8 7.2). */
    public void release() throws IOException {
        ul.release(connection.dimseTimeout());
    }

    /** Aborts the association (A-ABORT, PS3.8 7.3). */
    public void abort() {
        ul.abort();
    }

    /** Releases; aborts when the release fails. */
    @Override
    public void close() {
        try {
            release();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("{}: release failed ({}), aborting", association.name(), e.getMessage());
            abort();
        }
    }

    private PresentationContext context(String sopClass) throws NoPresentationContextException {
        List<PresentationContext> list = association.contextsFor(sopClass);
        if (list.isEmpty()) {
            throw new NoPresentationContextException(association.name(), sopClass, null);
        }
        return list.get(0);
    }

    private int messageId() {
        int id = nextMessageId;
        nextMessageId = nextMessageId == 0xFFFF ? 1 : nextMessageId + 1;
        return id;
    }

    private Response awaitFinal(int messageId, int rspField, CStoreHandler receiver) throws IOException {
        Command rsp = readResponse(messageId, rspField, CommandField.name(rspField), receiver);
        if (rsp.hasDataSet()) {
            channel.dataInput(rsp.contextId()).skipRest();
        }
        statusOf(rsp);
        return Response.of(rsp.elements());
    }

    private Status statusOf(Command rsp) throws DimseException {
        int code = rsp.status();
        if (code < 0) {
            ul.abort();
            throw new DimseException(association.name(), rsp.describe() + " has no Status (0000,0900)");
        }
        return Status.of(code);
    }

    /** Reads until the response to {@code messageId}; C-STOREs arriving meanwhile (C-GET) go to {@code receiver}. */
    private Command readResponse(int messageId, int rspField, String waitingFor, CStoreHandler receiver)
            throws IOException {
        while (true) {
            Command c = channel.readCommand(connection.dimseTimeout(), waitingFor + " #" + messageId);
            if (c == null) {
                throw new DimseException(association.name(), "the peer released the association while " + waitingFor
                        + " #" + messageId + " was outstanding");
            }
            if (c.field() == CommandField.C_STORE_RQ) {
                receiveStore(c, receiver);
                continue;
            }
            if (c.field() == rspField && c.messageIdBeingRespondedTo() == messageId) {
                return c;
            }
            LOG.warn("{}: unexpected {} while awaiting {} #{}; ignored", association.name(), c.describe(), waitingFor,
                    messageId);
            if (c.hasDataSet()) {
                channel.dataInput(c.contextId()).skipRest();
            }
        }
    }

    private void receiveStore(Command rq, CStoreHandler receiver) throws IOException {
        MessageChannel.DataInput data = channel.dataInput(rq.contextId());
        Optional<PresentationContext> pc = association.context(rq.contextId());
        Status status;
        String comment = "";
        if (receiver == null || pc.isEmpty()) {
            data.skipRest();
            status = Status.SOP_CLASS_NOT_SUPPORTED;
            comment = receiver == null ? "no C-STORE receiver on this association" : "unknown presentation context";
        } else {
            StoreRequest request = new StoreRequest(association, rq.messageId(), rq.affectedSopClassUid(),
                    rq.affectedSopInstanceUid(), TransferSyntax.find(pc.get().transferSyntax()).orElseThrow(),
                    rq.elements().getString(Tag.MoveOriginatorApplicationEntityTitle, ""),
                    rq.elements().getInt(Tag.MoveOriginatorMessageID, -1));
            try {
                status = receiver.store(request, data);
            } catch (StatusException e) {
                status = e.status();
                comment = e.errorComment();
            } catch (Exception e) {
                if (e instanceof DimseException d) {
                    throw d;
                }
                status = Status.UNABLE_TO_PROCESS;
                comment = e.toString();
            }
            data.skipRest();
        }
        DicomObject rsp = Command.response(rq, status.code(), false);
        if (!comment.isEmpty()) {
            rsp.setString(Tag.ErrorComment, comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        channel.send(rq.contextId(), rsp);
    }
}
