package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.JsonOptions;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/** The REST API over a real HTTP port, on a registry of two patients, three studies, called with a bearer token. */
class RestApiTest {
    static final String R = "1.2.826.0.1.3680043.10.1188.4.";

    @TempDir
    static Path data;
    static Registry registry;
    static RestApi api;
    static String token;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static DicomObject image(String patientId, String study, String date, String modality, String series, String sop) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, sop);
        ds.setString(Tag.StudyDate, date);
        ds.setString(Tag.AccessionNumber, "ACC-" + study.substring(R.length()));
        ds.setString(Tag.Modality, modality);
        ds.setString(Tag.PatientName, "Rest^Über");
        ds.setString(Tag.PatientID, patientId);
        ds.setString(Tag.StudyInstanceUID, study);
        ds.setString(Tag.SeriesInstanceUID, series);
        ds.setString(Tag.InstanceNumber, sop.substring(sop.lastIndexOf('.') + 1));
        ds.setLong(Tag.Rows, 32);
        ds.setLong(Tag.Columns, 32);
        ds.setLong(Tag.BitsAllocated, 16);
        ds.setLong(Tag.BitsStored, 16);
        ds.setLong(Tag.HighBit, 15);
        ds.setLong(Tag.PixelRepresentation, 0);
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        ds.put(Tag.PixelData, VR.OW, new byte[2048]);
        return ds;
    }

    static byte[] part10(DicomObject ds) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeFile(out, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    @BeforeAll
    static void start() throws Exception {
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
        List<DicomObject> objects = new ArrayList<>();
        objects.add(image("P1", R + "1", "20240110", "CT", R + "1.1", R + "1.1.1"));
        objects.add(image("P1", R + "1", "20240110", "CT", R + "1.1", R + "1.1.2"));
        objects.add(image("P1", R + "1", "20240110", "SR", R + "1.2", R + "1.2.1"));
        objects.add(image("P1", R + "2", "20240520", "DX", R + "2.1", R + "2.1.1"));
        objects.add(image("P2", R + "3", "20231231", "CT", R + "3.1", R + "3.1.1"));
        for (DicomObject ds : objects) {
            registry.ingest().storeFile(new ByteArrayInputStream(part10(ds)), Origin.file("rest test"));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("rest-physicist", Role.PHYSICIST, "correct horse".toCharArray()),
                Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        registry.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void listsStudiesNewestFirstWithTheirModalitiesAndCounts() throws Exception {
        JsonNode page = json("/api/studies", 200);

        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(texts(page.get("items"), "studyInstanceUid")).containsExactly(R + "2", R + "1", R + "3");
        JsonNode first = page.get("items").get(1);
        assertThat(first.get("modalities").toString()).isEqualTo("[\"CT\",\"SR\"]");
        assertThat(first.get("instances").asInt()).isEqualTo(3);
        assertThat(first.get("series").asInt()).isEqualTo(2);
        assertThat(first.get("patientName").asText()).isEqualTo("Rest^Über");
    }

    @Test
    void filtersStudiesByPatientDateModalityAndAccessionAndPages() throws Exception {
        assertThat(texts(json("/api/studies?patientId=P1", 200).get("items"), "studyInstanceUid"))
                .containsExactly(R + "2", R + "1");
        assertThat(texts(json("/api/studies?from=2024-01-01&to=20240131", 200).get("items"), "studyInstanceUid"))
                .containsExactly(R + "1");
        assertThat(texts(json("/api/studies?modality=DX", 200).get("items"), "studyInstanceUid"))
                .containsExactly(R + "2");
        assertThat(texts(json("/api/studies?accession=ACC-3", 200).get("items"), "studyInstanceUid"))
                .containsExactly(R + "3");
        JsonNode page = json("/api/studies?offset=1&limit=1", 200);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(texts(page.get("items"), "studyInstanceUid")).containsExactly(R + "1");
    }

    @Test
    void answersABadFilterWithA400AndTheReason() throws Exception {
        JsonNode error = json("/api/studies?from=last-week", 400);

        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").asText()).isEqualTo("a date must be YYYY-MM-DD or YYYYMMDD, was 'last-week'");
        assertThat(json("/api/studies?limit=5000", 400).get("message").asText()).contains("limit 1 to 1000");
    }

    @Test
    void showsAStudyItsSeriesAndASeriesInstances() throws Exception {
        assertThat(json("/api/studies/" + R + "1", 200).get("accessionNumber").asText()).isEqualTo("ACC-1");
        JsonNode series = json("/api/studies/" + R + "1/series", 200).get("series");
        assertThat(texts(series, "seriesInstanceUid")).containsExactly(R + "1.1", R + "1.2");
        assertThat(texts(series, "instances")).containsExactly("2", "1");
        JsonNode instances = json("/api/studies/" + R + "1/series/" + R + "1.1/instances", 200).get("instances");
        assertThat(texts(instances, "sopInstanceUid")).containsExactly(R + "1.1.1", R + "1.1.2");
        assertThat(texts(instances, "objectClass")).containsExactly("IMAGE", "IMAGE");
    }

    @Test
    void answersAnUnknownStudyWithA404NamingIt() throws Exception {
        JsonNode error = json("/api/studies/1.2.3.999", 404);

        assertThat(error.get("message").asText()).isEqualTo("study 1.2.3.999 is not in the registry");
        assertThat(json("/api/studies/1.2.3.999/series", 404).get("status").asInt()).isEqualTo(404);
        assertThat(json("/api/nothing/here", 404).get("message").asText())
                .isEqualTo("no such resource: GET /api/nothing/here");
    }

    @Test
    void servesThePart10FileByteForByteAndDcmdumpReadsIt() throws Exception {
        HttpResponse<byte[]> response = get("/api/instances/" + R + "1.1.2/file");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/dicom");
        Path archived = registry.archive().pathOf(R + "1", R + "1.1.2");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(archived));
        Path downloaded = Files.write(data.resolve("downloaded.dcm"), response.body());
        Process dcmdump = new ProcessBuilder("dcmdump", downloaded.toString()).redirectErrorStream(true).start();
        String dump = new String(dcmdump.getInputStream().readAllBytes());
        assertThat(dcmdump.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dcmdump.exitValue()).as(dump).isZero();
        assertThat(dump).contains("(0008,0018) UI [" + R + "1.1.2]");
    }

    @Test
    void servesDicomJsonWithPixelDataAsABulkDataUriIntoTheFile() throws Exception {
        HttpResponse<byte[]> response = get("/api/instances/" + R + "1.1.1/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/dicom+json");
        DicomObject ds = DicomJson.readWithReferences(new ByteArrayInputStream(response.body()), JsonOptions.DEFAULT)
                .dataset();
        assertThat(ds.getString(Tag.PatientName, "")).isEqualTo("Rest^Über");
        JsonNode tree = JSON.readTree(response.body());
        String uri = tree.get("7FE00010").get("BulkDataURI").asText();
        assertThat(uri).startsWith("/api/instances/" + R + "1.1.1/file#offset=").endsWith("&length=2048");
        int offset = Integer.parseInt(uri.substring(uri.indexOf("offset=") + 7, uri.indexOf('&')));
        byte[] file = get("/api/instances/" + R + "1.1.1/file").body();
        assertThat(file.length).isEqualTo(offset + 2048);
    }

    @Test
    void reportsHealthWithTheDatabaseAndInstanceCount() throws Exception {
        JsonNode health = json("/api/health", 200);

        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("database").asText()).isEqualTo("sqlite");
        assertThat(health.get("instances").asLong()).isEqualTo(5);
    }

    @Test
    void describesEveryRouteInOpenApi() throws Exception {
        JsonNode spec = json("/api/openapi.json", 200);

        assertThat(spec.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        spec.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).containsExactlyInAnyOrder("/api/health", "/api/studies", "/api/studies/{study}",
                "/api/studies/{study}/series", "/api/studies/{study}/series/{series}/instances",
                "/api/instances/{instance}", "/api/instances/{instance}/file", "/api/instances/{instance}/json",
                "/api/openapi.json", "/api/std/iods", "/api/std/iods/{id}", "/api/std/modules/{id}",
                "/api/std/tags/{tag}", "/api/studies/{study}/dose", "/api/instances/{instance}/dose",
                "/api/patients/{patient}/dose", "/api/protocols", "/api/protocols/{uid}",
                "/api/protocols/{uid}/compliance", "/api/protocols/{uid}/dose",
                "/api/studies/{study}/protocols", "/api/auth/signin",
                "/api/auth/signout", "/api/auth/me", "/api/auth/token", "/api/users", "/api/users/{name}",
                "/api/audit", "/api/devices", "/api/nodes", "/api/exports/studies.csv",
                "/api/exports/studies.xlsx", "/api/exports/events.csv", "/api/exports/events.xlsx", "/api/findings",
                "/api/instances/{instance}/findings", "/api/studies/{study}/findings",
                "/api/alerts", "/api/alerts/{id}/acknowledge", "/api/alert-rules", "/api/reference-levels",
                "/api/studies/{study}/reference-levels", "/api/analytics");
    }

    @Test
    void listsTheStandardsIodsWithTheirSopClasses() throws Exception {
        JsonNode iods = json("/api/std/iods", 200);

        assertThat(iods.size()).isGreaterThan(100);
        JsonNode rdsr = null;
        for (JsonNode iod : iods) {
            if (iod.get("sopClassUids").toString().contains("\"1.2.840.10008.5.1.4.1.1.88.67\"")) {
                rdsr = iod;
            }
        }
        assertThat(rdsr).as("the IOD of X-Ray Radiation Dose SR").isNotNull();
        assertThat(rdsr.get("name").asText()).isEqualTo("X-Ray Radiation Dose SR");
    }

    @Test
    void answersAnIodBySopClassUidWithItsModules() throws Exception {
        JsonNode iod = json("/api/std/iods/1.2.840.10008.5.1.4.1.1.12.2", 200);

        assertThat(iod.get("name").asText()).isEqualTo("X-Ray Radiofluoroscopic Image");
        assertThat(iod.get("section").asText()).startsWith("A.16");
        assertThat(texts(iod.get("modules"), "module")).contains("patient", "general-study", "x-ray-image",
                "x-ray-acquisition", "xrf-positioner", "cine", "sop-common");
    }

    @Test
    void answersAModuleWithTypesAndNesting() throws Exception {
        JsonNode module = json("/api/std/modules/RT%20Beams", 200);

        JsonNode beamNumber = null;
        JsonNode machineName = null;
        for (JsonNode a : module.get("attributes")) {
            if (a.get("path").asText().equals("BeamSequence>BeamNumber")) {
                beamNumber = a;
            }
            if (a.get("path").asText().equals("BeamSequence>TreatmentMachineName")) {
                machineName = a;
            }
        }
        assertThat(beamNumber).isNotNull();
        assertThat(beamNumber.get("tag").asText()).isEqualTo("300A00C0");
        assertThat(beamNumber.get("type").asText()).isEqualTo("1");
        assertThat(beamNumber.get("depth").asInt()).isEqualTo(1);
        assertThat(machineName.get("type").asText()).isEqualTo("2");
    }

    @Test
    void answersAnAttributeByTagOrKeyword() throws Exception {
        JsonNode byTag = json("/api/std/tags/0018,115E", 200);
        JsonNode byKeyword = json("/api/std/tags/ImageAndFluoroscopyAreaDoseProduct", 200);

        assertThat(byTag.get("vr").asText()).isEqualTo("DS");
        assertThat(byTag.get("vm").asText()).isEqualTo("1");
        assertThat(byTag.get("name").asText()).isEqualTo("Image and Fluoroscopy Area Dose Product");
        assertThat(byKeyword).isEqualTo(byTag);
        assertThat(json("/api/std/tags/AreaDoseProduct", 200).isArray()).isTrue();
    }

    @Test
    void anUnknownIodModuleOrTagIsA404NamingIt() throws Exception {
        assertThat(json("/api/std/iods/No%20Such%20Thing", 404).get("message").asText()).contains("No Such Thing");
        assertThat(json("/api/std/modules/nothing-here", 404).get("message").asText()).contains("nothing-here");
        assertThat(json("/api/std/tags/NotAKeyword", 404).get("message").asText()).contains("NotAKeyword");
    }
}
