package org.kairan.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Bearer tokens for sessions (and for other short-lived secrets such as the TOTP enrolment token).
 *
 * <p>A token is 256 random bits written as Base64url without padding (43 characters). Only its
 * {@link #hashOf SHA-256} is stored, so a copy of the database does not let anyone use a session; a
 * lookup by hash needs no constant-time comparison because the attacker does not know the hash of
 * the token they would have to guess.
 *
 * <p>Thread-safe.
 */
public final class SessionTokens {

    /** Random bytes per token. */
    public static final int TOKEN_BYTES = 32;
    /** Characters of a token: 32 bytes in Base64url without padding. */
    public static final int TOKEN_LENGTH = 43;

    private final SecureRandom random;

    public SessionTokens() {
        this(new SecureRandom());
    }

    public SessionTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new random token to hand to the client once. */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a string has the shape of a token (43 Base64url characters), so that a request with
     * garbage in its {@code Authorization} header can be refused before any database lookup.
     */
    public boolean isWellFormed(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean base64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!base64url) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case hex SHA-256 of the token's characters, the value stored and looked up. */
    public String hashOf(String token) {
        Objects.requireNonNull(token, "token");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Whether a token is the one a stored hash was made from; the time taken does not depend on where they differ. */
    public boolean matches(String token, String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hashOf(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
