package org.kairan.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Cheap parameters so that the behaviour tests run fast; the format is the same. */
    private static final PasswordHasher.Parameters FAST = new PasswordHasher.Parameters(256, 1, 1, 16, 32);

    /** Made by the Argon2 reference implementation (phc-winner-argon2 test.c): password "password". */
    private static final String REFERENCE_SOMESALT =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    /** Made by argon2-cffi (libargon2): password "password", salt "somesalt01234567". */
    private static final String REFERENCE_16_BYTE_SALT =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQwMTIzNDU2Nw$JQsxRb/1mbOwOljowhJTfc/GbikYS7t/8Ku8D1WluS8";

    private final PasswordHasher fast = new PasswordHasher(FAST, new SecureRandom(), 2);

    @Test
    void theRightPasswordIsAccepted() {
        String stored = fast.hash("correct horse 電池 staple".toCharArray());
        assertTrue(fast.verify("correct horse 電池 staple".toCharArray(), stored),
                "the password that was hashed must verify");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Correct horse 電池 staple", "correct horse 電池 staple ", "correct horse 電地 staple",
            "", "correct horse"})
    void aWrongPasswordIsRejected(String wrong) {
        String stored = fast.hash("correct horse 電池 staple".toCharArray());
        assertFalse(fast.verify(wrong.toCharArray(), stored), "a different password must not verify: " + wrong);
    }

    @Test
    void theDefaultFormatIsAPhcArgon2idStringWithOwaspParameters() {
        PasswordHasher hasher = new PasswordHasher();
        String stored = hasher.hash("kairan-demo-2026".toCharArray());
        assertTrue(stored.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                "default hash must be $argon2id$v=19$m=19456,t=2,p=1$<16-byte salt>$<32-byte hash>: " + stored);
        assertTrue(hasher.verify("kairan-demo-2026".toCharArray(), stored), "default hash must verify");
        assertFalse(hasher.verify("kairan-demo-2027".toCharArray(), stored), "default hash rejects a wrong password");
    }

    @Test
    void hashesOfTheSamePasswordDifferBecauseOfTheSalt() {
        String first = fast.hash("同じパスワード".toCharArray());
        String second = fast.hash("同じパスワード".toCharArray());
        assertNotEquals(first, second, "each hash must have its own random salt");
        assertTrue(fast.verify("同じパスワード".toCharArray(), first) && fast.verify("同じパスワード".toCharArray(), second),
                "both hashes must verify");
    }

    @Test
    void hashesMadeByTheReferenceImplementationVerify() {
        PasswordHasher hasher = new PasswordHasher();
        assertTrue(hasher.verify("password".toCharArray(), REFERENCE_SOMESALT),
                "a PHC string from libargon2 must verify with its password");
        assertTrue(hasher.verify("password".toCharArray(), REFERENCE_16_BYTE_SALT),
                "a PHC string from argon2-cffi must verify with its password");
        assertFalse(hasher.verify("passwore".toCharArray(), REFERENCE_SOMESALT),
                "a PHC string from libargon2 must reject another password");
    }

    @Test
    void aTamperedStoredHashNoLongerVerifies() {
        String stored = fast.hash("秘密のことば".toCharArray());
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A')
                + stored.charAt(stored.length() - 1);
        assertFalse(fast.verify("秘密のことば".toCharArray(), tampered), "a changed hash must not verify");
        String otherSalt = stored.replaceFirst("\\$[A-Za-z0-9+/]{22}\\$", "\\$AAAAAAAAAAAAAAAAAAAAAA\\$");
        assertFalse(fast.verify("秘密のことば".toCharArray(), otherSalt), "a changed salt must not verify");
        String cheaper = stored.replace("m=256,t=1", "m=256,t=2");
        assertFalse(fast.verify("秘密のことば".toCharArray(), cheaper), "changed parameters must not verify");
    }

    @Test
    void fullWidthInputIsTheSamePasswordAsHalfWidth() {
        String stored = fast.hash("PassWord123".toCharArray());
        assertTrue(fast.verify("ＰａｓｓＷｏｒｄ１２３".toCharArray(), stored),
                "a password typed with the IME in full-width mode must match its half-width form (NFKC)");
    }

    @Test
    void composedAndDecomposedKanaAreTheSamePassword() {
        String stored = fast.hash("がっこう2026".toCharArray());
        assertTrue(fast.verify("\u304B\u3099\u3063\u3053\u3046\u0032\u0030\u0032\u0036".toCharArray(), stored),
                "が written as か + combining dakuten must match the precomposed が");
        assertTrue(fast.verify("ｶﾞｯｺｳ2026".toCharArray(), fast.hash("ガッコウ2026".toCharArray())),
                "half-width katakana must match full-width katakana");
    }

    @Test
    void theCallersPasswordArrayIsLeftUntouched() {
        char[] password = "ＦｕｌｌＷｉｄｔｈ".toCharArray();
        char[] copy = password.clone();
        String stored = fast.hash(password);
        fast.verify(password, stored);
        assertArrayEquals(copy, password, "hash and verify must not modify the caller's array");
    }

    @Test
    void theStoredParametersAreUsedForVerification() {
        PasswordHasher old = new PasswordHasher(new PasswordHasher.Parameters(128, 1, 1, 8, 16), new SecureRandom(), 1);
        String stored = old.hash("古い設定".toCharArray());
        assertTrue(fast.verify("古い設定".toCharArray(), stored),
                "a hash made with older parameters must still verify after the parameters change");
    }

    @Test
    void needsRehashWhenTheParametersChanged() {
        String current = fast.hash("pw".toCharArray());
        assertFalse(fast.needsRehash(current), "a hash with the current parameters needs no rehash");
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Parameters(512, 2, 1, 16, 32),
                new SecureRandom(), 1);
        assertTrue(stronger.needsRehash(current), "a hash with weaker parameters must be rehashed");
        assertTrue(fast.needsRehash(stronger.hash("pw".toCharArray())),
                "a hash with other parameters must be rehashed to the configured ones");
        assertTrue(new PasswordHasher().needsRehash(REFERENCE_SOMESALT),
                "an 8-byte salt and m=65536 differ from the defaults");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain-text-password", "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ",
            "$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA",
            "$argon2id$v=16$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$t=2,m=65536,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=abc,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=-1,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=99999999999,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=0$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNh!HQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$Q1RGaA",
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"})
    void aMalformedStoredStringIsAClearError(String malformed) {
        PasswordHasher.MalformedHashException e = assertThrows(PasswordHasher.MalformedHashException.class,
                () -> fast.verify("password".toCharArray(), malformed),
                "verify must refuse a stored string that is not an Argon2id PHC string: " + malformed);
        assertFalse(e.getMessage().isBlank(), "the exception must say what is wrong");
        assertThrows(PasswordHasher.MalformedHashException.class, () -> fast.needsRehash(malformed),
                "needsRehash must refuse it too");
    }

    @Test
    void aMissingStoredHashIsAClearError() {
        PasswordHasher.MalformedHashException e = assertThrows(PasswordHasher.MalformedHashException.class,
                () -> fast.verify("pw".toCharArray(), null), "null stored hash must be refused");
        assertEquals("no password hash stored", e.getMessage());
    }

    @Test
    void unknownUsersAreRejectedAfterTheSameWork() {
        assertFalse(fast.verifyForUnknownUser("anything".toCharArray()), "an unknown user never verifies");
        assertFalse(fast.verifyForUnknownUser(new char[0]), "an unknown user never verifies, even with empty input");
    }

    @Test
    void anEmptyPasswordHashesAndOnlyMatchesItself() {
        String stored = fast.hash(new char[0]);
        assertTrue(fast.verify(new char[0], stored), "the empty password verifies against its own hash");
        assertFalse(fast.verify(" ".toCharArray(), stored), "a space is not the empty password");
    }

    @Test
    void concurrentHashingIsCorrectWhenLimited() throws Exception {
        PasswordHasher limited = new PasswordHasher(FAST, new SecureRandom(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                char[] password = ("職員" + i).toCharArray();
                results.add(pool.submit(() -> limited.verify(password, limited.hash(password))
                        && !limited.verify("別人".toCharArray(), limited.hash(password))));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get(), "every concurrent hash must verify its own password only");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parametersOutsideSaneBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(19456, 2, 0, 16, 32),
                "parallelism 0 is impossible");
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(4, 2, 1, 16, 32),
                "less than 8 KiB per lane is impossible");
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(19456, 0, 1, 16, 32),
                "zero iterations is impossible");
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(19456, 2, 1, 4, 32),
                "a 4-byte salt is too short");
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Parameters(19456, 2, 1, 16, 8),
                "an 8-byte hash is too short");
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(FAST, new SecureRandom(), 0),
                "at least one hash must be allowed to run");
    }
}
