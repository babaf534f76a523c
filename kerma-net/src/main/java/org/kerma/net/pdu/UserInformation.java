package org.kerma.net.pdu;

import java.util.List;
import java.util.Optional;

/**
 * User information item (type 0x50, PS3.8 section 9.3.2.3 and Annex D) with its sub-items.
 *
 * @param maxLength                maximum length received (sub-item 0x51, PS3.8 D.1); 0 means unlimited
 * @param implementationClassUid   sub-item 0x52 (PS3.7 D.3.3.2)
 * @param implementationVersion    sub-item 0x55, or null
 * @param asyncOperationsWindow    sub-item 0x53, or null when not negotiated
 * @param roleSelections           sub-items 0x54
 * @param extendedNegotiations     sub-items 0x56
 * @param commonExtendedNegotiations sub-items 0x57 (requests only)
 * @param userIdentity             sub-item 0x58 (requests only), or null
 * @param userIdentityResponse     sub-item 0x59 server response (accepts only), or null
 */
public record UserInformation(long maxLength, String implementationClassUid, String implementationVersion,
                              AsyncOperationsWindow asyncOperationsWindow, List<RoleSelection> roleSelections,
                              List<ExtendedNegotiation> extendedNegotiations,
                              List<CommonExtendedNegotiation> commonExtendedNegotiations,
                              UserIdentity userIdentity, byte[] userIdentityResponse) {

    public UserInformation {
        roleSelections = List.copyOf(roleSelections);
        extendedNegotiations = List.copyOf(extendedNegotiations);
        commonExtendedNegotiations = List.copyOf(commonExtendedNegotiations);
    }

    /** Only the mandatory sub-items. */
    public static UserInformation of(long maxLength, String implementationClassUid, String implementationVersion) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersion, null, List.of(), List.of(),
                List.of(), null, null);
    }

    public UserInformation withRoleSelections(List<RoleSelection> roles) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersion, asyncOperationsWindow,
                roles, extendedNegotiations, commonExtendedNegotiations, userIdentity, userIdentityResponse);
    }

    public UserInformation withUserIdentity(UserIdentity identity) {
        return new UserInformation(maxLength, implementationClassUid, implementationVersion, asyncOperationsWindow,
                roleSelections, extendedNegotiations, commonExtendedNegotiations, identity, userIdentityResponse);
    }

    public Optional<RoleSelection> roleSelection(String sopClassUid) {
        return roleSelections.stream().filter(r -> r.sopClassUid().equals(sopClassUid)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserInformation u && u.maxLength == maxLength
                && u.implementationClassUid.equals(implementationClassUid)
                && java.util.Objects.equals(u.implementationVersion, implementationVersion)
                && java.util.Objects.equals(u.asyncOperationsWindow, asyncOperationsWindow)
                && u.roleSelections.equals(roleSelections) && u.extendedNegotiations.equals(extendedNegotiations)
                && u.commonExtendedNegotiations.equals(commonExtendedNegotiations)
                && java.util.Objects.equals(u.userIdentity, userIdentity)
                && java.util.Arrays.equals(u.userIdentityResponse, userIdentityResponse);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(maxLength, implementationClassUid, implementationVersion, roleSelections);
    }

    /** Asynchronous operations window (sub-item 0x53, PS3.7 D.3.3.3). */
    public record AsyncOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {
    }

    /**
     * SCP/SCU role selection (sub-item 0x54, PS3.7 D.3.3.4).
     *
     * @param sopClassUid the SOP class the roles are for
     * @param scuRole     proposed (RQ) or accepted (AC) SCU role
     * @param scpRole     proposed or accepted SCP role
     */
    public record RoleSelection(String sopClassUid, boolean scuRole, boolean scpRole) {
    }

    /** SOP class extended negotiation (sub-item 0x56, PS3.7 D.3.3.5): service-class-specific bytes. */
    public record ExtendedNegotiation(String sopClassUid, byte[] applicationInformation) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ExtendedNegotiation e && e.sopClassUid.equals(sopClassUid)
                    && java.util.Arrays.equals(e.applicationInformation, applicationInformation);
        }

        @Override
        public int hashCode() {
            return sopClassUid.hashCode() * 31 + java.util.Arrays.hashCode(applicationInformation);
        }
    }

    /** SOP class common extended negotiation (sub-item 0x57, PS3.7 D.3.3.6). */
    public record CommonExtendedNegotiation(String sopClassUid, String serviceClassUid,
                                            List<String> relatedGeneralSopClassUids) {
        public CommonExtendedNegotiation {
            relatedGeneralSopClassUids = List.copyOf(relatedGeneralSopClassUids);
        }
    }
}
