package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS configured in kerma.yml with a key made by keytool; dcmtk echoscu and storescu as TLS peers. */
class NodeTlsTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKey() throws Exception {
        Peers.Result r = Peers.run(dir, LIMIT, "keytool", "-genkeypair", "-alias", "node", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=kerma-test", "-validity", "2", "-ext",
                "SAN=ip:127.0.0.1,dns:localhost", "-keystore", "node.p12", "-storetype", "PKCS12", "-storepass",
                "changeit", "-keypass", "changeit");
        assertThat(r.exitCode()).as(r.output()).isZero();
        r = Peers.run(dir, LIMIT, "keytool", "-exportcert", "-rfc", "-alias", "node", "-keystore", "node.p12",
                "-storepass", "changeit", "-file", "node.pem");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void servesEchoAndStoreOnTheTlsPortOfKermaYml() throws Exception {
        Path yml = Files.writeString(dir.resolve("kerma.yml"), """
                dicom:
                  port: 0
                  tls: {port: 0, key-store: node.p12, key-store-password: changeit}
                http: {port: 0}
                storage: {data: tls-data}
                """);
        try (KermaNode node = KermaNode.start(ConfigLoader.load(yml, Map.of()))) {
            assertThat(node.tlsPort()).isPositive();
            String port = Integer.toString(node.tlsPort());
            Peers.Result echo = Peers.run(dir, LIMIT, "echoscu", "-v", "+tla", "+cf", "node.pem", "-aet", "ECHOSCU",
                    "-aec", "KERMA", "127.0.0.1", port);
            assertThat(echo.exitCode()).as(echo.output()).isZero();
            assertThat(echo.output()).contains("Received Echo Response (Success)");

            Path file = TestImages.write(dir, TestImages.ct("TLS1", 40, 1, 1));
            Peers.Result store = Peers.run(dir, LIMIT, "storescu", "+tla", "+cf", "node.pem", "-aet", "STORESCU",
                    "-aec", "KERMA", "127.0.0.1", port, file.toString());
            assertThat(store.exitCode()).as(store.output()).isZero();
            assertThat(node.registry().index().read("find", c -> org.kerma.registry.index.Hierarchy.find(c,
                    TestImages.sop(40, 1, 1))).isPresent()).isTrue();
        }
    }

    @Test
    void aWrongKeyStorePasswordIsAConfigurationErrorNamingTheKey() throws Exception {
        Path yml = Files.writeString(dir.resolve("bad.yml"), """
                dicom: {port: 0, tls: {port: 0, key-store: node.p12, key-store-password: wrong}}
                http: {port: 0}
                storage: {data: bad-data}
                """);

        assertThatThrownBy(() -> KermaNode.start(ConfigLoader.load(yml, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("dicom.tls.key-store: cannot load " + dir.resolve("node.p12"));
    }
}
