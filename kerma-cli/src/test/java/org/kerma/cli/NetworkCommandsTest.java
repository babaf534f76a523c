package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.net.AeConfig;
import org.kerma.net.DicomNode;
import org.kerma.net.TrustedNode;
import org.kerma.net.service.Instance;

/** kerma echo, send, find, move, get and receive against each other, Kerma nodes and dcmtk peers. */
class NetworkCommandsTest {

    private static final Object[] NONE = {};

    private static Path sample(Path dir, String patient, int n, TransferSyntax ts) throws IOException {
        DicomObject d = new DicomObject();
        d.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, "2.25.4242" + n);
        d.setString(Tag.StudyInstanceUID, "2.25.4343");
        d.setString(Tag.SeriesInstanceUID, "2.25.4444");
        d.setString(Tag.PatientID, patient);
        d.setString(Tag.Modality, "CT");
        d.put(Tag.PixelData, VR.OW, new byte[] {(byte) n, 1, 2, 3});
        Path f = dir.resolve("ct" + n + ".dcm");
        DicomWriter.writeFile(f, null, d, ts, WriteOptions.DEFAULT);
        return f;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getLocalPort();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on " + port);
    }

    private static List<String> uidsIn(Path dir) throws IOException {
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                uids.add(DicomReader.read(f).dataset().getString(Tag.SOPInstanceUID, ""));
            }
        }
        return uids;
    }

    @Test
    void sendDeliversFilesToKermaReceiveAndPrintsTheSummary(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        sample(in, "P1", 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        sample(in, "P1", 2, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        sample(in, "P1", 3, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        int port = freePort();
        CompletableFuture<CommandRun> receiver = CompletableFuture.supplyAsync(() -> CommandRun.kerma(NONE,
                "receive", "--dir", out.toString(), "--exit-after", "3", Integer.toString(port)));
        awaitPort(port);

        CommandRun echo = CommandRun.kerma(NONE, "echo", "-aec", "KERMA", "127.0.0.1", Integer.toString(port));
        CommandRun send = CommandRun.kerma(NONE, "send", "-aec", "KERMA", "127.0.0.1", Integer.toString(port),
                in.toString());
        CommandRun received = receiver.get(30, TimeUnit.SECONDS);

        assertThat(echo.exitCode()).as(echo.err()).isZero();
        assertThat(echo.out()).contains("C-ECHO KERMA@127.0.0.1:" + port + ": 0000 (Success)");
        assertThat(send.exitCode()).as(send.err()).isZero();
        assertThat(send.out()).contains("sent 3, warnings 0, failures 0");
        assertThat(send.err()).contains("3/3");
        assertThat(received.out()).contains("3 objects received");
        assertThat(uidsIn(out)).containsExactly("2.25.42421", "2.25.42422", "2.25.42423");
    }

    @Test
    void receiveRefusesAPortGivenTwice(@TempDir Path dir) {
        CommandRun run = CommandRun.kerma(NONE, "receive", "--dir", dir.toString(), "--port", "104", "105");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give the port once");
    }

    @Test
    void sendSpreadsFilesOverSeveralAssociations(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int n = 1; n <= 6; n++) {
            sample(in, "P9", 10 + n, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Path out = dir.resolve("out");
        List<String> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore(new org.kerma.net.service.StoreToDirectory(out, false))
                .addListener(new org.kerma.net.AssociationListener() {
                    @Override
                    public void accepted(org.kerma.net.Association association) {
                        callers.add(association.name());
                    }
                }).start()) {
            CommandRun send = CommandRun.kerma(NONE, "send", "-j", "3", "-aec", "KERMA", "127.0.0.1",
                    Integer.toString(node.port()), in.toString());

            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(send.out()).contains("sent 6, warnings 0, failures 0");
        }
        assertThat(callers).hasSize(3);
        assertThat(uidsIn(out)).hasSize(6);
    }

    @Test
    void storescuDeliversToKermaReceive(@TempDir Path dir) throws Exception {
        Path file = sample(dir, "P2", 5, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Path out = dir.resolve("out");
        int port = freePort();
        CompletableFuture<CommandRun> receiver = CompletableFuture.supplyAsync(() -> CommandRun.kerma(NONE,
                "receive", "--dir", out.toString(), "--exit-after", "1", "--port", Integer.toString(port)));
        awaitPort(port);

        Process storescu = new ProcessBuilder("storescu", "-aec", "KERMA", "127.0.0.1", Integer.toString(port),
                file.toString()).redirectErrorStream(true).start();
        String log = new String(storescu.getInputStream().readAllBytes());

        assertThat(storescu.waitFor()).as(log).isZero();
        assertThat(receiver.get(30, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(uidsIn(out)).containsExactly("2.25.42425");
    }

    @Test
    void sendDeliversToDcmtkStorescpAndEchoReachesIt(@TempDir Path dir) throws Exception {
        Path file = sample(dir, "P3", 6, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN);
        Path out = Files.createDirectories(dir.resolve("storescp"));
        int port = freePort();
        Process storescp = new ProcessBuilder("storescp", "-aet", "STORESCP", "-od", out.toString(),
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
        try {
            awaitPort(port);
            CommandRun echo = CommandRun.kerma(NONE, "echo", "-aec", "STORESCP", "127.0.0.1", Integer.toString(port));
            CommandRun send = CommandRun.kerma(NONE, "send", "-aec", "STORESCP", "127.0.0.1",
                    Integer.toString(port), file.toString());

            assertThat(echo.exitCode()).as(echo.err()).isZero();
            assertThat(send.exitCode()).as(send.err()).isZero();
            assertThat(uidsIn(out)).containsExactly("2.25.42426");
        } finally {
            storescp.destroy();
            storescp.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void findMoveAndGetAgainstAKermaNode(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> files = List.of(sample(in, "P4", 7, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                sample(in, "P4", 8, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        int receivePort = freePort();
        Path moved = dir.resolve("moved");
        Path got = dir.resolve("got");
        try (DicomNode node = DicomNode.create(AeConfig.of("QR", 0).withAcceptAnyCaller()
                        .withTrustedNodes(new TrustedNode("DEST", "127.0.0.1", receivePort)))
                .onFind(request -> files.stream().map(f -> {
                    try {
                        DicomObject d = DicomReader.read(f).dataset();
                        DicomObject a = new DicomObject();
                        a.setString(Tag.QueryRetrieveLevel,
                                request.identifier().getString(Tag.QueryRetrieveLevel, "?"));
                        a.setString(Tag.PatientID, d.getString(Tag.PatientID, ""));
                        a.setString(Tag.SOPInstanceUID, d.getString(Tag.SOPInstanceUID, ""));
                        return a;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }))
                .onMove(request -> files.stream().map(NetworkCommandsTest::instance).toList())
                .onGet(request -> files.stream().map(NetworkCommandsTest::instance).toList())
                .start()) {
            String port = Integer.toString(node.port());
            CompletableFuture<CommandRun> receiver = CompletableFuture.supplyAsync(() -> CommandRun.kerma(NONE,
                    "receive", "-aet", "DEST", "--dir", moved.toString(), "--exit-after", "2",
                    Integer.toString(receivePort)));
            awaitPort(receivePort);

            CommandRun find = CommandRun.kerma(NONE, "find", "-S", "-aec", "QR", "-L", "image",
                    "-k", "PatientID=P4", "-k", "SOPInstanceUID", "127.0.0.1", port);
            CommandRun move = CommandRun.kerma(NONE, "move", "-S", "-aec", "QR", "-aem", "DEST",
                    "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=2.25.4343", "127.0.0.1", port);
            CommandRun get = CommandRun.kerma(NONE, "get", "-aec", "QR", "-od", got.toString(),
                    "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=P4", "127.0.0.1", port);
            CommandRun received = receiver.get(30, TimeUnit.SECONDS);

            assertThat(find.exitCode()).as(find.err()).isZero();
            assertThat(find.out()).contains("(0008,0052) CS QueryRetrieveLevel [IMAGE]",
                    "(0008,0018) UI SOPInstanceUID [2.25.42427]",
                    "(0008,0018) UI SOPInstanceUID [2.25.42428]", "# 2 matches, final status 0000 (Success)");
            assertThat(move.exitCode()).as(move.err()).isZero();
            assertThat(move.out()).contains("C-MOVE: completed 2, warnings 0, failures 0");
            assertThat(received.exitCode()).isZero();
            assertThat(uidsIn(moved)).containsExactly("2.25.42427", "2.25.42428");
            assertThat(get.exitCode()).as(get.err()).isZero();
            assertThat(get.out()).contains("C-GET: completed 2");
            assertThat(uidsIn(got)).containsExactly("2.25.42427", "2.25.42428");
        }
    }

    @Test
    void echoToANodeThatRejectsTheCallerFailsWithTheReason() throws Exception {
        try (DicomNode node = DicomNode.create(AeConfig.of("KERMA", 0)
                .withTrustedNodes(new TrustedNode("FRIEND", "127.0.0.1", 104))).start()) {
            CommandRun echo = CommandRun.kerma(NONE, "echo", "-aet", "STRANGER", "-aec", "KERMA", "127.0.0.1",
                    Integer.toString(node.port()));

            assertThat(echo.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
            assertThat(echo.err()).contains("calling-AE-title-not-recognized");
        }
    }

    @Test
    void findWithoutAQueryLevelIsRefused() throws Exception {
        CommandRun find = CommandRun.kerma(NONE, "find", "-k", "PatientID=1", "127.0.0.1", "1");

        assertThat(find.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(find.err()).contains("no QueryRetrieveLevel key");
    }

    @Test
    void sendSplitsAnInputNeedingMoreThan127ContextsIntoSeveralAssociations() {
        List<Instance> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(new Instance("1.2.826.0.1.3680043.9.9999." + i, "2.25." + i,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, null, 0, null));
        }
        many.add(new Instance("1.2.826.0.1.3680043.9.9999.0", "2.25.1000", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                null, 0, null));

        List<List<Instance>> batches = SendCommand.batches(many);

        assertThat(batches).extracting(List::size).containsExactly(127, 74);
    }

    private static Instance instance(Path f) {
        try {
            return Instance.ofFile(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
