package org.kerma.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.net.AssociationAbortedException;
import org.kerma.net.DimseException;
import org.kerma.net.pdu.PDataTf;
import org.kerma.net.pdu.Pdv;
import org.kerma.net.ul.UpperLayer;

/**
 * DIMSE messages over an {@link UpperLayer} (PS3.7 section 9.3 and PS3.8 Annex E): reassembles command sets from
 * PDVs (bounded by {@link #MAX_COMMAND_LENGTH}), streams data sets fragment by fragment, and fragments outgoing
 * messages so that no P-DATA-TF PDU exceeds the peer's maximum length. Reading is for the association's own thread
 * only; sending may come from any thread (each PDV is written under the upper layer's lock, and one message at a
 * time is sent under this channel's send lock).
 */
public final class MessageChannel {

    /** Upper bound of a command set; real ones are a few hundred bytes. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;

    private final UpperLayer ul;
    private final int maxFragment;
    private final Duration dimseTimeout;
    private final Deque<Pdv> pending = new ArrayDeque<>();
    private final Object sendLock = new Object();

    /**
     * @param peerMaxLength the peer's maximum length received (0: no limit, fragments of 64 KiB are used)
     * @param dimseTimeout  how long to wait for the next fragment inside a message
     */
    public MessageChannel(UpperLayer ul, long peerMaxLength, Duration dimseTimeout) {
        this.ul = ul;
        long max = peerMaxLength == 0 ? 64 * 1024 : Math.min(peerMaxLength, 4 * 1024 * 1024);
        this.maxFragment = (int) Math.max(max - 6, 1);
        this.dimseTimeout = dimseTimeout;
    }

    public UpperLayer upperLayer() {
        return ul;
    }

    /** The largest PDV fragment this channel sends (peer's maximum length minus the 6-byte PDV header). */
    public int maxFragment() {
        return maxFragment;
    }

    /** True when a message has (begun to) arrive(d), so {@link #readCommand} would not wait for the peer. */
    public boolean messageWaiting() throws IOException {
        return !pending.isEmpty() || ul.readable();
    }

    /**
     * Reads the next command set, waiting up to {@code timeout} for its first fragment.
     *
     * @return the command; null when the peer released the association
     */
    public Command readCommand(Duration timeout, String waitingFor) throws IOException {
        Pdv first = nextPdv(timeout, waitingFor);
        if (first == null) {
            return null;
        }
        if (!first.command()) {
            throw protocolError("a data fragment on context " + first.contextId() + " where a command was expected");
        }
        int contextId = first.contextId();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(first.length(), MAX_COMMAND_LENGTH));
        Pdv pdv = first;
        while (true) {
            if (bytes.size() + pdv.length() > MAX_COMMAND_LENGTH) {
                throw protocolError("command set longer than " + MAX_COMMAND_LENGTH + " bytes on context " + contextId);
            }
            bytes.write(pdv.buffer(), pdv.offset(), pdv.length());
            if (pdv.last()) {
                break;
            }
            pdv = nextPdv(dimseTimeout, "the rest of a command");
            if (pdv == null || !pdv.command() || pdv.contextId() != contextId) {
                throw protocolError("command fragment expected on context " + contextId);
            }
        }
        byte[] b = bytes.toByteArray();
        return new Command(contextId, Command.decode(b, b.length, ul.name() + " command on context " + contextId));
    }

    /**
     * The data set that follows a command on {@code contextId}, as a stream of its fragments. The caller reads it
     * to the end (or calls {@link DataInput#skipRest}) before the next command.
     */
    public DataInput dataInput(int contextId) {
        return new DataInput(contextId);
    }

    /** Reads a whole data set into memory, at most {@code limit} bytes. */
    public DicomObject readDataSet(int contextId, TransferSyntax ts, long limit, String source) throws IOException {
        DataInput data = new DataInput(contextId);
        data.limit = limit;
        try {
            return DicomReader.readDataset(data, source, ts, ReadOptions.DEFAULT);
        } finally {
            data.skipRest();
        }
    }

    /** Sends a command set alone. */
    public void send(int contextId, DicomObject command) throws IOException {
        send(contextId, command, null);
    }

    /**
     * Sends a command set and, when {@code data} is not null, the data set it writes, fragmented to the peer's
     * maximum length.
     */
    public void send(int contextId, DicomObject command, DataWriter data) throws IOException {
        byte[] c = Command.encode(command);
        synchronized (sendLock) {
            for (int off = 0; off < c.length; off += maxFragment) {
                int n = Math.min(maxFragment, c.length - off);
                boolean last = off + n == c.length;
                ul.sendPdv(contextId, true, last, c, off, n, last && data == null);
            }
            if (data != null) {
                DataOutput out = new DataOutput(contextId);
                data.writeTo(out);
                out.close();
            }
        }
    }

    /** Writes a data set into a message. */
    @FunctionalInterface
    public interface DataWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private Pdv nextPdv(Duration timeout, String waitingFor) throws IOException {
        while (pending.isEmpty()) {
            PDataTf p = ul.readPData(timeout, waitingFor);
            if (p == null) {
                return null;
            }
            pending.addAll(p.pdvs());
        }
        return pending.poll();
    }

    private IOException protocolError(String message) {
        ul.abort();
        return new AssociationAbortedException(ul.name(), "DIMSE protocol error: " + message, false, 0, 0);
    }

    /** A data set arriving fragment by fragment (PS3.8 E.2: data PDVs until the one with the last bit). */
    public final class DataInput extends InputStream {
        private final int contextId;
        private Pdv current;
        private int pos;
        private boolean lastSeen;
        private boolean ended;
        private long count;
        private long limit = Long.MAX_VALUE;

        private DataInput(int contextId) {
            this.contextId = contextId;
        }

        private boolean fill() throws IOException {
            while (current == null || pos >= current.length()) {
                if (lastSeen) {
                    ended = true;
                    return false;
                }
                Pdv pdv = nextPdv(dimseTimeout, "the next data fragment");
                if (pdv == null) {
                    throw new DimseException(ul.name(), "association released in the middle of a data set");
                }
                if (pdv.command() || pdv.contextId() != contextId) {
                    throw protocolError("data fragment on context " + contextId + " expected, got "
                            + (pdv.command() ? "a command fragment" : "data on context " + pdv.contextId()));
                }
                current = pdv;
                pos = 0;
                lastSeen = pdv.last();
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            count(1);
            return current.buffer()[current.offset() + pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length() - pos);
            System.arraycopy(current.buffer(), current.offset() + pos, b, off, n);
            pos += n;
            count(n);
            return n;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.length() - pos;
        }

        /** Writes the rest of the data set fragment by fragment, straight from the PDU buffers. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long n = 0;
            while (fill()) {
                int len = current.length() - pos;
                count(len);
                out.write(current.buffer(), current.offset() + pos, len);
                pos += len;
                n += len;
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new DimseException(ul.name(), "data set longer than the limit of " + limit + " bytes");
            }
        }

        /** Reads and drops whatever is left of the data set. */
        public void skipRest() throws IOException {
            while (!ended) {
                if (!fill()) {
                    return;
                }
                pos = current.length();
            }
        }

        /** True once the last fragment has been read to its end. */
        public boolean ended() {
            return ended;
        }

        @Override
        public void close() {
            // the association's stream stays open; skipRest() is called by the framework
        }
    }

    /** Buffers a data set into fragments of {@link #maxFragment} bytes; {@link #close()} sends the last one. */
    private final class DataOutput extends OutputStream {
        private final int contextId;
        private final byte[] buffer = new byte[maxFragment];
        private int count;
        private boolean closed;

        DataOutput(int contextId) {
            this.contextId = contextId;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                ul.sendPdv(contextId, false, false, buffer, 0, count, false);
                count = 0;
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buffer.length) {
                    ul.sendPdv(contextId, false, false, buffer, 0, count, false);
                    count = 0;
                }
                if (count == 0 && len > buffer.length) {
                    ul.sendPdv(contextId, false, false, b, off, buffer.length, false);
                    off += buffer.length;
                    len -= buffer.length;
                    continue;
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() {
            // fragments go out when full; the last one on close
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                ul.sendPdv(contextId, false, true, buffer, 0, count, true);
            }
        }
    }
}
