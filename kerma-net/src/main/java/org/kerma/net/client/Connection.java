package org.kerma.net.client;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.kerma.net.AeConfig;

/**
 * Where and how a {@link DicomClient} connects: the remote AE (called AE title, host, port), this side's calling
 * AE title, limits and timeouts. Start from {@link #to} and change what you need.
 *
 * @param callingAe      this side's AE title
 * @param calledAe       the peer's AE title
 * @param host           the peer's host
 * @param port           the peer's port
 * @param maxPduLength   the maximum length received this side announces
 * @param connectTimeout TCP connect and A-ASSOCIATE-AC wait
 * @param dimseTimeout   wait for each response, and for each fragment within a message
 * @param artimTimeout   wait for the peer to close after release or abort
 * @param username       user identity to negotiate (PS3.7 D.3.3.7), or null
 * @param passcode       its passcode, or null for username only
 * @param tls            TLS context for a secure connection (TLS 1.2/1.3, BCP 195 suites), or null
 */
public record Connection(String callingAe, String calledAe, String host, int port, int maxPduLength,
                         Duration connectTimeout, Duration dimseTimeout, Duration artimTimeout,
                         String username, String passcode, SSLContext tls) {

    /** A connection to {@code calledAe} at host:port, calling as "KERMA". */
    public static Connection to(String calledAe, String host, int port) {
        return new Connection("KERMA", calledAe, host, port, AeConfig.DEFAULT_MAX_PDU_LENGTH, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(5), null, null, null);
    }

    public Connection withCallingAe(String ae) {
        return new Connection(ae, calledAe, host, port, maxPduLength, connectTimeout, dimseTimeout, artimTimeout,
                username, passcode, tls);
    }

    public Connection withMaxPduLength(int length) {
        return new Connection(callingAe, calledAe, host, port, length, connectTimeout, dimseTimeout, artimTimeout,
                username, passcode, tls);
    }

    public Connection withTimeouts(Duration connect, Duration dimse) {
        return new Connection(callingAe, calledAe, host, port, maxPduLength, connect, dimse, artimTimeout,
                username, passcode, tls);
    }

    /** Negotiates user identity: username, or username and passcode when {@code passcode} is not null. */
    public Connection withUser(String user, String pass) {
        return new Connection(callingAe, calledAe, host, port, maxPduLength, connectTimeout, dimseTimeout,
                artimTimeout, user, pass, tls);
    }

    public Connection withTls(SSLContext context) {
        return new Connection(callingAe, calledAe, host, port, maxPduLength, connectTimeout, dimseTimeout,
                artimTimeout, username, passcode, context);
    }
}
