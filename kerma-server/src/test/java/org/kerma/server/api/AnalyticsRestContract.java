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
import java.time.Duration;
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
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * {@code /api/analytics} over HTTP on known values, run on each database by a subclass: four head CTs on station
 * CT01 (CTDIvol 10, 20, 30, 40 mGy, compared with the UK stroke DRL of 47 mGy), two chest CTs on CT02 (5 and 7
 * mGy, compared with the UK chest DRL of 8.5 mGy) and one head CT outside the date range.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalyticsRestContract {
    static final String R = TestObjects.ROOT + "72.";
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
        storeStudies(registry);
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("rpo", Role.PHYSICIST, "correct horse".toCharArray()),
                Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    /** The seven CT studies of the class comment (image only: CTDIvol from the image header). */
    static void storeStudies(Registry registry) throws Exception {
        // study dates: 2024-03-11 is a Monday
        store(registry, 1, "CT01", "HEAD", "CT Head", "10", "20240311", "083000");
        store(registry, 2, "CT01", "HEAD", "CT Head", "20", "20240311", "091500");
        store(registry, 3, "CT01", "HEAD", "CT Head", "30", "20240312", "141000");
        store(registry, 4, "CT01", "HEAD", "CT Head", "40", "20240313", "142000");
        store(registry, 5, "CT02", "CHEST", "CT Chest", "5", "20240317", "230500");
        store(registry, 6, "CT02", "CHEST", "CT Chest", "7", "20240317", "231000");
        store(registry, 7, "CT01", "HEAD", "CT Head", "400", "20240401", "100000");
    }

    static void store(Registry registry, int n, String station, String bodyPart, String description,
                      String ctdivol, String date, String time) throws Exception {
        String study = R + n;
        DicomObject ct = TestObjects.ctImage("P" + n, "Ct^Pat", study, study + ".1", study + ".1.1");
        ct.setString(Tag.StationName, station);
        ct.setString(Tag.BodyPartExamined, bodyPart);
        ct.setString(Tag.StudyDescription, description);
        ct.setString(Tag.CTDIvol, ctdivol);
        ct.setString(Tag.StudyDate, date);
        ct.setString(Tag.StudyTime, time);
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ct)), Origin.file("analytics"));
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
        registry.close();
        releaseDatabase();
    }

    JsonNode get(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + ": " + new String(r.body())).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    static JsonNode quantity(JsonNode group, String name) {
        for (JsonNode q : group.get("quantities")) {
            if (q.get("quantity").asText().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no " + name + " in " + group);
    }

    @Test
    void groupsByDeviceWithMedianAndQuartilesOfTheStudiesInTheRange() throws Exception {
        JsonNode a = get("/api/analytics?from=2024-03-01&to=2024-03-31&groupBy=device", 200);

        assertThat(a.get("studies").asInt()).isEqualTo(6);
        assertThat(a.get("groups")).hasSize(2);
        JsonNode ct01 = a.get("groups").get(0);
        assertThat(ct01.get("key").asText()).isEqualTo("Kerma Test CT01");
        assertThat(ct01.get("studies").asInt()).isEqualTo(4);
        JsonNode ctdi = quantity(ct01, "CTDIVOL");
        assertThat(ctdi.get("unit").asText()).isEqualTo("mGy");
        assertThat(ctdi.get("count").asInt()).isEqualTo(4);
        assertThat(ctdi.get("p25").asDouble()).isCloseTo(17.5, within(1e-9));
        assertThat(ctdi.get("median").asDouble()).isCloseTo(25.0, within(1e-9));
        assertThat(ctdi.get("p75").asDouble()).isCloseTo(32.5, within(1e-9));
        assertThat(ctdi.get("min").asDouble()).isEqualTo(10.0);
        assertThat(ctdi.get("max").asDouble()).isEqualTo(40.0);
        assertThat(ctdi.get("referenceLevel").asDouble()).as("UK CT head, acute stroke").isEqualTo(47.0);
        JsonNode ct02 = quantity(a.get("groups").get(1), "CTDIVOL");
        assertThat(a.get("groups").get(1).get("key").asText()).isEqualTo("Kerma Test CT02");
        assertThat(ct02.get("median").asDouble()).isCloseTo(6.0, within(1e-9));
        assertThat(ct02.get("p25").asDouble()).isCloseTo(5.5, within(1e-9));
        assertThat(ct02.get("referenceLevel").asDouble()).as("UK CT chest (lung cancer)").isEqualTo(8.5);
    }

    @Test
    void groupsByBodyPartAndCountsTheWorkloadByWeekdayAndHour() throws Exception {
        JsonNode a = get("/api/analytics?from=20240301&to=20240331&groupBy=bodyPart", 200);

        assertThat(a.get("groups").get(0).get("key").asText()).isEqualTo("CHEST");
        assertThat(a.get("groups").get(1).get("key").asText()).isEqualTo("HEAD");
        assertThat(quantity(a.get("groups").get(1), "CTDIVOL").get("median").asDouble()).isEqualTo(25.0);
        assertThat(a.get("byWeekday").toString()).as("Mon..Sun").isEqualTo("[2,1,1,0,0,0,2]");
        JsonNode hours = a.get("byHour");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(8).asInt()).isEqualTo(1);
        assertThat(hours.get(9).asInt()).isEqualTo(1);
        assertThat(hours.get(14).asInt()).isEqualTo(2);
        assertThat(hours.get(23).asInt()).isEqualTo(2);
        assertThat(hours.get(10).asInt()).as("the April study is outside the range").isZero();
    }

    @Test
    void groupsByProtocolPutsStudiesWithoutProtocolUnderNoneAndRefusesBadParameters() throws Exception {
        JsonNode a = get("/api/analytics?from=2024-03-01&to=2024-04-30&groupBy=protocol", 200);
        assertThat(a.get("groups")).hasSize(1);
        assertThat(a.get("groups").get(0).get("key").asText()).isEqualTo("(none)");
        assertThat(a.get("groups").get(0).get("studies").asInt()).isEqualTo(7);
        assertThat(quantity(a.get("groups").get(0), "CTDIVOL").get("max").asDouble()).isEqualTo(400.0);

        assertThat(get("/api/analytics?groupBy=room", 400).get("message").asText()).contains("groupBy", "room");
        assertThat(get("/api/analytics?from=2024-04-01&to=2024-03-01", 400).get("message").asText())
                .contains("after");
        get("/api/analytics?from=yesterday", 400);
    }
}
