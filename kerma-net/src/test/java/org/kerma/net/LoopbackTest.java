package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.FindResults;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.client.RetrieveResult;
import org.kerma.net.service.Instance;
import org.kerma.net.testing.MemoryArchive;
import org.kerma.net.testing.Samples;

class LoopbackTest {

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

    private static Connection to(DicomNode node) {
        return Connection.to(node.config().aeTitle(), "127.0.0.1", node.port()).withCallingAe("TESTSCU");
    }

    @Test
    void answersEchoOverLoopback() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()));

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification())) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            assertThat(client.association().contexts()).extracting(PresentationContext::transferSyntax)
                    .containsExactly(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
        }
    }

    @Test
    void storesFilesOfThreeTransferSyntaxesTranscodingTheBigEndianOne(@TempDir Path dir) throws IOException {
        MemoryArchive archive = new MemoryArchive();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onStore(archive));
        DicomObject a = Samples.ct("P1", 1, 1);
        DicomObject b = Samples.ct("P1", 1, 2);
        DicomObject c = Samples.ct("P1", 1, 3);
        List<Instance> files = List.of(
                Instance.ofFile(Samples.write(dir, a, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)),
                Instance.ofFile(Samples.write(dir, b, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)),
                Instance.ofFile(Samples.write(dir, c, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN)));

        List<Status> statuses = new ArrayList<>();
        try (DicomClient client = DicomClient.connect(to(node).withMaxPduLength(4096), Proposal.storage(files))) {
            for (Instance i : files) {
                statuses.add(client.store(i).status());
            }
        }

        assertThat(statuses).containsOnly(Status.SUCCESS);
        assertThat(archive.instances()).hasSize(3);
        for (DicomObject sent : List.of(a, b, c)) {
            DicomObject got = archive.instances().get(sent.getString(Tag.SOPInstanceUID, ""));
            assertThat(got.getString(Tag.PatientName, "")).isEqualTo(sent.getString(Tag.PatientName, ""));
            assertThat(got.findBytes(Tag.PixelData).orElseThrow()).isEqualTo(sent.findBytes(Tag.PixelData)
                    .orElseThrow());
        }
    }

    @Test
    void fragmentsADataSetLargerThanThePeersMaximumPduLength() throws IOException {
        MemoryArchive archive = new MemoryArchive();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withMaxPduLength(4096)).onStore(archive));
        DicomObject big = Samples.ct("P9", 9, 1);
        byte[] pixels = new byte[100_000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        big.put(Tag.PixelData, org.kerma.dicom.VR.OW, pixels);

        try (DicomClient client = DicomClient.connect(to(node), Proposal.storage(List.of(Instance.of(big))))) {
            assertThat(client.store(big).status()).isEqualTo(Status.SUCCESS);
        }

        assertThat(archive.instances().values().iterator().next().findBytes(Tag.PixelData).orElseThrow())
                .isEqualTo(pixels);
    }

    @Test
    void answersAFailureStatusWithErrorCommentWhenTheHandlerThrowsAndKeepsTheAssociation() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    throw new IllegalStateException("disk full on /archive");
                }));
        DicomObject ct = Samples.ct("P2", 2, 1);

        try (DicomClient client = DicomClient.connect(to(node), Proposal.storage(List.of(Instance.of(ct))))) {
            Response r = client.store(ct);

            assertThat(r.status().code()).isEqualTo(0xC000);
            assertThat(r.status().isFailure()).isTrue();
            assertThat(r.errorComment()).isEqualTo("IllegalStateException: disk full on /archive");
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void answersTheStatusOfAStatusException() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    throw new StatusException(Status.OUT_OF_RESOURCES, "quota of " + request.callingAe());
                }));
        DicomObject ct = Samples.ct("P2", 2, 1);

        try (DicomClient client = DicomClient.connect(to(node), Proposal.storage(List.of(Instance.of(ct))))) {
            Response r = client.store(ct);

            assertThat(r.status()).isEqualTo(Status.OUT_OF_RESOURCES);
            assertThat(r.errorComment()).isEqualTo("quota of TESTSCU");
        }
    }

    @Test
    void findsStudiesAndImagesAsAStream() throws IOException {
        MemoryArchive archive = new MemoryArchive();
        IntStream.rangeClosed(1, 3).forEach(n -> archive.add(Samples.ct("P3", 3, n)));
        archive.add(Samples.ct("P4", 4, 1));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onFind(archive));
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "IMAGE");
        keys.setString(Tag.PatientID, "P3");
        keys.setString(Tag.SOPInstanceUID, "");

        try (DicomClient client = DicomClient.connect(to(node), Proposal.empty()
                .with(Uid.StudyRootQueryRetrieveInformationModelFind, Proposal.UNCOMPRESSED))) {
            FindResults results = client.find(Uid.StudyRootQueryRetrieveInformationModelFind, keys);
            List<String> uids = results.toList().stream().map(d -> d.getString(Tag.SOPInstanceUID, "")).toList();

            assertThat(uids).containsExactly("2.25.100030001", "2.25.100030002", "2.25.100030003");
            assertThat(results.response().status()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void stopsAFindWhenCancelledAndAnswersCancel() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onFind(request -> Stream.iterate(0, i -> i + 1).map(i -> {
                    DicomObject d = new DicomObject();
                    d.setString(Tag.PatientID, "P" + i);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return d;
                })));

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification()
                .with(Uid.PatientRootQueryRetrieveInformationModelFind, Proposal.UNCOMPRESSED))) {
            DicomObject keys = new DicomObject();
            keys.setString(Tag.QueryRetrieveLevel, "PATIENT");
            FindResults results = client.find(Uid.PatientRootQueryRetrieveInformationModelFind, keys);
            int seen = 0;
            while (results.hasNext()) {
                results.next();
                if (++seen == 3) {
                    results.cancel();
                }
            }

            assertThat(results.response().status()).isEqualTo(Status.CANCEL);
            assertThat(seen).isBetween(3, 1000);
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void movesToATrustedDestinationAndRefusesAnUnknownOne() throws IOException {
        MemoryArchive destination = new MemoryArchive();
        DicomNode dest = start(DicomNode.create(AeConfig.of("DEST", 0).withAcceptAnyCaller()).onStore(destination));
        MemoryArchive source = new MemoryArchive();
        IntStream.rangeClosed(1, 4).forEach(n -> source.add(Samples.ct("P5", 5, n)));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTrustedNodes(new TrustedNode("DEST", "127.0.0.1", dest.port()))).onMove(source));
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "STUDY");
        keys.setString(Tag.StudyInstanceUID, "2.25.20005");

        try (DicomClient client = DicomClient.connect(to(node), Proposal.empty()
                .with(Uid.StudyRootQueryRetrieveInformationModelMove, Proposal.UNCOMPRESSED))) {
            RetrieveResult moved = client.move(Uid.StudyRootQueryRetrieveInformationModelMove, "DEST", keys);
            RetrieveResult unknown = client.move(Uid.StudyRootQueryRetrieveInformationModelMove, "NOWHERE", keys);

            assertThat(moved.status()).isEqualTo(Status.SUCCESS);
            assertThat(moved.completed()).isEqualTo(4);
            assertThat(moved.failed()).isZero();
            assertThat(destination.instances().keySet()).containsExactlyInAnyOrderElementsOf(
                    source.instances().keySet());
            assertThat(unknown.status()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
        }
    }

    @Test
    void getsInstancesOnTheSameAssociation() throws IOException {
        MemoryArchive source = new MemoryArchive();
        IntStream.rangeClosed(1, 3).forEach(n -> source.add(Samples.ct("P6", 6, n)));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onGet(source));
        MemoryArchive received = new MemoryArchive();
        List<String> callers = new CopyOnWriteArrayList<>();
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "PATIENT");
        keys.setString(Tag.PatientID, "P6");

        try (DicomClient client = DicomClient.connect(to(node), Proposal.empty()
                .with(Uid.PatientRootQueryRetrieveInformationModelGet, Proposal.UNCOMPRESSED)
                .withStorageScpRole(Set.of(Uid.CTImageStorage)))) {
            RetrieveResult r = client.get(Uid.PatientRootQueryRetrieveInformationModelGet, keys, (rq, data) -> {
                callers.add(rq.callingAe());
                return received.store(rq, data);
            });

            assertThat(r.status()).isEqualTo(Status.SUCCESS);
            assertThat(r.completed()).isEqualTo(3);
        }
        assertThat(received.instances().keySet()).containsExactlyInAnyOrderElementsOf(source.instances().keySet());
        assertThat(received.instances().get("2.25.100060002").getString(Tag.PatientID, "")).isEqualTo("P6");
    }

    @Test
    void rejectsAssociationFromUnknownCallingAe() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0)
                .withTrustedNodes(new TrustedNode("CT1", "127.0.0.1", 104))));

        assertThatThrownBy(() -> DicomClient.connect(to(node).withCallingAe("STRANGER"), Proposal.verification()))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.result()).isEqualTo(1);
                    assertThat(e.source()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo(3);
                });
        try (DicomClient trusted = DicomClient.connect(to(node).withCallingAe("CT1"), Proposal.verification())) {
            assertThat(trusted.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void rejectsAWrongCalledAeTitleWithItsOwnReason() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()));

        assertThatThrownBy(() -> DicomClient.connect(Connection.to("OTHER", "127.0.0.1", node.port()),
                Proposal.verification()))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.source()).isEqualTo(1);
                    assertThat(e.reason()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("called-AE-title-not-recognized");
                });
    }

    @Test
    void rejectsAssociationsBeyondTheLimitAsTransient() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller().withMaxAssociations(1)));

        try (DicomClient first = DicomClient.connect(to(node), Proposal.verification())) {
            assertThatThrownBy(() -> DicomClient.connect(to(node), Proposal.verification()))
                    .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                        assertThat(e.result()).isEqualTo(2);
                        assertThat(e.source()).isEqualTo(3);
                        assertThat(e.reason()).isEqualTo(2);
                    });
            assertThat(first.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void reportsNoPresentationContextAsALocalFailure() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()));

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification())) {
            assertThatThrownBy(() -> client.store(Samples.ct("P7", 7, 1)))
                    .isInstanceOfSatisfying(NoPresentationContextException.class,
                            e -> assertThat(e.sopClassUid()).isEqualTo(Uid.CTImageStorage));
        }
    }

    @Test
    void abortsAnIdleAssociationAfterTheIdleTimeout() throws Exception {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(300))));
        DicomClient client = DicomClient.connect(to(node), Proposal.verification());
        Thread.sleep(800);

        assertThatThrownBy(client::echo).isInstanceOf(DimseException.class);
        client.abort();
    }

    @Test
    void receivedFileMetaNamesTheCallingAe(@TempDir Path dir) throws IOException {
        List<Path> written = new CopyOnWriteArrayList<>();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    Path f = dir.resolve(request.sopInstanceUid() + ".dcm");
                    try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(f))) {
                        out.write(new byte[128]);
                        out.write("DICM".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        org.kerma.dicom.io.DicomWriter.writeDataset(out, request.fileMetaInformation(),
                                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, org.kerma.dicom.io.WriteOptions.DEFAULT);
                        data.transferTo(out);
                    }
                    written.add(f);
                    return Status.SUCCESS;
                }));
        DicomObject ct = Samples.ct("P8", 8, 1);

        try (DicomClient client = DicomClient.connect(to(node), Proposal.storage(List.of(Instance.of(ct))))) {
            assertThat(client.store(ct).status()).isEqualTo(Status.SUCCESS);
        }

        var file = DicomReader.read(written.get(0), ReadOptions.DEFAULT);
        assertThat(file.fileMeta().getString(Tag.SourceApplicationEntityTitle, "")).isEqualTo("TESTSCU");
        assertThat(file.dataset().getString(Tag.PatientID, "")).isEqualTo("P8");
    }

    @Test
    void handsTheNegotiatedUsernameToTheHandlers() throws IOException {
        List<String> users = new CopyOnWriteArrayList<>();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onEcho(association -> {
                    users.add(association.username().orElse("-"));
                    return Status.SUCCESS;
                }));

        try (DicomClient client = DicomClient.connect(to(node).withUser("alice", "secret"), Proposal.verification())) {
            client.echo();
        }

        assertThat(users).containsExactly("alice");
    }

    @Test
    void cancelsAMoveBetweenSubOperations() throws Exception {
        java.util.concurrent.CountDownLatch firstStored = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch cancelSent = new java.util.concurrent.CountDownLatch(1);
        DicomNode dest = start(DicomNode.create(AeConfig.of("DEST", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    firstStored.countDown();
                    cancelSent.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    return Status.SUCCESS;
                }));
        MemoryArchive source = new MemoryArchive();
        IntStream.rangeClosed(1, 5).forEach(n -> source.add(Samples.ct("P10", 10, n)));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTrustedNodes(new TrustedNode("DEST", "127.0.0.1", dest.port()))).onMove(source));
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "PATIENT");
        keys.setString(Tag.PatientID, "P10");

        try (DicomClient client = DicomClient.connect(to(node), Proposal.empty()
                .with(Uid.PatientRootQueryRetrieveInformationModelMove, Proposal.UNCOMPRESSED))) {
            java.util.concurrent.CompletableFuture<Void> canceller = java.util.concurrent.CompletableFuture.runAsync(
                    () -> {
                        try {
                            firstStored.await(5, java.util.concurrent.TimeUnit.SECONDS);
                            client.cancel();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            cancelSent.countDown();
                        }
                    });
            RetrieveResult r = client.move(Uid.PatientRootQueryRetrieveInformationModelMove, "DEST", keys);
            canceller.get();

            assertThat(r.status()).isEqualTo(Status.CANCEL);
            assertThat(r.completed()).isBetween(1, 4);
        }
    }

    @Test
    void failsEveryMoveSubOperationWhenTheDestinationIsUnreachable() throws IOException {
        MemoryArchive source = new MemoryArchive();
        IntStream.rangeClosed(1, 2).forEach(n -> source.add(Samples.ct("P11", 11, n)));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withTrustedNodes(new TrustedNode("GONE", "127.0.0.1", org.kerma.net.testing.Ports.free())))
                .onMove(source));
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "PATIENT");
        keys.setString(Tag.PatientID, "P11");

        try (DicomClient client = DicomClient.connect(to(node), Proposal.empty()
                .with(Uid.PatientRootQueryRetrieveInformationModelMove, Proposal.UNCOMPRESSED))) {
            RetrieveResult r = client.move(Uid.PatientRootQueryRetrieveInformationModelMove, "GONE", keys);

            assertThat(r.status()).isEqualTo(Status.OUT_OF_RESOURCES_SUB_OPERATIONS);
            assertThat(r.failed()).isEqualTo(2);
            assertThat(r.failedSopInstanceUids()).containsExactlyInAnyOrder("2.25.1000110001", "2.25.1000110002");
            assertThat(r.errorComment()).startsWith("cannot associate with GONE");
        }
    }

    @Test
    void reportsAnAbortByThePeerAsAnExceptionNotAStatus() throws Exception {
        java.util.concurrent.atomic.AtomicReference<DicomNode> self = new java.util.concurrent.atomic.AtomicReference<>();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onStore((request, data) -> {
                    self.get().close();
                    return Status.SUCCESS;
                }));
        self.set(node);
        DicomObject ct = Samples.ct("P12", 12, 1);

        DicomClient client = DicomClient.connect(to(node), Proposal.storage(List.of(Instance.of(ct))));
        assertThatThrownBy(() -> client.store(ct)).isInstanceOf(AssociationAbortedException.class)
                .hasMessageContaining("TESTSCU->KERMA");
        client.abort();
    }

    @Test
    void listensOnlyOnTheConfiguredBindAddress() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()
                .withBindAddress("127.0.0.1")));

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification())) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
        java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no non-loopback IPv4 address here");
        assertThatThrownBy(() -> DicomClient.connect(Connection.to("KERMA", other.getHostAddress(), node.port()),
                Proposal.verification())).isInstanceOf(DimseException.class).hasMessageContaining("cannot connect");
    }

    @Test
    void cancelsAGetAndAnswersCancelWithTheCounts() throws Exception {
        MemoryArchive source = new MemoryArchive();
        IntStream.rangeClosed(1, 6).forEach(n -> source.add(Samples.ct("P13", 13, n)));
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller()).onGet(source));
        DicomObject keys = new DicomObject();
        keys.setString(Tag.QueryRetrieveLevel, "PATIENT");
        keys.setString(Tag.PatientID, "P13");
        List<String> received = new CopyOnWriteArrayList<>();

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification()
                .with(Uid.PatientRootQueryRetrieveInformationModelGet, Proposal.UNCOMPRESSED)
                .withStorageScpRole(Set.of(Uid.CTImageStorage)))) {
            RetrieveResult r = client.get(Uid.PatientRootQueryRetrieveInformationModelGet, keys, (rq, data) -> {
                received.add(rq.sopInstanceUid());
                if (received.size() == 2) {
                    client.cancel();
                }
                return Status.SUCCESS;
            });

            assertThat(r.status()).isEqualTo(Status.CANCEL);
            assertThat(r.completed()).isEqualTo(received.size());
            assertThat(received.size()).isBetween(2, 3);
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    @Test
    void abortsAndThrowsATimeoutWhenTheAnswerTakesLongerThanTheDimseTimeout() throws IOException {
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .onEcho(association -> {
                    Thread.sleep(1500);
                    return Status.SUCCESS;
                }));

        DicomClient client = DicomClient.connect(to(node).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)),
                Proposal.verification());

        assertThatThrownBy(client::echo).isInstanceOfSatisfying(DimseTimeoutException.class,
                e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300)));
        assertThat(client.association().name()).startsWith("TESTSCU->KERMA");
    }

    @Test
    void aFailingListenerCannotFailTheAssociationOrSilenceOthers() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        DicomNode node = start(DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller())
                .addListener(new AssociationListener() {
                    @Override
                    public void accepted(Association association) {
                        throw new IllegalStateException("listener bug");
                    }
                })
                .addListener(new AssociationListener() {
                    @Override
                    public void accepted(Association association) {
                        seen.add("accepted " + association.callingAe());
                    }
                }));

        try (DicomClient client = DicomClient.connect(to(node), Proposal.verification())) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }

        assertThat(seen).containsExactly("accepted TESTSCU");
    }
}
