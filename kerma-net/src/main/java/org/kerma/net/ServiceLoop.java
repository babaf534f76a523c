package org.kerma.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.dimse.Command;
import org.kerma.net.dimse.CommandField;
import org.kerma.net.dimse.MessageChannel;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRj;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.service.FindRequest;
import org.kerma.net.service.Instance;
import org.kerma.net.service.RetrieveRequest;
import org.kerma.net.service.StoreRequest;
import org.kerma.net.ul.UpperLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection of a {@link DicomNode}, on its own thread: association negotiation, then each DIMSE
 * request in turn, until release, abort or an error. Everything about the association happens on this thread.
 */
final class ServiceLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceLoop.class);
    private static final long MAX_IDENTIFIER_LENGTH = 16L * 1024 * 1024;

    private final DicomNode node;
    private final AeConfig config;
    private final Socket socket;
    private final String name;
    private UpperLayer ul;
    private MessageChannel channel;
    private Association association;
    private final Deque<Command> deferred = new ArrayDeque<>();
    private int nextMessageId = 1;
    private boolean counted;
    private String rejection;

    ServiceLoop(DicomNode node, Socket socket, long serial) {
        this.node = node;
        this.config = node.config();
        this.socket = socket;
        this.name = config.aeTitle() + "<-" + socket.getRemoteSocketAddress() + "#" + serial;
    }

    @Override
    public void run() {
        boolean released = false;
        String reason = "connection closed before an association was established";
        try {
            ul = new UpperLayer(socket, false, name, config.artimTimeout(), config.maxPduLength());
            if (establish()) {
                serve();
                released = true;
                reason = "released";
                LOG.info("{}: association released", ul.name());
            } else if (rejection != null) {
                reason = "rejected: " + rejection;
            } else if (ul.lastFailure() != null) {
                reason = ul.lastFailure();
            }
        } catch (DimseException e) {
            reason = e.getMessage();
            LOG.warn("association ended: {}", reason);
        } catch (IOException e) {
            reason = e.getMessage();
            LOG.warn("{}: association ended: {}", currentName(), reason);
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            LOG.error("{}: association aborted by an internal error", currentName(), e);
            if (ul != null) {
                ul.abort();
            }
        } finally {
            if (counted) {
                node.leave();
            }
            closeConnection();
            boolean r = released;
            String why = reason;
            node.tell(l -> l.ended(currentName(), r, why));
        }
    }

    private String currentName() {
        return ul == null ? name : ul.name();
    }

    /** Negotiation (PS3.8 7.1): true once the association is accepted; false when rejected or never requested. */
    private boolean establish() throws IOException {
        AssociateRq rq = ul.awaitAssociateRq();
        if (rq == null) {
            return false;
        }
        ul.name(config.aeTitle() + "<-" + rq.callingAe() + "#" + name.substring(name.lastIndexOf('#') + 1));
        counted = node.enter();
        AssociateRj rj = rejection(rq, counted);
        if (rj != null) {
            LOG.info("{}: A-ASSOCIATE-RQ from {} at {} to {} rejected: {}", ul.name(), rq.callingAe(),
                    socket.getRemoteSocketAddress(), rq.calledAe(), rj.describe());
            rejection = rj.describe();
            node.tell(l -> l.rejected(ul.name(), rq.callingAe(), rj.describe()));
            ul.reject(rj);
            return false;
        }
        AssociateAc ac = Negotiation.answer(config, rq, node::serves, node.hasGetHandler());
        ul.accept(ac);
        association = association(rq, ac);
        channel = new MessageChannel(ul, rq.userInformation().maxLength(), config.dimseTimeout());
        LOG.info("{}: association accepted ({} of {} contexts)", ul.name(), association.contexts().size(),
                rq.presentationContexts().size());
        node.tell(l -> l.accepted(association));
        return true;
    }

    private void closeConnection() {
        if (ul != null) {
            ul.close();
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private AssociateRj rejection(AssociateRq rq, boolean withinLimit) {
        if (!Uid.DICOMApplicationContext.equals(rq.applicationContext())) {
            return new AssociateRj(AssociateRj.RESULT_PERMANENT, AssociateRj.SOURCE_SERVICE_USER,
                    AssociateRj.REASON_APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!config.acceptAnyCalledAe() && !config.aeTitle().equals(rq.calledAe())) {
            return new AssociateRj(AssociateRj.RESULT_PERMANENT, AssociateRj.SOURCE_SERVICE_USER,
                    AssociateRj.REASON_CALLED_AE_NOT_RECOGNIZED);
        }
        if (!config.trustedNodes().trusts(rq.callingAe(), socket.getInetAddress())) {
            return new AssociateRj(AssociateRj.RESULT_PERMANENT, AssociateRj.SOURCE_SERVICE_USER,
                    AssociateRj.REASON_CALLING_AE_NOT_RECOGNIZED);
        }
        if (!withinLimit) {
            return new AssociateRj(AssociateRj.RESULT_TRANSIENT, AssociateRj.SOURCE_SERVICE_PROVIDER_PRESENTATION,
                    AssociateRj.REASON_LOCAL_LIMIT_EXCEEDED);
        }
        return null;
    }

    private Association association(AssociateRq rq, AssociateAc ac) {
        List<PresentationContext> contexts = new ArrayList<>();
        for (var r : ac.presentationContexts()) {
            if (!r.accepted()) {
                continue;
            }
            var item = rq.presentationContexts().stream().filter(p -> p.id() == r.id()).findFirst().orElseThrow();
            var role = ac.userInformation().roleSelection(item.abstractSyntax());
            contexts.add(new PresentationContext(r.id(), item.abstractSyntax(), r.transferSyntax(),
                    role.map(x -> x.scuRole()).orElse(true), role.map(x -> x.scpRole()).orElse(false)));
        }
        var identity = rq.userInformation().userIdentity();
        return new Association(ul.name(), rq.callingAe(), rq.calledAe(),
                (InetSocketAddress) socket.getRemoteSocketAddress(), contexts, rq.userInformation().maxLength(),
                Optional.ofNullable(identity).filter(i -> i.type() <= 2).map(i -> i.username()),
                rq.userInformation().implementationClassUid());
    }

    private void serve() throws IOException {
        while (true) {
            Command c = deferred.isEmpty() ? channel.readCommand(config.idleTimeout(), "the next request")
                    : deferred.poll();
            if (c == null) {
                return;
            }
            Optional<PresentationContext> pc = association.context(c.contextId());
            if (pc.isEmpty()) {
                throw new DimseException(ul.name(), c.describe() + ": presentation context " + c.contextId()
                        + " was not accepted");
            }
            TransferSyntax ts = TransferSyntax.find(pc.get().transferSyntax()).orElseThrow();
            switch (c.field()) {
                case CommandField.C_ECHO_RQ -> echo(c);
                case CommandField.C_STORE_RQ -> store(c, pc.get(), ts);
                case CommandField.C_FIND_RQ -> find(c, ts);
                case CommandField.C_MOVE_RQ, CommandField.C_GET_RQ -> retrieve(c, ts);
                case CommandField.C_CANCEL_RQ -> LOG.debug("{}: C-CANCEL for #{} with nothing in progress",
                        ul.name(), c.messageIdBeingRespondedTo());
                default -> {
                    if (c.hasDataSet()) {
                        channel.dataInput(c.contextId()).skipRest();
                    }
                    if (c.isRequest()) {
                        respond(c, Status.UNRECOGNIZED_OPERATION, "unsupported " + c.describe(), null, ts);
                    }
                }
            }
        }
    }

    private void echo(Command c) throws IOException {
        Status status;
        String comment = "";
        try {
            status = node.echoHandler().echo(association);
        } catch (StatusException e) {
            status = e.status();
            comment = e.errorComment();
        } catch (Exception e) {
            status = Status.PROCESSING_FAILURE;
            comment = failureComment(c, e);
        }
        respond(c, status, comment, null, null);
    }

    private void store(Command c, PresentationContext pc, TransferSyntax ts) throws IOException {
        MessageChannel.DataInput data = channel.dataInput(c.contextId());
        Status status;
        String comment = "";
        if (node.storeHandler() == null || !pc.abstractSyntax().equals(c.affectedSopClassUid())) {
            data.skipRest();
            respond(c, Status.SOP_CLASS_NOT_SUPPORTED, node.storeHandler() == null ? "this node does not store"
                    : "SOP class " + c.affectedSopClassUid() + " sent on a context for " + pc.abstractSyntax(),
                    null, null);
            return;
        }
        StoreRequest request = new StoreRequest(association, c.messageId(), c.affectedSopClassUid(),
                c.affectedSopInstanceUid(), ts, c.elements().getString(Tag.MoveOriginatorApplicationEntityTitle, ""),
                c.elements().getInt(Tag.MoveOriginatorMessageID, -1));
        GuardedInput guarded = new GuardedInput(data);
        try {
            status = node.storeHandler().store(request, guarded);
        } catch (StatusException e) {
            status = e.status();
            comment = e.errorComment();
        } catch (Exception e) {
            if (guarded.failure != null) {
                throw guarded.failure;
            }
            status = Status.UNABLE_TO_PROCESS;
            comment = failureComment(c, e);
        }
        if (guarded.failure != null) {
            throw guarded.failure;
        }
        data.skipRest();
        respond(c, status, comment, null, null);
    }

    private void find(Command c, TransferSyntax ts) throws IOException {
        DicomObject keys = channel.readDataSet(c.contextId(), ts, MAX_IDENTIFIER_LENGTH, ul.name() + " "
                + c.describe() + " identifier");
        boolean[] cancelled = new boolean[1];
        if (node.findHandler() == null) {
            respond(c, Status.SOP_CLASS_NOT_SUPPORTED, "this node does not answer C-FIND", null, ts);
            return;
        }
        int matches = 0;
        try (Stream<DicomObject> results = node.findHandler().find(new FindRequest(association, c.messageId(),
                c.affectedSopClassUid(), keys, () -> cancelled[0]))) {
            Iterator<DicomObject> it = results.iterator();
            while (!pollCancel(c, cancelled) && it.hasNext()) {
                respond(c, Status.PENDING, "", it.next(), ts);
                matches++;
            }
        } catch (StatusException e) {
            respond(c, e.status(), e.errorComment(), null, ts);
            return;
        } catch (DimseException e) {
            throw e;
        } catch (Exception e) {
            respond(c, Status.UNABLE_TO_PROCESS, failureComment(c, e), null, ts);
            return;
        }
        LOG.debug("{}: {} answered with {} matches{}", ul.name(), c.describe(), matches,
                cancelled[0] ? " (cancelled)" : "");
        respond(c, cancelled[0] ? Status.CANCEL : Status.SUCCESS, "", null, ts);
    }

    private void retrieve(Command c, TransferSyntax ts) throws IOException {
        DicomObject keys = channel.readDataSet(c.contextId(), ts, MAX_IDENTIFIER_LENGTH, ul.name() + " "
                + c.describe() + " identifier");
        boolean move = c.field() == CommandField.C_MOVE_RQ;
        String destination = move ? c.elements().getString(Tag.MoveDestination, "").trim() : "";
        if (move ? node.moveHandler() == null : node.getHandler() == null) {
            respond(c, Status.SOP_CLASS_NOT_SUPPORTED, "this node does not answer " + CommandField.name(c.field()),
                    null, ts);
            return;
        }
        Optional<TrustedNode> target = move ? config.trustedNodes().find(destination) : Optional.empty();
        if (move && target.isEmpty()) {
            respond(c, Status.MOVE_DESTINATION_UNKNOWN, "move destination " + destination + " unknown", null, ts);
            return;
        }
        List<Instance> instances;
        try {
            RetrieveRequest request = new RetrieveRequest(association, c.messageId(), c.affectedSopClassUid(), keys,
                    destination);
            instances = move ? node.moveHandler().retrieve(request) : node.getHandler().retrieve(request);
        } catch (StatusException e) {
            respond(c, e.status(), e.errorComment(), null, ts);
            return;
        } catch (Exception e) {
            respond(c, Status.UNABLE_TO_PROCESS, failureComment(c, e), null, ts);
            return;
        }
        SubOperations ops = new SubOperations(instances.size());
        boolean[] cancelled = new boolean[1];
        if (move) {
            moveTo(target.get(), c, ts, instances, ops, cancelled);
        } else {
            getTo(c, ts, instances, ops, cancelled);
        }
        if (ops.error != null) {
            respondRetrieve(c, Status.OUT_OF_RESOURCES_SUB_OPERATIONS, ops, ts, ops.error);
        } else {
            Status end = cancelled[0] ? Status.CANCEL : ops.failed + ops.warning > 0
                    ? Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES : Status.SUCCESS;
            respondRetrieve(c, end, ops, ts, "");
        }
    }

    private void moveTo(TrustedNode target, Command c, TransferSyntax ts, List<Instance> instances,
                        SubOperations ops, boolean[] cancelled) throws IOException {
        if (instances.isEmpty()) {
            return;
        }
        Connection to = Connection.to(target.aeTitle(), target.host(), target.port())
                .withCallingAe(config.aeTitle()).withTimeouts(config.dimseTimeout(), config.dimseTimeout());
        DicomClient client;
        try {
            client = DicomClient.connect(to, Proposal.storage(instances));
        } catch (DimseException e) {
            LOG.warn("{}: {}: cannot reach move destination: {}", ul.name(), c.describe(), e.getMessage());
            ops.error = StatusException.truncate("cannot associate with " + target.aeTitle() + ": "
                    + e.getMessage());
            ops.failAll(instances);
            return;
        }
        try (client) {
            for (Instance i : instances) {
                if (pollCancel(c, cancelled)) {
                    break;
                }
                try {
                    Response r = client.store(i, association.callingAe(), c.messageId());
                    ops.count(i, r.status());
                } catch (NoPresentationContextException e) {
                    ops.count(i, Status.SOP_CLASS_NOT_SUPPORTED);
                }
                respondRetrieve(c, Status.PENDING, ops, ts, "");
            }
        }
    }

    private void getTo(Command c, TransferSyntax ts, List<Instance> instances, SubOperations ops,
                       boolean[] cancelled) throws IOException {
        for (Instance i : instances) {
            if (pollCancel(c, cancelled)) {
                break;
            }
            Optional<PresentationContext> pc = association.contextsFor(i.sopClassUid()).stream()
                    .filter(PresentationContext::requestorScp)
                    .filter(p -> TransferSyntax.find(p.transferSyntax()).map(i::canBeSentAs).orElse(false))
                    .findFirst();
            if (pc.isEmpty()) {
                ops.count(i, Status.SOP_CLASS_NOT_SUPPORTED);
            } else {
                TransferSyntax target = TransferSyntax.find(pc.get().transferSyntax()).orElseThrow();
                int id = nextMessageId++;
                DicomObject rq = Command.request(CommandField.C_STORE_RQ, id, i.sopClassUid(), true);
                rq.setString(Tag.AffectedSOPInstanceUID, i.sopInstanceUid());
                channel.send(pc.get().id(), rq, out -> i.writeTo(out, target));
                ops.count(i, Status.of(awaitStoreResponse(c, id, cancelled)));
            }
            respondRetrieve(c, Status.PENDING, ops, ts, "");
        }
    }

    private int awaitStoreResponse(Command get, int id, boolean[] cancelled) throws IOException {
        while (true) {
            Command r = channel.readCommand(config.dimseTimeout(), "C-STORE-RSP #" + id);
            if (r == null) {
                throw new DimseException(ul.name(), "released during C-GET sub-operations");
            }
            if (r.field() == CommandField.C_STORE_RSP && r.messageIdBeingRespondedTo() == id) {
                return r.status();
            }
            if (r.field() == CommandField.C_CANCEL_RQ && r.messageIdBeingRespondedTo() == get.messageId()) {
                cancelled[0] = true;
            } else {
                defer(r);
            }
        }
    }

    /** Reads whatever request has arrived without waiting; true once a C-CANCEL for {@code c} came. */
    private boolean pollCancel(Command c, boolean[] cancelled) throws IOException {
        while (!cancelled[0] && channel.messageWaiting()) {
            Command next = channel.readCommand(config.dimseTimeout(), "a command");
            if (next == null) {
                throw new DimseException(ul.name(), "released during " + c.describe());
            }
            if (next.field() == CommandField.C_CANCEL_RQ && next.messageIdBeingRespondedTo() == c.messageId()) {
                LOG.debug("{}: C-CANCEL for {}", ul.name(), c.describe());
                cancelled[0] = true;
            } else {
                defer(next);
            }
        }
        return cancelled[0];
    }

    private void defer(Command next) throws IOException {
        if (next.hasDataSet()) {
            channel.dataInput(next.contextId()).skipRest();
            LOG.warn("{}: {} arrived while another operation was in progress (no asynchronous operations were "
                    + "negotiated); dropped", ul.name(), next.describe());
            return;
        }
        deferred.add(next);
    }

    private void respondRetrieve(Command c, Status status, SubOperations ops, TransferSyntax ts, String comment)
            throws IOException {
        DicomObject rsp = Command.response(c, status.code(), false);
        if (status.isPending() || status.category() == Status.Category.CANCEL) {
            rsp.setLong(Tag.NumberOfRemainingSuboperations, ops.remaining());
        }
        rsp.setLong(Tag.NumberOfCompletedSuboperations, ops.completed);
        rsp.setLong(Tag.NumberOfFailedSuboperations, ops.failed);
        rsp.setLong(Tag.NumberOfWarningSuboperations, ops.warning);
        if (!comment.isEmpty()) {
            rsp.setString(Tag.ErrorComment, StatusException.truncate(comment));
        }
        DicomObject identifier = null;
        if (!status.isPending() && !ops.failedUids.isEmpty()) {
            identifier = new DicomObject();
            identifier.setString(Tag.FailedSOPInstanceUIDList, ops.failedUids.toArray(String[]::new));
            rsp.setLong(Tag.CommandDataSetType, 0);
        }
        send(c, rsp, identifier, ts);
    }

    private void respond(Command c, Status status, String comment, DicomObject identifier, TransferSyntax ts)
            throws IOException {
        DicomObject rsp = Command.response(c, status.code(), identifier != null);
        if (comment != null && !comment.isEmpty()) {
            rsp.setString(Tag.ErrorComment, StatusException.truncate(comment));
        }
        send(c, rsp, identifier, ts);
    }

    private void send(Command c, DicomObject rsp, DicomObject identifier, TransferSyntax ts) throws IOException {
        if (identifier == null) {
            channel.send(c.contextId(), rsp);
        } else {
            channel.send(c.contextId(), rsp, out -> DicomWriter.writeDataset(out, identifier, ts,
                    WriteOptions.DEFAULT));
        }
    }

    private String failureComment(Command c, Exception e) {
        LOG.warn("{}: handler of {} failed", ul.name(), c.describe(), e);
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Sub-operation counts of one C-MOVE or C-GET (PS3.4 C.4.2.1.6). */
    private static final class SubOperations {
        final int total;
        int completed;
        int failed;
        int warning;
        final Set<String> failedUids = new LinkedHashSet<>();
        String error;

        SubOperations(int total) {
            this.total = total;
        }

        int remaining() {
            return total - completed - failed - warning;
        }

        void count(Instance i, Status s) {
            switch (s.category()) {
                case SUCCESS -> completed++;
                case WARNING -> warning++;
                default -> {
                    failed++;
                    failedUids.add(i.sopInstanceUid());
                }
            }
        }

        void failAll(List<Instance> instances) {
            for (Instance i : instances) {
                count(i, Status.UNABLE_TO_PROCESS);
            }
        }
    }

    /** The data stream of a C-STORE; remembers a failure of the association itself, whatever the handler does. */
    private static final class GuardedInput extends InputStream {
        private final MessageChannel.DataInput in;
        private DimseException failure;

        GuardedInput(MessageChannel.DataInput in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (DimseException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (DimseException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            try {
                return in.transferTo(out);
            } catch (DimseException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int available() {
            return in.available();
        }
    }
}
