package org.kairan.core.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords of RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits by default), the
 * codes Google Authenticator, Microsoft Authenticator, IIJ SmartKey and similar apps show.
 *
 * <p>A code is accepted for the current step and one step either side (RFC 6238 §5.2, clock drift of up
 * to 30 s), and only for a step later than the last one the person used: {@link #verify} returns the
 * matched step, the caller stores it, and the same code (or an older one) can never be used again
 * (RFC 6238 §5.2, "the verifier MUST NOT accept the second attempt of the OTP").
 *
 * <p>Thread-safe.
 */
public final class Totp {

    public static final int DEFAULT_DIGITS = 6;
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(30);
    /** 160-bit secrets, the HMAC-SHA1 block-size recommendation of RFC 4226 §4. */
    public static final int SECRET_BYTES = 20;
    /** {@code lastUsedStep} of a person who has never used a code (steps count from 0 at 1970-01-01). */
    public static final long NEVER_USED = -1;
    /** Steps accepted before and after the current one. */
    public static final int ALLOWED_DRIFT_STEPS = 1;

    private static final String HMAC = "HmacSHA1";
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
            10_000_000L, 100_000_000L, 1_000_000_000L};

    private final Clock clock;
    private final int digits;
    private final long stepSeconds;
    private final SecureRandom random;

    /** 6 digits, 30-second steps. */
    public Totp(Clock clock) {
        this(clock, DEFAULT_DIGITS, DEFAULT_STEP, new SecureRandom());
    }

    public Totp(Clock clock, int digits, Duration step, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (digits < 6 || digits > 9) {
            throw new IllegalArgumentException("digits must be 6..9: " + digits);
        }
        if (step.isNegative() || step.toSeconds() < 1 || step.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("step must be a whole number of seconds: " + step);
        }
        this.digits = digits;
        this.stepSeconds = step.toSeconds();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random 160-bit secret; show it to the person once (QR code) and store it. */
    public byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    /** The step the clock is in now. */
    public long currentStep() {
        return stepAt(clock.instant());
    }

    /** The step an instant falls in: seconds since 1970-01-01T00:00:00Z divided by the step length. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), stepSeconds);
    }

    /** The code for a step, with leading zeros (RFC 4226 §5.3 dynamic truncation). */
    public String codeAt(byte[] secret, long step) {
        byte[] hmac = hmac(secret, step);
        int offset = hmac[hmac.length - 1] & 0x0f;
        int binary = ((hmac[offset] & 0x7f) << 24)
                | ((hmac[offset + 1] & 0xff) << 16)
                | ((hmac[offset + 2] & 0xff) << 8)
                | (hmac[offset + 3] & 0xff);
        long code = binary % POWERS_OF_TEN[digits];
        StringBuilder text = new StringBuilder(Long.toString(code));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    /**
     * Checks a code typed by the person. Full-width digits (typed with the IME on) and spaces are
     * accepted: {@code "１２３ ４５６"} is {@code "123456"}.
     *
     * @param secret       the person's secret
     * @param code         what they typed
     * @param lastUsedStep the step of the last code they used, or {@link #NEVER_USED}
     * @return the step the code belongs to, to store as the new {@code lastUsedStep}; empty when the code
     *         is wrong, malformed, too old or already used
     */
    public OptionalLong verify(byte[] secret, String code, long lastUsedStep) {
        Objects.requireNonNull(secret, "secret");
        if (code == null) {
            return OptionalLong.empty();
        }
        String typed = Normalizer.normalize(code, Normalizer.Form.NFKC).replaceAll("\\s", "");
        if (typed.length() != digits || !typed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] typedBytes = typed.getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        long matched = Long.MIN_VALUE;
        for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(typedBytes, codeAt(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    /**
     * The {@code otpauth://totp/} URI an authenticator app reads from a QR code (Google's Key URI
     * Format): label {@code issuer:accountName} and the {@code issuer} parameter, both percent-encoded as
     * UTF-8 (spaces as {@code %20}, never {@code +}), the secret in Base32 without padding.
     *
     * @throws IllegalArgumentException when the issuer or account name is blank or contains a colon,
     *                                  which would make the label ambiguous
     */
    public String otpauthUri(String issuer, String accountName, byte[] secret) {
        requireLabelPart(issuer, "issuer");
        requireLabelPart(accountName, "accountName");
        return "otpauth://totp/" + percentEncode(issuer) + ":" + percentEncode(accountName)
                + "?secret=" + new Base32().encodeWithoutPadding(secret)
                + "&issuer=" + percentEncode(issuer)
                + "&algorithm=SHA1&digits=" + digits + "&period=" + stepSeconds;
    }

    private static void requireLabelPart(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a colon: " + value);
        }
    }

    /** RFC 3986 percent-encoding of UTF-8: everything but the unreserved characters is escaped. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0x0f, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Totp[" + digits + " digits, " + stepSeconds + " s]";
    }
}
