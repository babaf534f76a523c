package org.kerma.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.kerma.dicom.io.FileMetaInformation;
import org.kerma.net.pdu.AssociateAc;
import org.kerma.net.pdu.AssociateRq;
import org.kerma.net.pdu.PresentationContextItem;
import org.kerma.net.pdu.PresentationContextResult;
import org.kerma.net.pdu.UserIdentity;
import org.kerma.net.pdu.UserInformation;
import org.kerma.net.pdu.UserInformation.RoleSelection;

/**
 * The acceptor's side of presentation-context negotiation (PS3.8 section 7.1.1.13, PS3.7 Annex D.3.3.4): for each
 * proposed context, result 0 with the first transfer syntax in the node's order of preference that the requestor
 * offered; 1 (user-rejection) for a SOP class the node lists but has no service for; 2 (no-reason) for an invalid
 * or repeated context ID; 3 for an abstract syntax the node does not support; 4 when no proposed transfer syntax
 * is acceptable.
 */
final class Negotiation {

    private Negotiation() {
    }

    /**
     * @param served which of the configured SOP classes have a service installed
     * @param canActAsStorageScu true when the node may send C-STOREs to the requestor (it has a C-GET handler)
     */
    static AssociateAc answer(AeConfig config, AssociateRq rq, Predicate<String> served, boolean canActAsStorageScu) {
        List<PresentationContextResult> results = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (PresentationContextItem pc : rq.presentationContexts()) {
            boolean retrievable = canActAsStorageScu && SopClasses.storage().contains(pc.abstractSyntax())
                    && rq.userInformation().roleSelection(pc.abstractSyntax()).map(RoleSelection::scpRole)
                    .orElse(false);
            results.add(result(config, pc, seen, served.or(s -> retrievable)));
        }
        List<RoleSelection> roles = new ArrayList<>();
        for (RoleSelection r : rq.userInformation().roleSelections()) {
            boolean storage = SopClasses.storage().contains(r.sopClassUid());
            roles.add(new RoleSelection(r.sopClassUid(), r.scuRole(), r.scpRole() && storage && canActAsStorageScu));
        }
        UserIdentity identity = rq.userInformation().userIdentity();
        byte[] identityResponse = identity != null && identity.positiveResponseRequested()
                && identity.type() <= UserIdentity.USERNAME_AND_PASSCODE ? new byte[0] : null;
        UserInformation user = new UserInformation(config.maxPduLength(), FileMetaInformation.IMPLEMENTATION_CLASS_UID,
                FileMetaInformation.IMPLEMENTATION_VERSION_NAME, null, roles, List.of(), List.of(), null,
                identityResponse);
        return new AssociateAc(1, rq.calledAe(), rq.callingAe(), rq.applicationContext(), results, user);
    }

    private static PresentationContextResult result(AeConfig config, PresentationContextItem pc, Set<Integer> seen,
                                                    Predicate<String> served) {
        int id = pc.id();
        if (id % 2 == 0 || !seen.add(id)) {
            return new PresentationContextResult(id, PresentationContextResult.NO_REASON, "");
        }
        if (!config.sopClasses().contains(pc.abstractSyntax())) {
            return new PresentationContextResult(id, PresentationContextResult.ABSTRACT_SYNTAX_NOT_SUPPORTED, "");
        }
        if (!served.test(pc.abstractSyntax())) {
            return new PresentationContextResult(id, PresentationContextResult.USER_REJECTION, "");
        }
        for (String ts : config.transferSyntaxes()) {
            if (pc.transferSyntaxes().contains(ts)) {
                return new PresentationContextResult(id, PresentationContextResult.ACCEPTANCE, ts);
            }
        }
        return new PresentationContextResult(id, PresentationContextResult.TRANSFER_SYNTAXES_NOT_SUPPORTED, "");
    }
}
