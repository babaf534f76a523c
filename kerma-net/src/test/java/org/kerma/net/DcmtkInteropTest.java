package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.service.Instance;
import org.kerma.net.service.StoreToDirectory;
import org.kerma.net.testing.MemoryArchive;
import org.kerma.net.testing.Ports;
import org.kerma.net.testing.Processes;
import org.kerma.net.testing.Processes.Result;
import org.kerma.net.testing.Samples;

/** dcmtk (Debian package) as the peer of Kerma, in both roles. */
class DcmtkInteropTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private DicomNode start(DicomNode node) throws IOException {
        closing.add(node);
        return node.start();
    }

    private static String port(DicomNode node) {
        return Integer.toString(node.port());
    }

    @Test
    void echoscuGetsSuccessFromKerma(@TempDir Path dir) throws Exception {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()));

        Result r = Processes.run(dir, LIMIT, "echoscu", "-v", "-aet", "ECHOSCU", "-aec", "KERMA", "127.0.0.1",
                port(node));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Received Echo Response (Success)");
    }

    @Test
    void echoscuIsRejectedWhenItsAeTitleIsNotTrusted(@TempDir Path dir) throws Exception {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0)
                .withTrustedNodes(new TrustedNode("CT1", "127.0.0.1", 104))));

        Result r = Processes.run(dir, LIMIT, "echoscu", "-aet", "STRANGER", "-aec", "KERMA", "127.0.0.1", port(node));

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("Calling AE Title Not Recognized");
    }

    @Test
    void storescuSendsFilesOfSeveralTransferSyntaxesOverOneAndSeveralAssociations(@TempDir Path dir)
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore(new StoreToDirectory(out, true)));
        TransferSyntax[] syntaxes = {TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
        List<Path> files = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            files.add(Samples.write(in, Samples.ct("PX", 11, n), syntaxes[n % syntaxes.length]));
        }

        List<String> one = new ArrayList<>(List.of("storescu", "-aet", "STORESCU", "-aec", "KERMA", "-xd",
                "127.0.0.1", port(node)));
        files.subList(0, 6).forEach(f -> one.add(f.toString()));
        Result single = Processes.run(dir, LIMIT, one.toArray(String[]::new));
        List<CompletableFuture<Result>> parallel = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            List<String> cmd = new ArrayList<>(List.of("storescu", "-aet", "STORESCU" + a, "-aec", "KERMA",
                    "127.0.0.1", port(node), files.get(6 + 2 * a).toString(), files.get(7 + 2 * a).toString()));
            parallel.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Processes.run(dir, LIMIT, cmd.toArray(String[]::new));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        assertThat(single.exitCode()).as(single.output()).isZero();
        for (CompletableFuture<Result> p : parallel) {
            assertThat(p.get().exitCode()).as(p.get().output()).isZero();
        }
        for (Path f : files) {
            DicomFile sent = DicomReader.read(f);
            Path received = out.resolve(sent.dataset().getString(Tag.SOPInstanceUID, "") + ".dcm");
            DicomFile got = DicomReader.read(received);
            assertThat(got.dataset().getString(Tag.PatientName, "")).isEqualTo("Doe^PX");
            assertThat(got.dataset().findBytes(Tag.PixelData).orElseThrow())
                    .isEqualTo(sent.dataset().findBytes(Tag.PixelData).orElseThrow());
            assertThat(got.fileMeta().getString(Tag.SourceApplicationEntityTitle, "")).startsWith("STORESCU");
        }
        assertThat(Files.list(out).filter(p -> p.toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void dicomClientStoresToStorescp(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("storescp"));
        int port = Ports.free();
        Process storescp = Processes.start(dir, dir.resolve("storescp.log"), "storescp", "-aet", "STORESCP",
                "-od", out.toString(), "+xa", Integer.toString(port));
        try {
            Processes.awaitPort(port, LIMIT);
            List<Instance> instances = new ArrayList<>();
            instances.add(Instance.ofFile(Samples.write(dir, Samples.ct("PS", 12, 1),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));
            instances.add(Instance.ofFile(Samples.write(dir, Samples.ct("PS", 12, 2),
                    TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)));
            instances.add(Instance.of(Samples.ct("PS", 12, 3)));
            List<Status> statuses = new ArrayList<>();
            try (DicomClient client = DicomClient.connect(Connection.to("STORESCP", "127.0.0.1", port)
                    .withCallingAe("KERMA"), Proposal.storage(instances))) {
                assertThat(client.echo()).isEqualTo(Status.SUCCESS);
                for (Instance i : instances) {
                    statuses.add(client.store(i).status());
                }
            }

            assertThat(statuses).containsOnly(Status.SUCCESS);
            Map<String, DicomObject> received = new TreeMap<>();
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    DicomObject d = DicomReader.read(f).dataset();
                    received.put(d.getString(Tag.SOPInstanceUID, ""), d);
                }
            }
            assertThat(received).containsOnlyKeys("2.25.1000120001", "2.25.1000120002", "2.25.1000120003");
            assertThat(received.get("2.25.1000120002").findBytes(Tag.PixelData).orElseThrow())
                    .isEqualTo(Samples.ct("PS", 12, 2).findBytes(Tag.PixelData).orElseThrow());
        } finally {
            Processes.stop(storescp);
        }
    }

    @Test
    void findscuReceivesTheMatchesOfKerma(@TempDir Path dir) throws Exception {
        MemoryArchive archive = archiveOf("PF", 13, 3);
        archive.add(Samples.ct("OTHER", 14, 1));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onFind(archive));

        Result r = Processes.run(dir, LIMIT, "findscu", "-S", "-aet", "FINDSCU", "-aec", "KERMA", "-X",
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "PatientID=PF", "-k", "SOPInstanceUID",
                "127.0.0.1", port(node));

        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                uids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID, ""));
            }
        }
        assertThat(uids).containsExactly("2.25.1000130001", "2.25.1000130002", "2.25.1000130003");
    }

    @Test
    void movescuHasKermaSendToMovescusOwnStorePort(@TempDir Path dir) throws Exception {
        int movescuPort = Ports.free();
        MemoryArchive archive = archiveOf("PM", 15, 3);
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTrustedNodes(new TrustedNode("MOVESCU", "127.0.0.1", movescuPort))).onMove(archive));
        Path out = Files.createDirectories(dir.resolve("moved"));

        Result r = Processes.run(dir, LIMIT, "movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "KERMA",
                "-aem", "MOVESCU", "--port", Integer.toString(movescuPort), "-od", out.toString(),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=2.25.200015", "127.0.0.1", port(node));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(receivedUids(out)).containsExactlyInAnyOrder("2.25.1000150001", "2.25.1000150002",
                "2.25.1000150003");
    }

    @Test
    void getscuReceivesInstancesFromKermaOnTheSameAssociation(@TempDir Path dir) throws Exception {
        MemoryArchive archive = archiveOf("PG", 16, 2);
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onGet(archive));
        Path out = Files.createDirectories(dir.resolve("got"));

        Result r = Processes.run(dir, LIMIT, "getscu", "-v", "-S", "-aet", "GETSCU", "-aec", "KERMA",
                "-od", out.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=2.25.200016",
                "127.0.0.1", port(node));

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(receivedUids(out)).containsExactlyInAnyOrder("2.25.1000160001", "2.25.1000160002");
    }

    private static MemoryArchive archiveOf(String patient, int study, int count) {
        MemoryArchive archive = new MemoryArchive();
        IntStream.rangeClosed(1, count).forEach(n -> archive.add(Samples.ct(patient, study, n)));
        return archive;
    }

    private static List<String> receivedUids(Path out) throws IOException {
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.toList()) {
                uids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID, ""));
            }
        }
        return uids;
    }
}
