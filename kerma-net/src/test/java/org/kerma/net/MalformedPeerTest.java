package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.Uid;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.dimse.Command;
import org.kerma.net.dimse.CommandField;
import org.kerma.net.pdu.Abort;
import org.kerma.net.pdu.AssociateRj;
import org.kerma.net.pdu.PDataTf;
import org.kerma.net.pdu.Pdu;
import org.kerma.net.pdu.Pdv;
import org.kerma.net.service.StoreToDirectory;
import org.kerma.net.testing.FakePeer;

/**
 * A fake peer sends what a correct one never would; the node answers per the PS3.8 state machine, frees the
 * association, and keeps serving others.
 */
class MalformedPeerTest {

    @TempDir
    Path dir;
    private DicomNode node;
    private final java.util.List<String> endings = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void startNode() throws IOException {
        node = DicomNode.create(AeConfig.of("KERMA", 0).withAcceptAnyCaller().withMaxPduLength(16384)
                        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofSeconds(30)))
                .onStore(new StoreToDirectory(dir, false))
                .addListener(new AssociationListener() {
                    @Override
                    public void ended(String name, boolean released, String reason) {
                        endings.add((released ? "released " : "failed ") + name + ": " + reason);
                    }
                })
                .start();
    }

    /** The reasons the node gave for the associations that did not end in a release. */
    private java.util.List<String> failures() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (endings.stream().noneMatch(e -> e.startsWith("failed")) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        return endings.stream().filter(e -> e.startsWith("failed")).toList();
    }

    @AfterEach
    void stopNode() {
        node.close();
    }

    private void assertAnotherAssociationSucceeds() throws IOException {
        try (DicomClient client = DicomClient.connect(Connection.to("KERMA", "127.0.0.1", node.port()),
                Proposal.verification())) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
        }
    }

    private void assertAssociationsFreed() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (node.activeAssociations() > 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(node.activeAssociations()).isZero();
    }

    @Test
    void answersAnUnknownPduTypeWithAbortUnrecognizedPdu() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(org.kerma.net.pdu.Pdus.bytes("09 00 00000004 00000000"));

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(
                    new Abort(Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_UNRECOGNIZED_PDU));
            assertAnotherAssociationSucceeds();
            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertAssociationsFreed();
        assertThat(failures()).singleElement().asString().contains("KERMA<-FAKEPEER#")
                .contains("invalid PDU: unknown PDU type 0x09 (at byte offset ");
    }

    @Test
    void answersPDataBeforeAssociationWithAbort() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.send(org.kerma.net.pdu.Pdus.P_DATA_TWO_PDVS);

            Pdu answer = peer.receive(Duration.ofSeconds(5));

            assertThat(answer).isInstanceOf(Abort.class);
            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertAnotherAssociationSucceeds();
    }

    @Test
    void answersAWrongFixedLengthWithAbortInvalidParameterValue() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(org.kerma.net.pdu.Pdus.bytes("05 00 0000000A 00000000 00000000 0000"));

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(
                    new Abort(Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_INVALID_PDU_PARAMETER_VALUE));
        }
        assertAnotherAssociationSucceeds();
        assertAssociationsFreed();
    }

    @Test
    void abortsAPDataPduOverTheNegotiatedMaximumWithoutReadingIt() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(org.kerma.net.pdu.Pdus.bytes("04 00 00100000 000FFFFA 01 00"));

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(
                    new Abort(Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_INVALID_PDU_PARAMETER_VALUE));
        }
        assertThat(failures()).singleElement().asString()
                .contains("P-DATA-TF PDU length 1048576 exceeds the maximum length received").contains("limit 16384");
        assertAnotherAssociationSucceeds();
        assertAssociationsFreed();
    }

    @Test
    void answersASecondAssociateRequestWithAbortUnexpectedPdu() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(FakePeer.request("FAKEPEER", "KERMA", 16384));

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(
                    new Abort(Abort.SOURCE_SERVICE_PROVIDER, Abort.REASON_UNEXPECTED_PDU));
        }
        assertAssociationsFreed();
    }

    @Test
    void freesTheAssociationAndKeepsNoPartialFileWhenTheSenderAbortsMidTransfer() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            var rq = Command.request(CommandField.C_STORE_RQ, 1, Uid.CTImageStorage, true);
            rq.setString(org.kerma.dicom.Tag.AffectedSOPInstanceUID, "2.25.777");
            peer.send(new PDataTf(java.util.List.of(Pdv.of(3, true, true, Command.encode(rq)))));
            peer.send(new PDataTf(java.util.List.of(Pdv.of(3, false, false,
                    org.kerma.net.pdu.Pdus.bytes("08000500 4353 0A00 49534F5F4952203130300000")))));
            peer.send(new Abort(Abort.SOURCE_SERVICE_USER, 0));

            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(failures()).singleElement().asString().contains("A-ABORT received (service-user");
        assertAssociationsFreed();
        assertAnotherAssociationSucceeds();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void closesAConnectionThatNeverSendsAnAssociateRequestWhenArtimExpires() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            assertAnotherAssociationSucceeds();

            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(failures()).singleElement().asString().contains("ARTIM timer expired");
    }

    @Test
    void abortsAPeerThatStallsInTheMiddleOfAMessage() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            var rq = Command.request(CommandField.C_STORE_RQ, 1, Uid.CTImageStorage, true);
            rq.setString(org.kerma.dicom.Tag.AffectedSOPInstanceUID, "2.25.778");
            peer.send(new PDataTf(java.util.List.of(Pdv.of(3, true, true, Command.encode(rq)))));
            assertAnotherAssociationSucceeds();

            Pdu answer = peer.receive(Duration.ofSeconds(5));

            assertThat(answer).isEqualTo(new Abort(Abort.SOURCE_SERVICE_USER, Abort.REASON_NOT_SPECIFIED));
            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(failures()).singleElement().asString()
                .contains("timed out after 700 ms awaiting the next data fragment; association aborted");
        assertAssociationsFreed();
    }

    @Test
    void rejectsAnUnsupportedProtocolVersionAsTheServiceProvider() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            var rq = FakePeer.request("FAKEPEER", "KERMA", 16384);
            peer.send(new org.kerma.net.pdu.AssociateRq(2, rq.calledAe(), rq.callingAe(), rq.applicationContext(),
                    rq.presentationContexts(), rq.userInformation()));

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(new AssociateRj(1, 2, 2));
        }
    }

    @Test
    void answersAReleaseRequestAndClosesAfterwards() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(new org.kerma.net.pdu.ReleaseRq());

            assertThat(peer.receive(Duration.ofSeconds(5))).isEqualTo(new org.kerma.net.pdu.ReleaseRp());
        }
        assertAssociationsFreed();
    }

    @Test
    void abortsADataFragmentWhereACommandWasExpected() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            peer.send(new PDataTf(java.util.List.of(Pdv.of(1, false, true, new byte[] {1, 2, 3, 4}))));

            assertThat(peer.receive(Duration.ofSeconds(5))).isInstanceOf(Abort.class);
            assertThat(peer.closedByNode(Duration.ofSeconds(5))).isTrue();
        }
        assertAssociationsFreed();
    }

    @Test
    void abortsACommandSetLongerThanItsBound() throws Exception {
        try (FakePeer peer = FakePeer.connect(node.port())) {
            peer.associate("KERMA");
            byte[] fragment = new byte[16000];
            for (int i = 0; i < 5; i++) {
                peer.send(new PDataTf(java.util.List.of(Pdv.of(1, true, false, fragment))));
            }

            assertThat(peer.receive(Duration.ofSeconds(5))).isInstanceOf(Abort.class);
        }
        assertAssociationsFreed();
        assertAnotherAssociationSucceeds();
    }
}
