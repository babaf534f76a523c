package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.testing.Processes;
import org.kerma.net.testing.Processes.Result;

/** TLS on a second port, with keys made by keytool in the test; dcmtk echoscu as a TLS peer. */
class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String name : new String[] {"server", "client"}) {
            Result r = Processes.run(keys, LIMIT, "keytool", "-genkeypair", "-alias", name, "-keyalg", "RSA",
                    "-keysize", "2048", "-dname", "CN=" + name, "-validity", "2", "-ext",
                    "SAN=ip:127.0.0.1,dns:localhost", "-keystore", name + ".p12", "-storetype", "PKCS12",
                    "-storepass", "changeit", "-keypass", "changeit");
            assertThat(r.exitCode()).as(r.output()).isZero();
            r = Processes.run(keys, LIMIT, "keytool", "-exportcert", "-rfc", "-alias", name, "-keystore",
                    name + ".p12", "-storepass", "changeit", "-file", name + ".pem");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }

    private static SSLContext context(String keyStore, String trusted) throws Exception {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keys.resolve(keyStore + ".p12"))) {
                ks.load(in, PASSWORD);
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        try (InputStream in = Files.newInputStream(keys.resolve(trusted + ".pem"))) {
            ts.setCertificateEntry(trusted, java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void echoesOverTlsWithTheServerCertificate() throws Exception {
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTls(new TlsConfig(0, context("server", "client"), false))).start()) {
            try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.tlsPort())
                    .withTls(context(null, "server")), Proposal.verification())) {
                assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            }
        }
    }

    @Test
    void refusesAClientWithoutCertificateWhenClientCertificatesAreRequired() throws Exception {
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTls(new TlsConfig(0, context("server", "client"), true))).start()) {
            assertThatThrownBy(() -> DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.tlsPort())
                    .withTls(context(null, "server")), Proposal.verification())).isInstanceOf(DimseException.class);

            try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.tlsPort())
                    .withTls(context("client", "server")), Proposal.verification())) {
                assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            }
        }
    }

    @Test
    void echoscuWithTheBcp195ProfileEchoesOverTls(@TempDir Path dir) throws Exception {
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTls(new TlsConfig(0, context("server", "client"), false))).start()) {
            Result r = Processes.run(dir, LIMIT, "echoscu", "-v", "+tla", "+cf", keys.resolve("server.pem").toString(),
                    "-aet", "ECHOSCU", "-aec", "KERMA", "127.0.0.1", Integer.toString(node.tlsPort()));

            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).contains("Received Echo Response (Success)");
        }
    }
}
