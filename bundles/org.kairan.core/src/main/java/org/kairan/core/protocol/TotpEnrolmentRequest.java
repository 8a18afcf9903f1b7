package org.kairan.core.protocol;

/**
 * Confirms a second-factor enrolment with the first code the authenticator app shows.
 *
 * @param enrolmentToken from {@link LoginResponse#enrolmentToken()}
 * @param code           the 6-digit code
 */
public record TotpEnrolmentRequest(String enrolmentToken, String code) {
}
