package org.kerma.net;

import javax.net.ssl.SSLContext;

/**
 * TLS for a second listening port (PS3.15 Annex B.9 / B.1 with the BCP 195 profile): TLS 1.2 and 1.3 only, with
 * the cipher suites BCP 195 recommends that the JDK provides.
 *
 * @param port              the secure port; 0 picks a free one
 * @param context           holds the node's key and certificate, and the trust store for client certificates
 * @param needClientAuth    when true, a client must present a certificate the trust store accepts
 */
public record TlsConfig(int port, SSLContext context, boolean needClientAuth) {

    /** TLS versions allowed (BCP 195, RFC 9325: TLS 1.2 and 1.3). */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** Cipher suites of the BCP 195 profile (RFC 9325 section 4.2) plus the TLS 1.3 suites. */
    public static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"};
}
