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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.net.TrustedNode;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * A Kerma node with dcmtk as every peer, on each index database: storescu stores six images (two patients, three studies), findscu queries
 * Patient Root and Study Root at every level, movescu moves to a dcmtk storescp listed as a trusted node, getscu
 * retrieves, and the REST API shows what was stored. Only trusted callers are accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NodeDcmtkContract {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    Path work;
    KermaNode node;
    Process storescp;
    Path moved;
    Peers.Result stored;

    /** The JDBC URL of the index, or null for SQLite in the data directory. */
    abstract String databaseUrl() throws Exception;

    @BeforeAll
    void startNodeAndStoreSixImages(@TempDir Path directory) throws Exception {
        work = directory;
        int destPort = Peers.freePort();
        moved = Files.createDirectories(work.resolve("moved"));
        Path log = work.resolve("storescp.log");
        storescp = Peers.start(moved, log, List.of("storescp", "-aet", "DEST", "-od", moved.toString(),
                Integer.toString(destPort)));
        Peers.awaitPort(destPort, LIMIT, storescp, log);
        NodeConfig config = NodeConfig.defaults().withDataDirectory(work.resolve("data")).withPorts(0, 0)
                .withDatabaseUrl(databaseUrl())
                .withTrustedNodes(List.of(new TrustedNode("DCMTK", "127.0.0.1", 104),
                        new TrustedNode("DEST", "127.0.0.1", destPort)), false);
        node = KermaNode.start(config);

        Path files = Files.createDirectories(work.resolve("send"));
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", "DCMTK", "-aec", "KERMA", "127.0.0.1",
                Integer.toString(node.dicomPort())));
        for (DicomObject d : List.of(TestImages.ct("P1", 1, 1, 1), TestImages.ct("P1", 1, 1, 2),
                TestImages.ct("P1", 1, 2, 1), TestImages.ct("P1", 2, 1, 1), TestImages.ct("P2", 3, 1, 1),
                TestImages.ct("P2", 3, 1, 2))) {
            command.add(TestImages.write(files, d).toString());
        }
        stored = Peers.run(files, LIMIT, command);
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        Peers.stop(storescp);
    }

    @Test
    void storescuSendsSixImagesAndTheRegistryIndexesThem() throws Exception {
        assertThat(stored.exitCode()).as(stored.output()).isZero();
        assertThat(stored.output()).doesNotContain("Failed", "Error");

        JsonNode health = get("/health");
        assertThat(health.get("instances").asLong()).isEqualTo(6);
        JsonNode p1 = get("/studies?patientId=P1");
        assertThat(p1.get("total").asLong()).isEqualTo(2);
        assertThat(texts(p1.get("items"), "studyInstanceUid"))
                .containsExactlyInAnyOrder(TestImages.study(1), TestImages.study(2));
        JsonNode series = get("/studies/" + TestImages.study(1) + "/series");
        assertThat(texts(series.get("series"), "seriesInstanceUid"))
                .containsExactlyInAnyOrder(TestImages.series(1, 1), TestImages.series(1, 2));
    }

    @Test
    void findscuQueriesStudyRootStudiesOfAPatient() throws Exception {
        List<DicomObject> r = findscu("study-root-studies", "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "PatientID=P1", "-k", "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances", "-k",
                "ModalitiesInStudy", "-k", "RetrieveAETitle");

        assertThat(r).extracting(d -> d.getString(Tag.StudyInstanceUID, ""))
                .containsExactlyInAnyOrder(TestImages.study(1), TestImages.study(2));
        DicomObject first = r.stream().filter(d -> d.getString(Tag.StudyInstanceUID, "")
                .equals(TestImages.study(1))).findFirst().orElseThrow();
        assertThat(first.getString(Tag.NumberOfStudyRelatedInstances, "")).isEqualTo("3");
        assertThat(first.getString(Tag.ModalitiesInStudy, "")).isEqualTo("CT");
        assertThat(first.getString(Tag.RetrieveAETitle, "")).isEqualTo("KERMA");
    }

    @Test
    void findscuQueriesPatientRootPatientsWithWildcardAndCounts() throws Exception {
        List<DicomObject> r = findscu("patient-root-patients", "-P", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                "PatientName=NODE^P*", "-k", "PatientID", "-k", "NumberOfPatientRelatedStudies");

        assertThat(r).extracting(d -> d.getString(Tag.PatientID, "") + "="
                + d.getString(Tag.NumberOfPatientRelatedStudies, "")).containsExactlyInAnyOrder("P1=2", "P2=1");
    }

    @Test
    void findscuQueriesSeriesOfAStudyAndImagesOfASeries() throws Exception {
        List<DicomObject> series = findscu("study-root-series", "-S", "-k", "QueryRetrieveLevel=SERIES", "-k",
                "StudyInstanceUID=" + TestImages.study(1), "-k", "SeriesInstanceUID", "-k",
                "NumberOfSeriesRelatedInstances", "-k", "Modality");
        assertThat(series).extracting(d -> d.getString(Tag.SeriesInstanceUID, "") + " "
                + d.getString(Tag.NumberOfSeriesRelatedInstances, "")).containsExactlyInAnyOrder(
                TestImages.series(1, 1) + " 2", TestImages.series(1, 2) + " 1");

        List<DicomObject> images = findscu("patient-root-images", "-P", "-k", "QueryRetrieveLevel=IMAGE", "-k",
                "PatientID=P1", "-k", "StudyInstanceUID=" + TestImages.study(1), "-k",
                "SeriesInstanceUID=" + TestImages.series(1, 1), "-k", "SOPInstanceUID", "-k", "InstanceNumber");
        assertThat(images).extracting(d -> d.getString(Tag.SOPInstanceUID, ""))
                .containsExactlyInAnyOrder(TestImages.sop(1, 1, 1), TestImages.sop(1, 1, 2));
    }

    @Test
    void movescuMovesAStudyToTheTrustedStorescp() throws Exception {
        Peers.Result r = Peers.run(work, LIMIT, "movescu", "-S", "-aet", "DCMTK", "-aec", "KERMA", "-aem", "DEST",
                "127.0.0.1", Integer.toString(node.dicomPort()), "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=" + TestImages.study(1));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(sopUids(moved)).containsExactlyInAnyOrder(TestImages.sop(1, 1, 1), TestImages.sop(1, 1, 2),
                TestImages.sop(1, 2, 1));
    }

    @Test
    void movescuToAnUnknownDestinationGetsMoveDestinationUnknown() throws Exception {
        Peers.Result r = Peers.run(work, LIMIT, "movescu", "-v", "-S", "-aet", "DCMTK", "-aec", "KERMA", "-aem",
                "NOWHERE", "127.0.0.1", Integer.toString(node.dicomPort()), "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=" + TestImages.study(1));

        assertThat(r.output()).contains("Received Final Move Response (Refused: MoveDestinationUnknown)");
    }

    @Test
    void getscuRetrievesASeries() throws Exception {
        Path got = Files.createDirectories(work.resolve("got"));
        Peers.Result r = Peers.run(got, LIMIT, "getscu", "-S", "-aet", "DCMTK", "-aec", "KERMA", "-od",
                got.toString(), "127.0.0.1", Integer.toString(node.dicomPort()), "-k", "QueryRetrieveLevel=SERIES",
                "-k", "StudyInstanceUID=" + TestImages.study(3), "-k", "SeriesInstanceUID=" + TestImages.series(3, 1));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(sopUids(got)).containsExactlyInAnyOrder(TestImages.sop(3, 1, 1), TestImages.sop(3, 1, 2));
    }

    @Test
    void rejectsAssociationFromUnknownCallingAe() throws Exception {
        Peers.Result r = Peers.run(work, LIMIT, "echoscu", "-aet", "STRANGER", "-aec", "KERMA", "127.0.0.1",
                Integer.toString(node.dicomPort()));

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Calling AE Title Not Recognized");
    }

    private List<DicomObject> findscu(String name, String... args) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        List<String> command = new ArrayList<>(List.of("findscu", "-X", "-aet", "DCMTK", "-aec", "KERMA",
                "127.0.0.1", Integer.toString(node.dicomPort())));
        command.addAll(List.of(args));
        Peers.Result r = Peers.run(dir, LIMIT, command);
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<DicomObject> responses = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                responses.add(DicomReader.read(f).dataset());
            }
        }
        return responses;
    }

    private static Set<String> sopUids(Path dir) throws Exception {
        Set<String> uids = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().endsWith(".log")) {
                    uids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID, ""));
                }
            }
        }
        return uids;
    }

    private JsonNode get(String path) throws Exception {
        if (token == null) {
            Accounts accounts = new Accounts(node.registry().index());
            token = accounts.issueToken(accounts.add("dcmtk-test", Role.PHYSICIST, "dcmtk-test-password".toCharArray()),
                    Duration.ofHours(1));
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.apiUrl()
                + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String token;

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
