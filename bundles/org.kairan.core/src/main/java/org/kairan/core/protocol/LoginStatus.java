package org.kairan.core.protocol;

/** Where a login stands after the server has checked what it was given. */
public enum LoginStatus {
    /** Password and second factor are right: the response carries a session token. */
    AUTHENTICATED,
    /** The password is right; ask for the TOTP code and send the login again with it. */
    TOTP_REQUIRED,
    /**
     * The password is right and the person has no second factor yet: show the otpauth URI as a QR
     * code and confirm the enrolment with a code from the app.
     */
    TOTP_ENROLMENT_REQUIRED
}
