package org.kairan.core.protocol;

/**
 * First step of a login: who and with which password, and the TOTP code when the person already
 * has a second factor enrolled.
 *
 * @param userId   職員番号 or the mail address
 * @param password the password
 * @param totpCode the 6-digit code from the authenticator app; {@code null} if not yet known
 */
public record LoginRequest(String userId, String password, String totpCode) {
    @Override
    public String toString() {
        return "LoginRequest[userId=" + userId + "]";
    }
}
