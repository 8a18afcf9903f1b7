package org.kairan.client.testing;

import java.time.Clock;
import java.util.Locale;

import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;

/**
 * What an authenticator app does with one enrolled account: codes from the Base32 secret of the otpauth
 * URI, computed by core's RFC 6238 {@link Totp} (the one the server verifies with). The server accepts a
 * code for the current step ±1 and each step only once per account (docs/API.md), so {@link #nextCode()}
 * remembers the steps it gave out and hands out the next unused one, waiting for the clock only when
 * both acceptable steps are used up.
 * Use one instance per account for everything that logs in as that account.
 */
public final class Authenticator {

    private final String secret;
    private final byte[] key;
    private final Clock clock;
    private final Totp totp;
    private long lastStepGiven = Long.MIN_VALUE;

    public Authenticator(String base32Secret) {
        this(base32Secret, Clock.systemUTC());
    }

    /** An authenticator whose time comes from {@code clock} (a server running on a moved clock). */
    public Authenticator(String base32Secret, Clock clock) {
        this.secret = base32Secret.replace(" ", "").toUpperCase(Locale.ROOT);
        this.key = new Base32().decode(secret);
        this.clock = clock;
        this.totp = new Totp(clock);
    }

    /** An authenticator for the account of an {@code otpauth://totp/…?secret=…} URI (the enrolment QR code). */
    public static Authenticator fromUri(String otpauthUri) {
        return new Authenticator(secretOf(otpauthUri));
    }

    /** The same, on another clock. */
    public static Authenticator fromUri(String otpauthUri, Clock clock) {
        return new Authenticator(secretOf(otpauthUri), clock);
    }

    /** The Base32 secret of an otpauth URI. */
    public static String secretOf(String otpauthUri) {
        for (String pair : otpauthUri.substring(otpauthUri.indexOf('?') + 1).split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("secret=")) {
                return pair.substring("secret=".length());
            }
        }
        throw new IllegalArgumentException("no secret in " + otpauthUri);
    }

    public String secret() {
        return secret;
    }

    /**
     * A code the server accepts now and has not seen yet: the current step or the next one (both inside
     * the server's ±30 s window, also when a step boundary passes while the request travels), whichever
     * is unused; when both were given out, waits for the next step.
     */
    public synchronized String nextCode() {
        while (true) {
            long now = totp.currentStep();
            for (long candidate = now; candidate <= now + 1; candidate++) {
                if (candidate > lastStepGiven) {
                    lastStepGiven = candidate;
                    return codeAt(candidate);
                }
            }
            long stepMillis = Totp.DEFAULT_STEP.toMillis();
            long millisToNextStep = stepMillis - clock.millis() % stepMillis;
            try {
                Thread.sleep(millisToNextStep + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the next TOTP step", e);
            }
        }
    }

    /** A six-digit code that is wrong for every step the server accepts now. */
    public String wrongCode() {
        long now = totp.currentStep();
        for (int candidate = 0; ; candidate += 111_111) {
            String code = String.format(Locale.ROOT, "%06d", candidate % 1_000_000);
            boolean valid = false;
            for (long s = now - 2; s <= now + 2; s++) {
                valid |= totp.codeAt(key, s).equals(code);
            }
            if (!valid) {
                return code;
            }
        }
    }

    private String codeAt(long step) {
        return totp.codeAt(key, step);
    }
}
