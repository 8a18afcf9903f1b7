package org.kairan.core.protocol;

import java.time.Instant;
import java.time.ZoneId;

/**
 * The server's answer to a login or an enrolment confirmation.
 *
 * @param status         what happens next
 * @param sessionToken   the bearer token, only when {@link LoginStatus#AUTHENTICATED}
 * @param expiresAt      when the session ends unless renewed by use
 * @param user           the person, only when authenticated
 * @param officeZone     the office's time zone (an IANA id such as {@code Asia/Tokyo}), only when authenticated:
 *                       a desktop reckons "today" (the directory's day, 起案日, 和暦 dates) in it, not in its own
 *                       zone, so a laptop set to UTC agrees with the server after 0:00 JST
 * @param enrolmentToken short-lived token that ties the enrolment confirmation to this password
 *                       check, only when {@link LoginStatus#TOTP_ENROLMENT_REQUIRED}
 * @param otpauthUri     {@code otpauth://totp/...} URI to show as a QR code, only when enrolling
 */
public record LoginResponse(LoginStatus status, String sessionToken, Instant expiresAt, SessionUser user,
        String officeZone, String enrolmentToken, String otpauthUri) {

    public static LoginResponse authenticated(String token, Instant expiresAt, SessionUser user, ZoneId officeZone) {
        return new LoginResponse(LoginStatus.AUTHENTICATED, token, expiresAt, user, officeZone.getId(), null, null);
    }

    public static LoginResponse totpRequired() {
        return new LoginResponse(LoginStatus.TOTP_REQUIRED, null, null, null, null, null, null);
    }

    public static LoginResponse enrolmentRequired(String enrolmentToken, String otpauthUri) {
        return new LoginResponse(LoginStatus.TOTP_ENROLMENT_REQUIRED, null, null, null, null, enrolmentToken,
                otpauthUri);
    }

    @Override
    public String toString() {
        return "LoginResponse[status=" + status + ", user=" + (user == null ? null : user.staffNo()) + "]";
    }
}
