package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * End to end: dcmtk storescu sends a study's images and its dose report to a running node, images first to one
 * node and the report first to another; {@code /api/instances/{uid}/dose} answers the same for every image.
 */
class NodeDoseDcmtkTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String S = TestObjects.ROOT + "64.1";

    @TempDir
    Path work;

    @Test
    void imagesBeforeOrAfterTheirDoseReportGiveTheSameAnswers() throws Exception {
        List<DicomObject> study = DoseStudies.xaStudy(S);
        List<Path> images = new ArrayList<>();
        Path report = null;
        Path files = Files.createDirectories(work.resolve("send"));
        for (DicomObject o : study) {
            Path file = TestObjects.write(files.resolve(o.getString(Tag.SOPInstanceUID, "") + ".dcm"), o);
            if (o.getString(Tag.Modality, "").equals("SR")) {
                report = file;
            } else {
                images.add(file);
            }
        }
        Map<String, JsonNode> imagesFirst = sendAndAsk("images-first", images, List.of(report), images);
        Map<String, JsonNode> reportFirst = sendAndAsk("report-first", List.of(report), images, images);

        assertThat(reportFirst).isEqualTo(imagesFirst);
        JsonNode third = imagesFirst.get(S + ".1.3");
        assertThat(third.get("events").get(0).get("eventUid").asText()).isEqualTo(DoseStudies.event(S, 3));
        assertThat(third.get("events").get(0).get("method").asText()).isEqualTo("TIME_WINDOW");
        assertThat(imagesFirst.get(S + ".1.1").get("events").get(0).get("method").asText()).isEqualTo("EVENT_UID");
        assertThat(imagesFirst.get(S + ".1.5").get("events")).isEmpty();
    }

    private Map<String, JsonNode> sendAndAsk(String name, List<Path> first, List<Path> second, List<Path> images)
            throws Exception {
        NodeConfig config = NodeConfig.defaults().withDataDirectory(work.resolve(name)).withPorts(0, 0);
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        try (KermaNode node = KermaNode.start(config)) {
            Accounts accounts = new Accounts(node.registry().index());
            String token = accounts.issueToken(accounts.add("dose-physicist", Role.PHYSICIST,
                    "correct horse".toCharArray()), Duration.ofHours(1));
            for (List<Path> batch : List.of(first, second)) {
                List<String> command = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "KERMA",
                        "127.0.0.1", Integer.toString(node.dicomPort())));
                batch.forEach(p -> command.add(p.toString()));
                Peers.Result r = Peers.run(work, LIMIT, command);
                assertThat(r.exitCode()).as(r.output()).isZero();
            }
            for (Path image : images) {
                String uid = image.getFileName().toString().replace(".dcm", "");
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + node.httpPort() + "/api/instances/" + uid + "/dose"))
                        .header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                answers.put(uid, JSON.readTree(response.body()));
            }
        }
        return answers;
    }
}
