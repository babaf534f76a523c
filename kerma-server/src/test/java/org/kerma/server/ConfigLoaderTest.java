package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.net.TrustedNode;
import org.kerma.registry.ingest.DuplicatePolicy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yml(String text) throws Exception {
        return Files.writeString(dir.resolve("kerma.yml"), text);
    }

    @Test
    void runsWithNoConfigurationAtAll() {
        NodeConfig c = ConfigLoader.load(null, Map.of());

        assertThat(c.aeTitle()).isEqualTo("KERMA");
        assertThat(c.dicomPort()).isEqualTo(11112);
        assertThat(c.httpHost()).isEqualTo("127.0.0.1");
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.dataDirectory()).isEqualTo(Path.of("kerma-data"));
        assertThat(c.registryConfig().effectiveDatabaseUrl()).startsWith("jdbc:sqlite:").endsWith("kerma.db");
        assertThat(c.acceptAnyCaller()).isTrue();
        assertThat(c.duplicatePolicy()).isEqualTo(DuplicatePolicy.KEEP_FIRST);
        assertThat(c.registryConfig().validateAtIngest()).isTrue();
        assertThat(c.tls()).isNull();
    }

    @Test
    void readsEveryKindOfKeyFromTheFile() throws Exception {
        Path file = yml("""
                dicom:
                  ae-title: DOSE1
                  port: 104
                  bind-address: 0.0.0.0
                  max-pdu-length: 65536
                  max-associations: 8
                  timeouts: {artim: 5s, dimse: 2m, idle: 1h}
                  trusted-nodes:
                    - {ae-title: CT01, host: 10.0.0.5, port: 104}
                    - {ae-title: PACS, host: pacs.example.org, port: 11112}
                http: {host: 0.0.0.0, port: 9090}
                storage:
                  data: archive-here
                  database-url: jdbc:postgresql://db/kerma?user=kerma
                  duplicates: keep-both
                validation: {at-ingest: false}
                shutdown-grace: 500ms
                dose: {link-window: 1500ms}
                """);

        NodeConfig c = ConfigLoader.load(file, Map.of());

        assertThat(c.aeTitle()).isEqualTo("DOSE1");
        assertThat(c.dicomPort()).isEqualTo(104);
        assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(c.maxPduLength()).isEqualTo(65536);
        assertThat(c.maxAssociations()).isEqualTo(8);
        assertThat(c.artimTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.dimseTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(c.trustedNodes()).containsExactly(new TrustedNode("CT01", "10.0.0.5", 104),
                new TrustedNode("PACS", "pacs.example.org", 11112));
        assertThat(c.acceptAnyCaller()).as("a trusted-node list turns accept-any off by default").isFalse();
        assertThat(c.httpPort()).isEqualTo(9090);
        assertThat(c.dataDirectory()).as("relative to the file").isEqualTo(dir.toAbsolutePath().resolve(
                "archive-here"));
        assertThat(c.databaseUrl()).isEqualTo("jdbc:postgresql://db/kerma?user=kerma");
        assertThat(c.duplicatePolicy()).isEqualTo(DuplicatePolicy.KEEP_BOTH);
        assertThat(c.registryConfig().validateAtIngest()).isFalse();
        assertThat(c.shutdownGrace()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.doseLinkWindow()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.registryConfig().linkWindow()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void environmentVariablesOverrideTheFile() throws Exception {
        Path file = yml("dicom: {ae-title: FROMFILE, port: 104}\n");

        NodeConfig c = ConfigLoader.load(file, Map.of("KERMA_DICOM_AE_TITLE", "FROMENV",
                "KERMA_DICOM_TRUSTED_NODES", "CT01@10.0.0.5:104, MR1@mr:4006", "KERMA_DICOM_ACCEPT_ANY_CALLER", "yes",
                "KERMA_STORAGE_DUPLICATES", "replace"));

        assertThat(c.aeTitle()).isEqualTo("FROMENV");
        assertThat(c.dicomPort()).isEqualTo(104);
        assertThat(c.trustedNodes()).extracting(TrustedNode::aeTitle).containsExactly("CT01", "MR1");
        assertThat(c.acceptAnyCaller()).isTrue();
        assertThat(c.duplicatePolicy()).isEqualTo(DuplicatePolicy.REPLACE);
    }

    @Test
    void namesTheFileAndTheKeyOfAnUnknownKey() throws Exception {
        Path file = yml("dicom:\n  aetitle: KERMA\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": unknown key 'dicom.aetitle'");
    }

    @Test
    void saysASectionNeedsKeys() throws Exception {
        Path file = yml("storage: /srv/kerma\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage(file + ": storage: expected a mapping of keys, got '/srv/kerma'");
    }

    @Test
    void namesTheFileTheKeyAndTheValueOfABadPort() throws Exception {
        Path file = yml("http:\n  port: eighty\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": http.port: expected a whole number from 0 to 65535, got 'eighty'");
    }

    @Test
    void namesTheEnvironmentVariableOfABadValue() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("KERMA_DICOM_TIMEOUTS_IDLE", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("environment variable KERMA_DICOM_TIMEOUTS_IDLE: dicom.timeouts.idle:");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("KERMA_DICOM_TRUSTED_NODES", "CT01@host")))
                .hasMessage("environment variable KERMA_DICOM_TRUSTED_NODES: 'CT01@host' is not AE@HOST:PORT");
    }

    @Test
    void namesTheTrustedNodeWithAMissingPort() throws Exception {
        Path file = yml("dicom:\n  trusted-nodes:\n    - {ae-title: CT01, host: ct}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessage(file + ": dicom.trusted-nodes[0]: port is missing");
    }

    @Test
    void reportsInvalidYamlWithItsLine() throws Exception {
        Path file = yml("dicom:\n  port: [1\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of())).hasMessageStartingWith(file
                + ": not valid YAML").hasMessageContaining("line ");
    }

    @Test
    void reportsAMissingFile() {
        Path missing = dir.resolve("nope.yml");

        assertThatThrownBy(() -> ConfigLoader.load(missing, Map.of()))
                .hasMessage(missing + ": configuration file not found");
    }

    @Test
    void theExampleFileOfTheDocumentationLoads() throws Exception {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/kerma.example.yml");

        NodeConfig c = ConfigLoader.load(doc, Map.of());

        assertThat(c.aeTitle()).isEqualTo("KERMA");
        assertThat(c.trustedNodes()).isNotEmpty();
    }
}
