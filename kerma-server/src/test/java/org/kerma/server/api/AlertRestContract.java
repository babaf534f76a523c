package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kerma.registry.dose.DoseStudies.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.registry.dose.DoseStudies.Ev;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * The alert and reference level endpoints over a real HTTP port, run on each database by a subclass: a PCI study
 * above the SRDL DAP, a head CT above the StrlSchV brain CTDIvol.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertRestContract {
    static final String R = TestObjects.ROOT + "68.";
    static final String XA = R + "1";
    static final String CT = R + "2";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    Registry registry;
    RestApi api;
    String physicist;
    String viewer;

    abstract String freshDatabaseUrl(Path data) throws Exception;

    void releaseDatabase() throws Exception {
    }

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(freshDatabaseUrl(data)));
        DicomObject ct = TestObjects.ctImage("P2", "Ct^Pat", CT, CT + ".1", CT + ".1.1");
        ct.setString(Tag.CTDIvol, "130");
        ct.setString(Tag.StudyDate, "20240401");
        List<DicomObject> objects = List.of(
                DoseStudies.xaImage("P1", XA, XA + ".1.1", event(XA, 1), "20240315101001"),
                DoseStudies.report("P1", XA, XA + ".2.1", List.of(
                        new Ev(event(XA, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.06))),
                ct);
        for (DicomObject ds : objects) {
            ds.setString(Tag.StudyDescription, ds == ct ? "CT Head" : "PCI");
            registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("rest"));
        }
        Accounts accounts = new Accounts(registry.index());
        physicist = accounts.issueToken(accounts.add("rpo", Role.PHYSICIST, "correct horse".toCharArray()),
                Duration.ofHours(1));
        viewer = accounts.issueToken(accounts.add("radiographer", Role.VIEWER, "battery staple".toCharArray()),
                Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
        registry.close();
        releaseDatabase();
    }

    JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        return call(physicist, method, path, body, expectedStatus);
    }

    JsonNode call(String token, String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token);
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type",
                        "application/json");
        HttpResponse<byte[]> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(method + " " + path + ": " + new String(response.body()))
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    @Test
    void listsFiltersAndAcknowledgesAlerts() throws Exception {
        JsonNode all = call("GET", "/api/alerts", null, 200);
        assertThat(all.get("total").asLong()).isEqualTo(2);
        JsonNode first = all.get("alerts").get(0);
        assertThat(first.get("studyInstanceUid").asText()).isEqualTo(CT);
        assertThat(first.get("rule").asText()).isEqualTo("strlschv-ct-brain");
        assertThat(first.get("value").asDouble()).isEqualTo(130.0);
        assertThat(first.get("unit").asText()).isEqualTo("mGy");
        JsonNode xa = call("GET", "/api/alerts?study=" + XA, null, 200).get("alerts").get(0);
        assertThat(xa.get("rule").asText()).isEqualTo("sir-srdl-dap");
        assertThat(call("GET", "/api/alerts?from=2024-03-20", null, 200).get("total").asLong()).isEqualTo(1);
        call("GET", "/api/alerts?state=closed", null, 400);

        call(viewer, "POST", "/api/alerts/" + xa.get("id").asLong() + "/acknowledge",
                "{\"comment\":\"not mine to acknowledge\"}", 403);
        JsonNode ack = call("POST", "/api/alerts/" + xa.get("id").asLong() + "/acknowledge",
                "{\"comment\":\"patient size\"}", 200);
        assertThat(ack.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.get("acknowledgedBy").asText()).isEqualTo("rpo");
        assertThat(ack.get("comment").asText()).isEqualTo("patient size");
        assertThat(call("GET", "/api/alerts?state=OPEN", null, 200).get("total").asLong()).isEqualTo(1);
        call("POST", "/api/alerts/999999/acknowledge", "{\"comment\":\"x\"}", 404);
        List<String> audit = registry.index().read("audit", c -> {
            List<String> rows = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT user_name, action, detail FROM audit_log")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        });
        assertThat(audit).contains("rpo ACKNOWLEDGE alert " + xa.get("id").asLong() + ": patient size");
    }

    @Test
    void answersPacksComparisonsAndAddsLocalLevelsAndRules() throws Exception {
        JsonNode packs = call("GET", "/api/reference-levels", null, 200).get("packs");
        assertThat(packs.get(0).get("id").asText()).isEqualTo("eu-ic");
        assertThat(packs.get(0).get("levels").get(1).get("value").asDouble()).isEqualTo(0.0085);
        assertThat(packs.get(0).get("levels").get(1).get("unit").asText()).isEqualTo("Gy.m2");

        JsonNode c = call("GET", "/api/studies/" + CT + "/reference-levels", null, 200).get("comparisons");
        assertThat(c.get(0).get("exam").asText()).isEqualTo("Adult head, acute stroke");
        assertThat(c.get(0).get("ratio").asDouble()).isCloseTo(130.0 / 47.0, within(1e-9));
        assertThat(c.get(0).get("exceeded").asBoolean()).isTrue();
        call("GET", "/api/studies/" + R + "404/reference-levels", null, 404);

        JsonNode id = call("POST", "/api/reference-levels", "{\"pack\":{\"id\":\"local-ct\",\"jurisdiction\":"
                + "\"Local\",\"name\":\"Local CT\",\"version\":\"2024\",\"validFrom\":\"2024-01-01\",\"source\":"
                + "\"audit\"},\"exam\":\"Head\",\"modality\":\"CT\",\"match\":\"head\",\"quantity\":\"CTDIvol\","
                + "\"value\":55,\"unit\":\"mGy\"}", 201);
        assertThat(id.get("id").asLong()).isPositive();
        JsonNode local = call("GET", "/api/reference-levels", null, 200).get("packs").get(2);
        assertThat(local.get("origin").asText()).isEqualTo("LOCAL");
        assertThat(local.get("levels").get(0).get("value").asDouble()).isEqualTo(55.0);
        call("POST", "/api/reference-levels", "{\"exam\":\"x\"}", 400);

        JsonNode rule = call("POST", "/api/alert-rules", "{\"name\":\"local-fluoro\",\"modality\":\"XA\","
                + "\"quantity\":\"FLUORO_TIME\",\"value\":30,\"unit\":\"min\"}", 201);
        assertThat(rule.get("threshold").asDouble()).isEqualTo(1800.0);
        assertThat(rule.get("origin").asText()).isEqualTo("LOCAL");
        JsonNode rules = call("GET", "/api/alert-rules", null, 200).get("rules");
        assertThat(rules).hasSize(7);
        assertThat(rules.get(0).get("origin").asText()).isEqualTo("DEFAULT");
        assertThat(rules.get(0).get("source").asText()).contains("default, review locally");
        call("POST", "/api/alert-rules", "{\"name\":\"bad\",\"quantity\":\"DAP\",\"value\":1,\"unit\":\"mGy\"}",
                400);
    }
}
