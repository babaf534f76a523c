package org.kerma.net.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.kerma.dicom.Uid;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.pdu.Pdu;
import org.kerma.net.pdu.PduReader;
import org.kerma.net.pdu.PduWriter;
import org.kerma.net.pdu.PresentationContextItem;
import org.kerma.net.pdu.UserInformation;

/**
 * A scriptable DICOM peer for tests (in the spirit of okhttp's MockWebServer): it sends exactly the bytes a test
 * gives it, well-formed or not, and reports what comes back, so the node's answers to malformed or untimely PDUs
 * can be asserted.
 */
public final class FakePeer implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PduReader reader;

    private FakePeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.reader = new PduReader(in, PduReader.MAX_ASSOCIATE_LENGTH);
    }

    public static FakePeer connect(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setTcpNoDelay(true);
        return new FakePeer(s);
    }

    /** A well-formed A-ASSOCIATE-RQ proposing Verification and CT Image Storage. */
    public static AssociateRq request(String calling, String called, int maxLength) {
        return new AssociateRq(1, called, calling, Uid.DICOMApplicationContext, List.of(
                new PresentationContextItem(1, Uid.Verification, List.of("1.2.840.10008.1.2")),
                new PresentationContextItem(3, Uid.CTImageStorage, List.of("1.2.840.10008.1.2"))),
                UserInformation.of(maxLength, "1.2.3.4", "FAKEPEER"));
    }

    /** Sends a request and expects A-ASSOCIATE-AC. */
    public AssociateAc associate(String calledAe) throws IOException {
        send(PduWriter.encode(request("FAKEPEER", calledAe, 16384)));
        Pdu answer = receive(Duration.ofSeconds(5));
        if (!(answer instanceof AssociateAc ac)) {
            throw new IllegalStateException("expected A-ASSOCIATE-AC, got " + answer);
        }
        return ac;
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(Pdu pdu) throws IOException {
        send(PduWriter.encode(pdu));
    }

    /** The next PDU from the node, or null when it closed the connection. */
    public Pdu receive(Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        try {
            return reader.read();
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no PDU within " + limit);
        }
    }

    /** True when the node closes the connection within {@code limit} (anything it sends meanwhile is dropped). */
    public boolean closedByNode(Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        try {
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
