package org.kerma.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.net.pdu.UserInformation.AsyncOperationsWindow;
import org.kerma.net.pdu.UserInformation.CommonExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.ExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.RoleSelection;

class PduCodecTest {

    private static Pdu decode(byte[] bytes) throws IOException {
        return new PduReader(new ByteArrayInputStream(bytes), 16384).read();
    }

    @Test
    void decodesTheAssociateRequestOfEchoscu() throws IOException {
        AssociateRq rq = (AssociateRq) decode(Pdus.ECHOSCU_ASSOCIATE_RQ);

        assertThat(rq.protocolVersion()).isEqualTo(1);
        assertThat(rq.calledAe()).isEqualTo("ANY-SCP");
        assertThat(rq.callingAe()).isEqualTo("ECHOSCU");
        assertThat(rq.applicationContext()).isEqualTo("1.2.840.10008.3.1.1.1");
        assertThat(rq.presentationContexts()).containsExactly(
                new PresentationContextItem(1, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2")));
        assertThat(rq.userInformation().maxLength()).isEqualTo(16384);
        assertThat(rq.userInformation().implementationClassUid()).isEqualTo("1.2.276.0.7230010.3.0.3.6.7");
        assertThat(rq.userInformation().implementationVersion()).isEqualTo("OFFIS_DCMTK_367");
    }

    @Test
    void encodesTheAssociateRequestByteForByte() throws IOException {
        Pdu rq = decode(Pdus.ECHOSCU_ASSOCIATE_RQ);

        assertThat(PduWriter.encode(rq)).isEqualTo(Pdus.ECHOSCU_ASSOCIATE_RQ);
    }

    @Test
    void decodesAndEncodesTheAssociateAcceptWithUserIdentityResponse() throws IOException {
        AssociateAc ac = (AssociateAc) decode(Pdus.ASSOCIATE_AC);

        assertThat(ac.presentationContexts()).containsExactly(
                new PresentationContextResult(1, PresentationContextResult.ACCEPTANCE, "1.2.840.10008.1.2"));
        assertThat(ac.userInformation().maxLength()).isEqualTo(65536);
        assertThat(ac.userInformation().asyncOperationsWindow()).isEqualTo(new AsyncOperationsWindow(1, 1));
        assertThat(new String(ac.userInformation().userIdentityResponse())).isEqualTo("OKAY");
        assertThat(PduWriter.encode(ac)).isEqualTo(Pdus.ASSOCIATE_AC);
    }

    @Test
    void decodesRejectReleaseAndAbortWithTheStandardsWords() throws IOException {
        AssociateRj rj = (AssociateRj) decode(Pdus.ASSOCIATE_RJ_CALLING_AE);
        Abort abort = (Abort) decode(Pdus.ABORT_UNEXPECTED_PDU);

        assertThat(rj).isEqualTo(new AssociateRj(1, 1, 3));
        assertThat(rj.describe()).isEqualTo("rejected-permanent, service-user: calling-AE-title-not-recognized");
        assertThat(decode(Pdus.RELEASE_RQ)).isEqualTo(new ReleaseRq());
        assertThat(abort.describe()).isEqualTo("service-provider: unexpected-PDU");
        assertThat(PduWriter.encode(rj)).isEqualTo(Pdus.ASSOCIATE_RJ_CALLING_AE);
        assertThat(PduWriter.encode(abort)).isEqualTo(Pdus.ABORT_UNEXPECTED_PDU);
        assertThat(PduWriter.encode(new ReleaseRq())).isEqualTo(Pdus.RELEASE_RQ);
    }

    @Test
    void decodesEachPdvOfAPDataPdu() throws IOException {
        PDataTf p = (PDataTf) decode(Pdus.P_DATA_TWO_PDVS);

        assertThat(p.pdvs()).containsExactly(
                Pdv.of(1, true, true, new byte[] {(byte) 0xAA, (byte) 0xBB}),
                Pdv.of(3, false, false, new byte[] {1, 2, 3, 4}));
        assertThat(PduWriter.encode(p)).isEqualTo(Pdus.P_DATA_TWO_PDVS);
    }

    @Test
    void roundTripsEveryUserInformationSubItem() throws IOException {
        UserInformation user = new UserInformation(32768, "1.2.3", "V1", new AsyncOperationsWindow(5, 3),
                List.of(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", false, true)),
                List.of(new ExtendedNegotiation("1.2.840.10008.5.1.4.1.2.2.1", new byte[] {1, 1, 0})),
                List.of(new CommonExtendedNegotiation("1.2.840.10008.5.1.4.1.1.88.67",
                        "1.2.840.10008.4.2", List.of("1.2.840.10008.5.1.4.1.1.88.11", "1.2.840.10008.5.1.4.1.1.88.22"))),
                UserIdentity.usernameAndPasscode("alice", "s3cret", true), null);
        AssociateRq rq = new AssociateRq(1, "KERMA", "CT1", "1.2.840.10008.3.1.1.1",
                List.of(new PresentationContextItem(1, "1.2.840.10008.5.1.4.1.1.2",
                                List.of("1.2.840.10008.1.2.1", "1.2.840.10008.1.2")),
                        new PresentationContextItem(3, "1.2.840.10008.1.1", List.of("1.2.840.10008.1.2"))),
                user);

        AssociateRq back = (AssociateRq) decode(PduWriter.encode(rq));

        assertThat(back).isEqualTo(rq);
        assertThat(back.userInformation().userIdentity().username()).isEqualTo("alice");
        assertThat(new String(back.userInformation().userIdentity().secondaryField())).isEqualTo("s3cret");
        assertThat(back.userInformation().roleSelection("1.2.840.10008.5.1.4.1.1.2"))
                .contains(new RoleSelection("1.2.840.10008.5.1.4.1.1.2", false, true));
    }

    @Test
    void skipsUnknownItemsAndSubItems() throws IOException {
        byte[] known = Pdus.ECHOSCU_ASSOCIATE_RQ;
        // insert item type 0x7F (3 bytes) after the application context, and sub-item 0x5F in user information
        byte[] unknownItem = Pdus.bytes("7F 00 0003 010203");
        byte[] withItem = new byte[known.length + unknownItem.length];
        int afterAppContext = 6 + 68 + 25;
        System.arraycopy(known, 0, withItem, 0, afterAppContext);
        System.arraycopy(unknownItem, 0, withItem, afterAppContext, unknownItem.length);
        System.arraycopy(known, afterAppContext, withItem, afterAppContext + unknownItem.length,
                known.length - afterAppContext);
        withItem[5] = (byte) (known[5] + unknownItem.length);

        AssociateRq rq = (AssociateRq) decode(withItem);

        assertThat(rq.presentationContexts()).hasSize(1);
        assertThat(rq.userInformation().maxLength()).isEqualTo(16384);
    }

    @Test
    void rejectsAPDataLengthAboveTheMaximumBeforeAllocating() {
        byte[] hostile = Pdus.bytes("04 00 FFFFFFFF 00000004 01 03");

        assertThatThrownBy(() -> decode(hostile))
                .isInstanceOfSatisfying(PduFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(2);
                    assertThat(e.limit()).isEqualTo(16384);
                    assertThat(e.getMessage()).contains("P-DATA-TF PDU length 4294967295 exceeds");
                });
    }

    @Test
    void rejectsAnAssociateRequestLongerThanItsBound() {
        byte[] hostile = Pdus.bytes("01 00 7FFFFFFF 0001 0000");

        assertThatThrownBy(() -> decode(hostile))
                .isInstanceOfSatisfying(PduFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(2);
                    assertThat(e.limit()).isEqualTo(PduReader.MAX_ASSOCIATE_LENGTH);
                });
    }

    @Test
    void rejectsAPdvLengthThatOverrunsItsPdu() {
        byte[] hostile = Pdus.bytes("04 00 00000008", "7FFFFFF0 01 03 AABB");

        assertThatThrownBy(() -> decode(hostile))
                .isInstanceOfSatisfying(PduFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(6);
                    assertThat(e.limit()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("PDV item length 2147483632");
                });
    }

    @Test
    void rejectsASubItemLengthThatOverrunsItsItem() {
        byte[] bad = Pdus.ECHOSCU_ASSOCIATE_RQ.clone();
        int abstractSyntaxLength = 6 + 68 + 25 + 8 + 2; // the 0x30 sub-item's length field
        bad[abstractSyntaxLength] = (byte) 0x7F;

        assertThatThrownBy(() -> decode(bad))
                .isInstanceOfSatisfying(PduFormatException.class, e -> {
                    assertThat(e.offset()).isEqualTo(abstractSyntaxLength);
                    assertThat(e.limit()).isEqualTo(38);
                    assertThat(e.getMessage()).contains("item 0x30 length 32529 exceeds its enclosing item");
                });
    }

    @Test
    void rejectsAnUnknownPduTypeWithTheUnrecognizedPduReason() {
        assertThatThrownBy(() -> decode(Pdus.bytes("09 00 00000004 00000000")))
                .isInstanceOfSatisfying(PduFormatException.class, e -> {
                    assertThat(e.abortReason()).isEqualTo(Abort.REASON_UNRECOGNIZED_PDU);
                    assertThat(e.getMessage()).startsWith("unknown PDU type 0x09");
                });
    }

    @Test
    void reportsAConnectionClosedInsideAPdu() {
        byte[] truncated = java.util.Arrays.copyOf(Pdus.ECHOSCU_ASSOCIATE_RQ, 50);

        assertThatThrownBy(() -> decode(truncated)).isInstanceOf(EOFException.class)
                .hasMessageContaining("connection closed inside a PDU");
    }

    @Test
    void returnsNullAtACleanEndOfStream() throws IOException {
        assertThat(decode(new byte[0])).isNull();
    }
}
