package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.protocol.ProtocolFixtures;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * The protocol routes over a real HTTP port, on one registry per class holding the protocol fixtures (the tests only
 * read); per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProtocolRoutesContract {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    Registry registry;
    RestApi api;
    String token;

    /** The JDBC URL of an empty index database. */
    abstract String databaseUrl() throws Exception;

    @BeforeAll
    void start() throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(databaseUrl()));
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter.writeFile(out, null, f.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFAULT);
            registry.ingest().storeFile(new ByteArrayInputStream(out.toByteArray()), Origin.file(f.fileName()));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("contract-physicist", Role.PHYSICIST,
                "contract-password".toCharArray()), java.time.Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        api.close();
        registry.close();
    }

    JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void listsTheLibraryFilteredByModelAnatomyAndNameWithPaging() throws Exception {
        JsonNode all = json("/api/protocols", 200);
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(texts(all.get("items"), "protocolName"))
                .containsExactly("CAROTIDS", "CAROTIDS", "CAROTIDS 3D", "ROUTINE ADULT HEAD");
        JsonNode head = json("/api/protocols?model=Helix%2064&anatomy=head&name=adult", 200);
        assertThat(texts(head.get("items"), "sopInstanceUid")).containsExactly(ProtocolFixtures.CT_HEAD_UID);
        assertThat(head.get("items").get(0).get("anatomicRegion").get("value").asText()).isEqualTo("69536005");
        assertThat(head.get("items").get(0).get("constraints").asInt()).isEqualTo(8); // patient 1, acquisition 5, reconstruction 2
        JsonNode page = json("/api/protocols?offset=3&limit=1", 200);
        assertThat(texts(page.get("items"), "protocolName")).containsExactly("ROUTINE ADULT HEAD");
        assertThat(json("/api/protocols?kind=performed", 200).get("total").asLong()).isEqualTo(2);
        assertThat(json("/api/protocols?kind=approved", 400).get("message").asText())
                .contains("kind must be defined, performed or all");
    }

    @Test
    void showsOneProtocolWithItsElementsAndReadableConstraints() throws Exception {
        JsonNode p = json("/api/protocols/" + ProtocolFixtures.CAROTID_UID, 200);
        assertThat(p.get("protocol").get("modality").asText()).isEqualTo("XA");
        assertThat(p.get("patientSpecification").get(0).get("allowed").asText()).isEqualTo("> 018Y");
        JsonNode rotational = p.get("elements").get(2);
        assertThat(rotational.get("name").asText()).isEqualTo("ROTATIONAL SUB");
        List<String> allowed = new ArrayList<>();
        rotational.get("constraints").forEach(k -> allowed.add(k.get("attribute").asText() + " "
                + k.get("allowed").asText()));
        assertThat(allowed).contains("Primary Positioner Scan Arc [180 .. 200] deg");
        JsonNode performed = json("/api/protocols/" + ProtocolFixtures.CAROTID_PERFORMED_UID, 200);
        assertThat(texts(performed.get("references"), "protocolUid")).containsExactly(ProtocolFixtures.CAROTID_UID);
        assertThat(json("/api/protocols/1.2.3", 404).get("message").asText()).contains("protocol 1.2.3");
    }

    @Test
    void answersComplianceForDefinedAndPerformedProtocols() throws Exception {
        JsonNode performed = json("/api/protocols/" + ProtocolFixtures.CAROTID_PERFORMED_UID + "/compliance", 200);
        assertThat(performed.get("pass").asInt()).isEqualTo(8);
        assertThat(performed.get("fail").asInt()).isEqualTo(2);
        List<String> failed = new ArrayList<>();
        performed.get("rows").forEach(r -> {
            if (r.get("outcome").asText().equals("FAIL")) {
                failed.add(r.get("attribute").asText() + " " + r.get("actual").asText() + " " + r.get("allowed").asText());
            }
        });
        assertThat(failed).containsExactlyInAnyOrder("Filter Thickness Minimum 0.5 [0.1 .. 0.3] mm",
                "Primary Positioner Scan Arc 210 [180 .. 200] deg");
        JsonNode defined = json("/api/protocols/" + ProtocolFixtures.CAROTID_UID + "/compliance", 200);
        assertThat(texts(defined.get("rows"), "subjectKind")).contains("PERFORMED", "IMAGE");
        assertThat(defined.get("fail").asInt()).isEqualTo(4); // the performed protocol's 2, two images' 1 each
        assertThat(json("/api/protocols/1.2.3/compliance", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void answersDosePerProtocolElement() throws Exception {
        JsonNode dose = json("/api/protocols/" + ProtocolFixtures.CAROTID_UID + "/dose", 200);
        assertThat(dose.get("protocolName").asText()).isEqualTo("CAROTIDS");
        JsonNode dsa = dose.get("elements").get(1);
        assertThat(dsa.get("name").asText()).isEqualTo("DSA");
        assertThat(dsa.get("totals").get("images").asInt()).isEqualTo(3);
        assertThat(dsa.get("totals").get("events").asInt()).isEqualTo(3);
        assertThat(dsa.get("totals").get("dapGym2").asDouble()).isCloseTo(7.5e-5,
                org.assertj.core.data.Offset.offset(1e-12));
        JsonNode image = dsa.get("images").get(0);
        assertThat(image.get("patientId").asText()).isEqualTo("KERMA-P-1");
        assertThat(image.get("events").get(0).get("method").asText()).isEqualTo("IMAGE_HEADER");
        assertThat(image.get("events").get(0).get("event").get("dapGym2").asDouble()).isCloseTo(2.5e-5,
                org.assertj.core.data.Offset.offset(1e-12));
        JsonNode unknown = dose.get("elements").get(4);
        assertThat(unknown.get("number").asInt()).isEqualTo(9);
        assertThat(unknown.get("name").isNull()).isTrue();
        assertThat(json("/api/protocols/1.2.3/dose", 404).get("message").asText()).contains("protocol 1.2.3");
    }

    @Test
    void drawsAStudysProtocolsAsATree() throws Exception {
        JsonNode tree = json("/api/studies/" + URLEncoder.encode(ProtocolFixtures.STUDY_UID, StandardCharsets.UTF_8)
                + "/protocols", 200);
        assertThat(texts(tree.get("roots"), "kind")).containsOnly("DEFINED");
        JsonNode ct = null;
        for (JsonNode root : tree.get("roots")) {
            if (root.get("uid").asText().equals(ProtocolFixtures.CT_HEAD_UID)) {
                ct = root;
            }
        }
        assertThat(ct).isNotNull();
        JsonNode performed = ct.get("children").get(0);
        assertThat(performed.get("kind").asText()).isEqualTo("PERFORMED");
        assertThat(texts(performed.get("children"), "kind")).containsExactly("IMAGE", "IMAGE");
        assertThat(performed.get("children").get(0).get("children").get(0).get("kind").asText())
                .isEqualTo("IRRADIATION_EVENT");
        assertThat(json("/api/studies/1.2.3/protocols", 404).get("message").asText()).contains("study 1.2.3");
    }
}
