package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * The dose endpoints of the REST API (docs/dose.md, "REST") over a real HTTP port, run on each database by a
 * subclass: an XA study with a dose report (links by event UID and time window, a fluoroscopy event without image),
 * a DX study without dose report, a CT study without dose data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoseRestContract {
    static final String R = TestObjects.ROOT + "62.";
    static final String XA = R + "1";
    static final String DX = R + "2";
    static final String CT = R + "3";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    Registry registry;
    RestApi api;
    String token;

    abstract String freshDatabaseUrl(Path data) throws Exception;

    void releaseDatabase() throws Exception {
    }

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data)
                .withDatabaseUrl(freshDatabaseUrl(data)));
        List<DicomObject> objects = new ArrayList<>(DoseStudies.xaStudy(XA));
        objects.add(DoseStudies.dxImage("P1", DX, DX + ".1.1", DX + ".9.1", "1.5").setString(Tag.StudyDate,
                "20240601"));
        objects.add(DoseStudies.dxImage("P1", DX, DX + ".1.2", DX + ".9.2", "2.5").setString(Tag.StudyDate,
                "20240601"));
        objects.add(TestObjects.ctImage("P2", "Other^Pat", CT, CT + ".1", CT + ".1.1"));
        for (DicomObject ds : objects) {
            registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("rest"));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("contract-physicist", Role.PHYSICIST,
                "contract-password".toCharArray()), java.time.Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
        registry.close();
        releaseDatabase();
    }

    JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    @Test
    void answersTheDoseOfAStudyWithItsEventsImagesAndSummary() throws Exception {
        JsonNode d = json("/api/studies/" + XA + "/dose", 200);
        assertThat(d.get("studyInstanceUid").asText()).isEqualTo(XA);
        JsonNode report = d.get("reports").get(0);
        assertThat(report.get("status").asText()).isEqualTo("STANDING");
        assertThat(report.get("replacedBy").isNull()).isTrue();
        assertThat(report.get("template").asText()).isEqualTo("10001");
        assertThat(report.get("deviceObserverUid").asText()).isEqualTo(DoseStudies.DEVICE_UID);
        assertThat(report.get("manufacturer").asText()).isEqualTo(DoseStudies.MANUFACTURER);
        JsonNode accumulated = d.get("accumulated").get(0);
        assertThat(accumulated.get("source").asText()).isEqualTo("REPORT");
        assertThat(accumulated.get("dapGym2").asDouble()).isCloseTo(0.001, within(1e-12));
        assertThat(accumulated.get("plane").get("code").asText()).isEqualTo("113622");
        assertThat(accumulated.get("dlpTotalMGyCm").isNull()).isTrue();

        JsonNode events = d.get("events");
        assertThat(events).hasSize(4);
        JsonNode first = events.get(0);
        assertThat(first.get("eventUid").asText()).isEqualTo(DoseStudies.event(XA, 1));
        assertThat(first.get("reportSopInstanceUid").asText()).isEqualTo(XA + ".2.1");
        assertThat(first.get("type").get("code").asText()).isEqualTo("113611");
        assertThat(first.get("type").get("scheme").asText()).isEqualTo("DCM");
        assertThat(first.get("startedAt").asText()).isEqualTo("2024-03-15T10:10:01");
        assertThat(first.get("kvpKv").asDouble()).isEqualTo(80.0);
        assertThat(first.get("dapGym2").asDouble()).isCloseTo(0.0001, within(1e-12));
        assertThat(first.get("ctdiVolMGy").isNull()).isTrue();
        assertThat(first.get("images").get(0).get("method").asText()).isEqualTo("EVENT_UID");
        JsonNode byTime = events.get(2).get("images").get(0);
        assertThat(byTime.get("sopInstanceUid").asText()).isEqualTo(XA + ".1.3");
        assertThat(byTime.get("method").asText()).isEqualTo("TIME_WINDOW");
        assertThat(byTime.get("timeDifferenceS").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(events.get(3).get("images")).isEmpty();
        assertThat(texts(d.get("eventsWithoutImages"))).containsExactly(DoseStudies.event(XA, 4));
        assertThat(texts(d.get("imagesWithoutEvent"))).containsExactly(XA + ".1.5");
        assertThat(d.get("ties")).isEmpty();
        assertThat(d.get("summary").get("dapGym2").asDouble()).isCloseTo(0.001, within(1e-12));
        assertThat(d.get("summary").get("eventCount").asInt()).isEqualTo(4);
        assertThat(d.get("summary").get("dlpMGyCm").isNull()).isTrue();
    }

    @Test
    void aStudyWithoutDoseDataAnswersEmptyListsAndNullSummaryAndAnUnknownOneIs404() throws Exception {
        JsonNode d = json("/api/studies/" + CT + "/dose", 200);
        assertThat(d.get("events")).isEmpty();
        assertThat(d.get("reports")).isEmpty();
        assertThat(d.get("summary").get("dapGym2").isNull()).isTrue();
        assertThat(d.get("summary").get("eventCount").asInt()).isZero();
        assertThat(json("/api/studies/" + R + "404/dose", 404).get("message").asText()).contains(R + "404");
    }

    @Test
    void aStudyOfImagesOnlyHasOneEventPerImage() throws Exception {
        JsonNode d = json("/api/studies/" + DX + "/dose", 200);
        assertThat(d.get("events")).hasSize(2);
        assertThat(d.get("accumulated").get(0).get("source").asText()).isEqualTo("IMAGES");
        assertThat(d.get("summary").get("dapGym2").asDouble()).isCloseTo(4.0e-5, within(1e-12));
    }

    @Test
    void answersAnImageWithItsTechniqueAndTheEventThatProducedIt() throws Exception {
        JsonNode d = json("/api/instances/" + XA + ".1.3/dose", 200);
        assertThat(d.get("studyInstanceUid").asText()).isEqualTo(XA);
        assertThat(d.get("modality").asText()).isEqualTo("XA");
        JsonNode t = d.get("technique");
        assertThat(t.get("kvpKv").asDouble()).isEqualTo(80.0);
        assertThat(t.get("tubeCurrentMa").asDouble()).isEqualTo(12.0);
        assertThat(t.get("dapGym2").asDouble()).isCloseTo(2.1e-6, within(1e-15));
        assertThat(t.get("acquiredAt").asText()).isEqualTo("2024-03-15T10:12:01.4");
        assertThat(t.get("irradiationEventUid").isNull()).isTrue();
        JsonNode e = d.get("events").get(0);
        assertThat(e.get("eventUid").asText()).isEqualTo(DoseStudies.event(XA, 3));
        assertThat(e.get("method").asText()).isEqualTo("TIME_WINDOW");
        assertThat(e.get("timeDifferenceS").asDouble()).isCloseTo(0.4, within(1e-9));
        assertThat(e.has("images")).isFalse();

        JsonNode report = json("/api/instances/" + XA + ".2.1/dose", 200);
        assertThat(report.get("technique").isNull()).isTrue();
        assertThat(report.get("events")).hasSize(4);
        assertThat(report.get("events").get(1).get("images").get(0).get("sopInstanceUid").asText())
                .isEqualTo(XA + ".1.2");
        assertThat(json("/api/instances/" + R + "404/dose", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void answersAPatientsStudiesByDateWithTotals() throws Exception {
        JsonNode d = json("/api/patients/P1/dose?from=2024-01-01&to=2024-12-31", 200);
        assertThat(d.get("patientId").asText()).isEqualTo("P1");
        assertThat(d.get("from").asText()).isEqualTo("2024-01-01");
        List<String> studies = new ArrayList<>();
        d.get("studies").forEach(s -> studies.add(s.get("studyInstanceUid").asText()));
        assertThat(studies).containsExactly(XA, DX);
        assertThat(d.get("studies").get(0).get("studyDate").asText()).isEqualTo("2024-03-15");
        assertThat(texts(d.get("studies").get(0).get("modalities"))).containsExactly("SR", "XA");
        assertThat(d.get("totals").get("dapGym2").asDouble()).isCloseTo(0.001 + 4.0e-5, within(1e-12));
        assertThat(d.get("totals").get("studyCount").asInt()).isEqualTo(2);
        assertThat(d.get("totals").get("dlpMGyCm").isNull()).isTrue();
        assertThat(json("/api/patients/P1/dose?from=2024-04-01", 200).get("studies")).hasSize(1);
        assertThat(json("/api/patients/nobody/dose", 404).get("message").asText()).contains("nobody");
        assertThat(json("/api/patients/P1/dose?from=March", 400).get("message").asText()).contains("March");
    }

    @Test
    void listsStudiesWithTheirDoseSummaryAndFiltersByDose() throws Exception {
        JsonNode page = json("/api/studies?patientId=P1", 200);
        JsonNode xa = null;
        for (JsonNode s : page.get("items")) {
            if (s.get("studyInstanceUid").asText().equals(XA)) {
                xa = s;
            }
        }
        assertThat(xa).isNotNull();
        assertThat(xa.get("dose").get("dapGym2").asDouble()).isCloseTo(0.001, within(1e-12));
        assertThat(xa.get("dose").get("eventCount").asInt()).isEqualTo(4);
        List<String> heavy = new ArrayList<>();
        json("/api/studies?minDapGym2=0.0005", 200).get("items")
                .forEach(s -> heavy.add(s.get("studyInstanceUid").asText()));
        assertThat(heavy).containsExactly(XA);
        assertThat(json("/api/studies?minDlpMGyCm=1", 200).get("items")).isEmpty();
        assertThat(json("/api/studies?minDapGym2=lots", 400).get("message").asText()).contains("minDapGym2");
    }
}
