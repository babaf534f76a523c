package org.kerma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomReader;
import org.kerma.net.Status;
import org.kerma.net.TrustedNode;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.FindResults;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.RetrieveResult;
import org.kerma.net.service.Instance;
import org.kerma.registry.query.QueryModel;

/**
 * Orthanc (Debian package, configured here on free loopback ports with its storage in a temporary directory) as
 * the peer of Kerma in both directions: Kerma's client echoes, stores, finds, moves (Orthanc moving to the Kerma
 * node) and gets from Orthanc; Orthanc queries the Kerma node and retrieves a study from it by C-MOVE.
 */
class OrthancInteropTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;
    static Process orthanc;
    static int orthancDicom;
    static int orthancHttp;
    static KermaNode kerma;

    @BeforeAll
    static void startKermaAndOrthanc() throws Exception {
        orthancDicom = Peers.freePort();
        orthancHttp = Peers.freePort();
        NodeConfig config = NodeConfig.defaults().withDataDirectory(work.resolve("kerma")).withPorts(0, 0)
                .withTrustedNodes(List.of(new TrustedNode("ORTHANC", "127.0.0.1", orthancDicom)), false);
        kerma = KermaNode.start(config);

        ObjectNode c = JSON.createObjectNode();
        c.put("Name", "kerma-test");
        c.put("StorageDirectory", work.resolve("orthanc-storage").toString());
        c.put("IndexDirectory", work.resolve("orthanc-storage").toString());
        c.put("HttpPort", orthancHttp);
        c.put("DicomPort", orthancDicom);
        c.put("DicomAet", "ORTHANC");
        c.put("RemoteAccessAllowed", false);
        c.put("AuthenticationEnabled", false);
        c.put("DicomCheckCalledAet", true);
        c.putArray("Plugins");
        ObjectNode modality = c.putObject("DicomModalities").putObject("kerma");
        modality.put("AET", "KERMA");
        modality.put("Host", "127.0.0.1");
        modality.put("Port", kerma.dicomPort());
        Path json = work.resolve("orthanc.json");
        JSON.writeValue(json.toFile(), c);
        Path log = work.resolve("orthanc.log");
        orthanc = Peers.start(work, log, List.of("/usr/sbin/Orthanc", json.toString()));
        long end = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(orthancUrl("/system"))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            if (!orthanc.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("Orthanc did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        Peers.stop(orthanc);
        if (kerma != null) {
            kerma.close();
        }
    }

    private static Connection toOrthanc() {
        return Connection.to("ORTHANC", "127.0.0.1", orthancDicom).withCallingAe("KERMA");
    }

    private static String orthancUrl(String path) {
        return "http://127.0.0.1:" + orthancHttp + path;
    }

    @Test
    void kermaEchoesStoresFindsMovesAndGetsAgainstOrthanc() throws Exception {
        List<DicomObject> study = List.of(TestImages.ct("ORT1", 10, 1, 1), TestImages.ct("ORT1", 10, 1, 2),
                TestImages.ct("ORT1", 10, 2, 1));
        try (DicomClient client = DicomClient.connect(toOrthanc(), Proposal.storage(
                study.stream().map(Instance::of).toList()))) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            for (DicomObject d : study) {
                assertThat(client.store(d).status()).isEqualTo(Status.SUCCESS);
            }
        }
        assertThat(orthancPost("/tools/find", "{\"Level\": \"Instance\", \"Query\": {\"StudyInstanceUID\": \""
                + TestImages.study(10) + "\"}}").size()).isEqualTo(3);

        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "STUDY");
        keys.setString(Tag.PatientID, "ORT1");
        keys.setString(Tag.StudyInstanceUID, "");
        keys.setString(Tag.NumberOfStudyRelatedInstances, "");
        try (DicomClient client = DicomClient.connect(toOrthanc(), Proposal.empty()
                .with(Uid.StudyRootQueryRetrieveInformationModelFind, Proposal.UNCOMPRESSED))) {
            FindResults results = client.find(Uid.StudyRootQueryRetrieveInformationModelFind, keys);
            List<DicomObject> matches = results.toList();
            assertThat(matches).extracting(m -> m.getString(Tag.StudyInstanceUID, ""))
                    .containsExactly(TestImages.study(10));
            assertThat(matches.get(0).getString(Tag.NumberOfStudyRelatedInstances, "")).isEqualTo("3");
        }

        DicomObject move = new DicomObject();
        move.setString(Tag.QueryRetrieveLevel, "STUDY");
        move.setString(Tag.StudyInstanceUID, TestImages.study(10));
        try (DicomClient client = DicomClient.connect(toOrthanc(), Proposal.empty()
                .with(Uid.StudyRootQueryRetrieveInformationModelMove, Proposal.UNCOMPRESSED))) {
            RetrieveResult r = client.move(Uid.StudyRootQueryRetrieveInformationModelMove, "KERMA", move);
            assertThat(r.status()).as(r.errorComment()).isEqualTo(Status.SUCCESS);
            assertThat(r.completed()).isEqualTo(3);
        }
        assertThat(kermaSopUids(TestImages.study(10))).containsExactlyInAnyOrder(TestImages.sop(10, 1, 1),
                TestImages.sop(10, 1, 2), TestImages.sop(10, 2, 1));

        DicomObject get = new DicomObject();
        get.setString(Tag.QueryRetrieveLevel, "SERIES");
        get.setString(Tag.StudyInstanceUID, TestImages.study(10));
        get.setString(Tag.SeriesInstanceUID, TestImages.series(10, 1));
        Set<String> received = new ConcurrentSkipListSet<>();
        try (DicomClient client = DicomClient.connect(toOrthanc(), Proposal.empty()
                .with(Uid.StudyRootQueryRetrieveInformationModelGet, Proposal.UNCOMPRESSED)
                .withStorageScpRole(Set.of(Uid.CTImageStorage)))) {
            RetrieveResult r = client.get(Uid.StudyRootQueryRetrieveInformationModelGet, get, (rq, data) -> {
                DicomObject ds = org.kerma.dicom.io.DicomReader.readDataset(new ByteArrayInputStream(
                        data.readAllBytes()), "C-GET from Orthanc", rq.transferSyntax(),
                        org.kerma.dicom.io.ReadOptions.DEFAULT);
                received.add(ds.getString(Tag.SOPInstanceUID, ""));
                return Status.SUCCESS;
            });
            assertThat(r.status()).as(r.errorComment()).isEqualTo(Status.SUCCESS);
        }
        assertThat(received).containsExactlyInAnyOrder(TestImages.sop(10, 1, 1), TestImages.sop(10, 1, 2));
    }

    @Test
    void orthancQueriesKermaAndRetrievesAStudyFromItByMove() throws Exception {
        List<DicomObject> study = List.of(TestImages.ct("ORT2", 11, 1, 1), TestImages.ct("ORT2", 11, 1, 2));
        try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", kerma.dicomPort())
                .withCallingAe("ORTHANC"), Proposal.storage(study.stream().map(Instance::of).toList()))) {
            for (DicomObject d : study) {
                assertThat(client.store(d).status()).isEqualTo(Status.SUCCESS);
            }
        }

        JsonNode query = orthancPost("/modalities/kerma/query", "{\"Level\": \"Study\", \"Query\": "
                + "{\"PatientID\": \"ORT2\", \"StudyInstanceUID\": \"\"}}");
        String id = query.get("ID").asText();
        JsonNode answers = orthancJson("/queries/" + id + "/answers?expand");
        assertThat(answers.size()).isEqualTo(1);
        assertThat(answers.get(0).toString()).contains(TestImages.study(11));

        JsonNode retrieve = orthancPost("/queries/" + id + "/retrieve", "{\"TargetAet\": \"ORTHANC\", "
                + "\"Synchronous\": true}");
        assertThat(retrieve.toString()).doesNotContainIgnoringCase("error");

        JsonNode found = orthancPost("/tools/find", "{\"Level\": \"Instance\", \"Query\": {\"StudyInstanceUID\": \""
                + TestImages.study(11) + "\"}, \"Expand\": true}");
        assertThat(found.size()).isEqualTo(2);
        assertThat(found.toString()).contains(TestImages.sop(11, 1, 1), TestImages.sop(11, 1, 2));
    }

    private static Set<String> kermaSopUids(String studyUid) {
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "IMAGE");
        keys.setString(Tag.StudyInstanceUID, studyUid);
        keys.setString(Tag.SOPInstanceUID, "");
        try (Stream<DicomObject> s = kerma.registry().query().find(QueryModel.STUDY_ROOT, keys)) {
            return new java.util.TreeSet<>(s.map(d -> d.getString(Tag.SOPInstanceUID, "")).toList());
        }
    }

    private static JsonNode orthancJson(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(orthancUrl(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode orthancPost(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(orthancUrl(path)))
                .timeout(LIMIT).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
