package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Uid;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.pdu.PresentationContextItem;
import org.kerma.net.pdu.PresentationContextResult;
import org.kerma.net.pdu.UserIdentity;
import org.kerma.net.pdu.UserInformation;
import org.kerma.net.pdu.UserInformation.RoleSelection;

class NegotiationTest {

    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private static AssociateRq request(UserInformation user, PresentationContextItem... items) {
        return new AssociateRq(1, "KERMA", "CT1", Uid.DICOMApplicationContext, List.of(items), user);
    }

    private static UserInformation user() {
        return UserInformation.of(16384, "1.2.3", "X");
    }

    @Test
    void acceptsEachContextWithTheAcceptorsPreferredTransferSyntax() {
        AeConfig config = AeConfig.of("KERMA", 0);
        AssociateRq rq = request(user(),
                new PresentationContextItem(1, Uid.CTImageStorage, List.of(IMPLICIT, EXPLICIT)),
                new PresentationContextItem(3, Uid.CTImageStorage, List.of(JPEG_BASELINE)));

        AssociateAc ac = Negotiation.answer(config, rq, s -> true, false);

        assertThat(ac.presentationContexts()).containsExactly(
                new PresentationContextResult(1, 0, EXPLICIT),
                new PresentationContextResult(3, 0, JPEG_BASELINE));
    }

    @Test
    void followsAConfiguredOrderOfPreference() {
        AeConfig config = AeConfig.of("KERMA", 0).withTransferSyntaxes(List.of(IMPLICIT, EXPLICIT));
        AssociateRq rq = request(user(), new PresentationContextItem(1, Uid.Verification, List.of(EXPLICIT, IMPLICIT)));

        assertThat(Negotiation.answer(config, rq, s -> true, false).presentationContexts())
                .containsExactly(new PresentationContextResult(1, 0, IMPLICIT));
    }

    @Test
    void givesEachRejectionItsResultCode() {
        AeConfig config = AeConfig.of("KERMA", 0).withTransferSyntaxes(List.of(EXPLICIT, IMPLICIT));
        AssociateRq rq = request(user(),
                new PresentationContextItem(1, "1.2.3.4.5.6", List.of(EXPLICIT)),
                new PresentationContextItem(3, Uid.CTImageStorage, List.of(JPEG_BASELINE)),
                new PresentationContextItem(5, Uid.StudyRootQueryRetrieveInformationModelFind, List.of(EXPLICIT)),
                new PresentationContextItem(6, Uid.Verification, List.of(EXPLICIT)),
                new PresentationContextItem(7, Uid.Verification, List.of(EXPLICIT)),
                new PresentationContextItem(7, Uid.Verification, List.of(EXPLICIT)));

        AssociateAc ac = Negotiation.answer(config, rq, s -> !s.equals(Uid.StudyRootQueryRetrieveInformationModelFind),
                false);

        assertThat(ac.presentationContexts()).extracting(PresentationContextResult::result).containsExactly(
                PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                PresentationContextResult.USER_REJECTION,
                PresentationContextResult.NO_REASON,
                PresentationContextResult.ACCEPTANCE,
                PresentationContextResult.NO_REASON);
    }

    @Test
    void grantsTheScpRoleForStorageOnlyWhenTheNodeAnswersCGet() {
        AssociateRq rq = request(user().withRoleSelections(List.of(new RoleSelection(Uid.CTImageStorage, true, true))),
                new PresentationContextItem(1, Uid.CTImageStorage, List.of(EXPLICIT)));

        AssociateAc withGet = Negotiation.answer(AeConfig.of("KERMA", 0), rq, s -> false, true);
        AssociateAc withoutGet = Negotiation.answer(AeConfig.of("KERMA", 0), rq, s -> false, false);

        assertThat(withGet.userInformation().roleSelections())
                .containsExactly(new RoleSelection(Uid.CTImageStorage, true, true));
        assertThat(withGet.presentationContexts().get(0).accepted()).isTrue();
        assertThat(withoutGet.userInformation().roleSelections())
                .containsExactly(new RoleSelection(Uid.CTImageStorage, true, false));
        assertThat(withoutGet.presentationContexts().get(0).result())
                .isEqualTo(PresentationContextResult.USER_REJECTION);
    }

    @Test
    void answersAUserIdentityThatAsksForAPositiveResponse() {
        AssociateRq rq = request(user().withUserIdentity(UserIdentity.usernameAndPasscode("alice", "pw", true)),
                new PresentationContextItem(1, Uid.Verification, List.of(EXPLICIT)));

        AssociateAc ac = Negotiation.answer(AeConfig.of("KERMA", 0), rq, s -> true, false);

        assertThat(ac.userInformation().userIdentityResponse()).isEmpty();
        assertThat(ac.userInformation().maxLength()).isEqualTo(AeConfig.DEFAULT_MAX_PDU_LENGTH);
    }

    @Test
    void offersEveryStorageSopClassOfTheRegistryIncludingDoseReports() {
        assertThat(SopClasses.storage()).contains(Uid.CTImageStorage, Uid.XRayRadiationDoseSRStorage,
                "1.2.840.10008.5.1.4.1.1.88.76", "1.2.840.10008.5.1.4.1.1.481.2", "1.2.840.10008.5.1.4.1.1.104.1",
                "1.2.840.10008.5.1.4.1.1.200.1")
                .doesNotContain("1.2.840.10008.1.20.1", "1.2.840.10008.1.3.10");
        assertThat(SopClasses.storage().size()).isGreaterThan(150);
        assertThat(AeConfig.of("KERMA", 0).sopClasses()).containsAll(SopClasses.storage());
    }
}
