package org.kerma.net.pdu;

import java.nio.charset.StandardCharsets;

/**
 * User identity negotiation, request sub-item 0x58 (PS3.7 D.3.3.7.1).
 *
 * @param type                      1 username, 2 username and passcode, 3 Kerberos, 4 SAML, 5 JSON Web Token
 * @param positiveResponseRequested true when the requestor wants a 0x59 server response
 * @param primaryField              username or token bytes
 * @param secondaryField            passcode bytes (type 2), else empty
 */
public record UserIdentity(int type, boolean positiveResponseRequested, byte[] primaryField, byte[] secondaryField) {

    public static final int USERNAME = 1;
    public static final int USERNAME_AND_PASSCODE = 2;

    public static UserIdentity username(String username, boolean positiveResponseRequested) {
        return new UserIdentity(USERNAME, positiveResponseRequested, username.getBytes(StandardCharsets.UTF_8),
                new byte[0]);
    }

    public static UserIdentity usernameAndPasscode(String username, String passcode, boolean responseRequested) {
        return new UserIdentity(USERNAME_AND_PASSCODE, responseRequested, username.getBytes(StandardCharsets.UTF_8),
                passcode.getBytes(StandardCharsets.UTF_8));
    }

    /** The primary field as UTF-8 text (a username for types 1 and 2). */
    public String username() {
        return new String(primaryField, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserIdentity u && u.type == type && u.positiveResponseRequested == positiveResponseRequested
                && java.util.Arrays.equals(u.primaryField, primaryField)
                && java.util.Arrays.equals(u.secondaryField, secondaryField);
    }

    @Override
    public int hashCode() {
        return type * 31 + java.util.Arrays.hashCode(primaryField);
    }

    @Override
    public String toString() {
        return "UserIdentity[type " + type + ", user " + (type <= 2 ? username() : primaryField.length + " bytes")
                + ", response requested " + positiveResponseRequested + "]";
    }
}
