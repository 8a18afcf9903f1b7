package org.kairan.app.tests;

import java.util.Map;

/**
 * What the activator prepared, registered as an OSGi service for the tests: the server's address and
 * the TOTP secrets of the demo accounts it enrolled.
 */
public record TestServer(String url, Map<String, String> totpSecrets) {

    /** The demo password of every demo account (README). */
    public static final String DEMO_PASSWORD = "kairan-demo-2026";
    /** Enrolled by the activator; the application starts logged in as this 財政課 主事. */
    public static final String FIRST_USER = "120002";
    /** Never enrolled: its first login goes through the QR code page. */
    public static final String NEW_USER = "130001";
    /** Used to drive an account into lockout without disturbing the others. */
    public static final String LOCKOUT_USER = "840038";
}
