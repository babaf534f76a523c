package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.api.RestApi;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * The findings API over HTTP on a registry that validates at ingest (the default), run on each database by a
 * subclass: a CT study of two images, one without Modality, and a DX study.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FindingApiContract {
    static final String R = "1.2.826.0.1.3680043.10.1188.5.";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    Path data;
    Registry registry;
    String token;
    RestApi api;

    abstract String databaseUrl(Path data) throws Exception;

    void releaseDatabase() throws Exception {
    }

    static DicomObject image(String study, String date, String modality, String series, String sop) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, sop);
        ds.setString(Tag.StudyDate, date);
        if (modality != null) {
            ds.setString(Tag.Modality, modality);
        }
        ds.setString(Tag.PatientID, "P5");
        ds.setString(Tag.StudyInstanceUID, study);
        ds.setString(Tag.SeriesInstanceUID, series);
        ds.setLong(Tag.Rows, 2);
        ds.setLong(Tag.Columns, 2);
        ds.setLong(Tag.BitsAllocated, 16);
        ds.setLong(Tag.BitsStored, 16);
        ds.setLong(Tag.HighBit, 15);
        ds.setLong(Tag.PixelRepresentation, 0);
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        ds.put(Tag.PixelData, VR.OW, new byte[8]);
        return ds;
    }

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        data = directory;
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(databaseUrl(data)));
        for (DicomObject ds : List.of(image(R + "1", "20240110", "CT", R + "1.1", R + "1.1.1"),
                image(R + "1", "20240110", null, R + "1.1", R + "1.1.2"),
                image(R + "2", "20230520", "DX", R + "2.1", R + "2.1.1"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DicomWriter.writeFile(out, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
            registry.ingest().storeFile(new ByteArrayInputStream(out.toByteArray()), Origin.file("finding test"));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("finding-physicist", Role.PHYSICIST,
                "finding-password".toCharArray()), java.time.Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
        registry.close();
        releaseDatabase();
    }

    JsonNode json(String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void servesAnInstancesValidationFindingsWithModuleAndLocation() throws Exception {
        JsonNode instance = json("/api/instances/" + R + "1.1.2/findings", 200);

        assertThat(instance.get("sopInstanceUid").asText()).isEqualTo(R + "1.1.2");
        JsonNode modality = null;
        for (JsonNode f : instance.get("findings")) {
            if (f.get("message").asText().startsWith("MISSING_CONDITIONAL: Modality (0008,0060)")) {
                modality = f;
            }
        }
        assertThat(modality).as("the finding about the missing Modality").isNotNull();
        assertThat(modality.get("source").asText()).isEqualTo("validation");
        assertThat(modality.get("severity").asText()).isEqualTo("ERROR");
        assertThat(modality.get("module").asText()).isEqualTo("general-series");
        assertThat(modality.get("location").asText()).isEqualTo("(0008,0060)");
        assertThat(modality.get("recordedAt").asLong()).isPositive();
        assertThat(json("/api/instances/" + R + "404/findings", 404).get("message").asText())
                .contains(R + "404");
    }

    @Test
    void servesAStudysFindingsPerInstance() throws Exception {
        JsonNode study = json("/api/studies/" + R + "1/findings", 200);

        assertThat(texts(study.get("instances"), "sopInstanceUid")).containsExactly(R + "1.1.1", R + "1.1.2");
        assertThat(texts(study.get("instances").get(0).get("findings"), "message"))
                .noneMatch(m -> m.contains("Modality (0008,0060)"));
        assertThat(texts(study.get("instances").get(1).get("findings"), "message"))
                .anyMatch(m -> m.startsWith("MISSING_CONDITIONAL: Modality (0008,0060)"));
        json("/api/studies/" + R + "404/findings", 404);
    }

    @Test
    void filtersCountsAndPagesAllFindings() throws Exception {
        JsonNode all = json("/api/findings", 200);
        long sum = 0;
        for (JsonNode c : all.get("counts")) {
            sum += c.get("count").asLong();
        }
        assertThat(all.get("total").asLong()).isEqualTo(sum).isGreaterThan(3);
        assertThat(texts(all.get("counts"), "source")).containsOnly("validation");

        JsonNode dxErrors = json("/api/findings?severity=error&source=validation&modality=DX&limit=2", 200);
        assertThat(dxErrors.get("counts")).hasSize(1);
        assertThat(dxErrors.get("counts").get(0).get("severity").asText()).isEqualTo("ERROR");
        assertThat(dxErrors.get("items")).hasSize(2);
        assertThat(dxErrors.get("limit").asInt()).isEqualTo(2);
        for (JsonNode item : dxErrors.get("items")) {
            assertThat(item.get("sopInstanceUid").asText()).isEqualTo(R + "2.1.1");
            assertThat(item.get("modality").asText()).isEqualTo("DX");
            assertThat(item.get("studyDate").asText()).isEqualTo("20230520");
            assertThat(item.get("finding").get("severity").asText()).isEqualTo("ERROR");
        }
        long y2024 = json("/api/findings?from=2024-01-01&to=20241231", 200).get("total").asLong();
        long y2023 = json("/api/findings?to=20231231", 200).get("total").asLong();
        assertThat(y2024 + y2023).isEqualTo(sum);
        assertThat(y2024).isGreaterThan(y2023);

        assertThat(json("/api/findings?severity=fatal", 400).get("message").asText())
                .contains("ERROR, WARNING or INFO");
        assertThat(json("/api/findings?from=2024", 400).get("message").asText()).contains("YYYY");
    }
}
