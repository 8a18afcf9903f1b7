package org.kairan.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private final SessionTokens tokens = new SessionTokens();

    @Test
    void aTokenIs256BitsOfBase64UrlWithoutPadding() {
        String token = tokens.newToken();
        assertEquals(43, token.length(), "32 bytes in unpadded Base64url are 43 characters");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "only URL-safe characters, no padding: " + token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length, "the token carries 256 bits");
        assertTrue(tokens.isWellFormed(token), "a new token is well formed");
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(tokens.newToken()), "a token must never repeat");
        }
    }

    @Test
    void theStoredHashIsHexSha256AndNotTheToken() {
        // echo -n 'abc' | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", tokens.hashOf("abc"),
                "hashOf is lower-case hex SHA-256");
        String token = tokens.newToken();
        String hash = tokens.hashOf(token);
        assertTrue(hash.matches("[0-9a-f]{64}"), "64 hex digits");
        assertFalse(hash.contains(token), "the stored value must not contain the token");
        assertEquals(hash, tokens.hashOf(token), "hashing is deterministic so the hash can be looked up");
        assertNotEquals(hash, tokens.hashOf(tokens.newToken()), "different tokens have different hashes");
    }

    @Test
    void matchesOnlyTheTokenTheHashWasMadeFrom() {
        String token = tokens.newToken();
        String stored = tokens.hashOf(token);
        assertTrue(tokens.matches(token, stored), "the token matches its own hash");
        assertFalse(tokens.matches(tokens.newToken(), stored), "another token does not match");
        assertFalse(tokens.matches(stored, stored), "presenting the stored hash as a token does not match");
        assertFalse(tokens.matches(null, stored), "no token never matches");
        assertFalse(tokens.matches(token, null), "no stored hash never matches");
    }

    @Test
    void garbageIsRecognisedBeforeAnyLookup() {
        String token = tokens.newToken();
        for (String garbage : new String[] {null, "", token.substring(1), token + "A", token.replace(token.charAt(0), '+'),
                token.substring(0, 42) + "=", "Bearer " + token.substring(7), "あ".repeat(43)}) {
            assertFalse(tokens.isWellFormed(garbage), "not a token: " + garbage);
        }
    }
}
