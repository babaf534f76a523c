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

    @Test
    void compressedFilesPassThroughKermaUnchangedBothWays(@TempDir Path dir) throws Exception {
        Path plain = Samples.write(dir, Samples.ct("PJ", 17, 1), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path rle = dir.resolve("rle.dcm");
        Result compress = Processes.run(dir, LIMIT, "dcmcrle", plain.toString(), rle.toString());
        assertThat(compress.exitCode()).as(compress.output()).isZero();
        DicomFile original = DicomReader.read(rle);
        assertThat(original.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.5");
        Path in = dir.resolve("kerma-in");
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore(new StoreToDirectory(in, false)));

        Result sent = Processes.run(dir, LIMIT, "storescu", "-xr", "-aec", "KERMA", "127.0.0.1", port(node),
                rle.toString());

        assertThat(sent.exitCode()).as(sent.output()).isZero();
        DicomFile received = DicomReader.read(in.resolve("2.25.1000170001.dcm"));
        assertThat(received.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.5");
        assertThat(received.dataset()).isEqualTo(original.dataset());

        Path out = Files.createDirectories(dir.resolve("storescp"));
        int port = Ports.free();
        Process storescp = Processes.start(dir, dir.resolve("storescp.log"), "storescp", "+xa", "-od",
                out.toString(), Integer.toString(port));
        try {
            Processes.awaitPort(port, LIMIT);
            Instance instance = Instance.ofFile(in.resolve("2.25.1000170001.dcm"));
            try (DicomClient client = DicomClient.connect(Connection.to("ANY-SCP", "127.0.0.1", port),
                    Proposal.storage(List.of(instance)))) {
                assertThat(client.store(instance).status()).isEqualTo(Status.SUCCESS);
            }
        } finally {
            Processes.stop(storescp);
        }
        try (Stream<Path> files = Files.list(out)) {
            DicomFile back = DicomReader.read(files.findFirst().orElseThrow());
            assertThat(back.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.5");
            assertThat(back.dataset()).isEqualTo(original.dataset());
        }
    }

    @Test
    void dicomClientFindsMovesAndGetsFromDcmqrscp(@TempDir Path dir) throws Exception {
        Path db = Files.createDirectories(dir.resolve("db"));
        List<String> files = new ArrayList<>(List.of("dcmqridx", db.toString()));
        for (int n = 1; n <= 3; n++) {
            files.add(Samples.write(db, Samples.ct("PQ", 18, n), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).toString());
        }
        Result indexed = Processes.run(dir, LIMIT, files.toArray(String[]::new));
        assertThat(indexed.exitCode()).as(indexed.output()).isZero();
        Path moved = dir.resolve("moved");
        DicomNode kerma = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore(new StoreToDirectory(moved, false)));
        int port = Ports.free();
        Path config = dir.resolve("dcmqrscp.cfg");
        Files.writeString(config, String.join("\n",
                "NetworkTCPPort = " + port, "MaxPDUSize = 16384", "MaxAssociations = 16",
                "HostTable BEGIN", "kerma = (KERMA, 127.0.0.1, " + kerma.port() + ")", "HostTable END",
                "VendorTable BEGIN", "VendorTable END",
                "AETable BEGIN", "QRSCP " + db + " RW (200, 1024mb) ANY", "AETable END", ""));
        Process qrscp = Processes.start(dir, dir.resolve("dcmqrscp.log"), "dcmqrscp", "-c", config.toString());
        try {
            Processes.awaitPort(port, LIMIT);
            Connection qr = Connection.to("QRSCP", "127.0.0.1", port).withCallingAe("KERMA");
            DicomObject keys = new DicomObject();
            keys.setString(Tag.QueryRetrieveLevel, "STUDY");
            keys.setString(Tag.StudyInstanceUID, "2.25.200018");

            List<String> studies = new ArrayList<>();
            org.kerma.net.client.RetrieveResult move;
            try (DicomClient client = DicomClient.connect(qr, Proposal.empty()
                    .with(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelFind, Proposal.UNCOMPRESSED)
                    .with(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelMove, Proposal.UNCOMPRESSED))) {
                DicomObject query = new DicomObject();
                query.setString(Tag.QueryRetrieveLevel, "STUDY");
                query.setString(Tag.PatientID, "PQ");
                query.putString(Tag.StudyInstanceUID, org.kerma.dicom.VR.UI);
                for (DicomObject match : client.find(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelFind,
                        query)) {
                    studies.add(match.getString(Tag.StudyInstanceUID, ""));
                }
                move = client.move(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelMove, "KERMA", keys);
            }
            MemoryArchive got = new MemoryArchive();
            org.kerma.net.client.RetrieveResult get;
            try (DicomClient client = DicomClient.connect(qr, Proposal.empty()
                    .with(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelGet, Proposal.UNCOMPRESSED)
                    .withStorageScpRole(List.of(org.kerma.dicom.Uid.CTImageStorage)))) {
                get = client.get(org.kerma.dicom.Uid.StudyRootQueryRetrieveInformationModelGet, keys, got);
            }

            assertThat(studies).containsExactly("2.25.200018");
            assertThat(move.status()).isEqualTo(Status.SUCCESS);
            assertThat(move.completed()).isEqualTo(3);
            assertThat(receivedUids(moved)).containsExactlyInAnyOrder("2.25.1000180001", "2.25.1000180002",
                    "2.25.1000180003");
            assertThat(get.status()).isEqualTo(Status.SUCCESS);
            assertThat(got.instances().keySet()).containsExactlyInAnyOrder("2.25.1000180001", "2.25.1000180002",
                    "2.25.1000180003");
        } finally {
            Processes.stop(qrscp);
        }
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
