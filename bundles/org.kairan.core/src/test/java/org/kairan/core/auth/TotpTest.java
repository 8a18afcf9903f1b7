package org.kairan.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static Totp at(Instant now) {
        return new Totp(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Totp at(long epochSecond) {
        return at(Instant.ofEpochSecond(epochSecond));
    }

    @ParameterizedTest(name = "RFC 6238 Appendix B, T={0}s → {1}")
    @CsvSource({
        "59,          94287082",
        "1111111109,  07081804",
        "1111111111,  14050471",
        "1234567890,  89005924",
        "2000000000,  69279037",
        "20000000000, 65353130"})
    void matchesTheRfc6238Sha1Vectors(long epochSecond, String expected) {
        Totp totp = new Totp(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC), 8,
                Duration.ofSeconds(30), new SecureRandom());
        assertEquals(expected, totp.codeAt(RFC_SEED, totp.currentStep()),
                "8-digit HMAC-SHA1 code at T=" + epochSecond + " must be the RFC 6238 value");
        assertEquals(OptionalLong.of(totp.currentStep()), totp.verify(RFC_SEED, expected, Totp.NEVER_USED),
                "the RFC code must verify at its own time");
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheRfcValues() {
        Totp totp = at(1111111109);
        assertEquals("081804", totp.codeAt(RFC_SEED, totp.currentStep()),
                "6-digit code keeps leading zeros (RFC 4226 truncation modulo 10^6)");
    }

    @Test
    void aCodeCanBeUsedOnlyOnce() {
        Totp totp = at(1_800_000_000L);
        byte[] secret = totp.newSecret();
        String code = totp.codeAt(secret, totp.currentStep());
        OptionalLong first = totp.verify(secret, code, Totp.NEVER_USED);
        assertTrue(first.isPresent(), "a fresh code must be accepted");
        assertEquals(totp.currentStep(), first.getAsLong(), "the matched step is the current one");
        assertTrue(totp.verify(secret, code, first.getAsLong()).isEmpty(),
                "the same code must be refused once its step is stored as used");
    }

    @Test
    void anOlderCodeIsRefusedAfterANewerOneWasUsed() {
        Totp totp = at(1_800_000_000L);
        byte[] secret = totp.newSecret();
        long now = totp.currentStep();
        OptionalLong newer = totp.verify(secret, totp.codeAt(secret, now + 1), Totp.NEVER_USED);
        assertEquals(OptionalLong.of(now + 1), newer, "the next step's code is accepted for clock drift");
        assertTrue(totp.verify(secret, totp.codeAt(secret, now), newer.getAsLong()).isEmpty(),
                "a code older than the last used one must be refused");
        assertTrue(totp.verify(secret, totp.codeAt(secret, now - 1), newer.getAsLong()).isEmpty(),
                "a code older than the last used one must be refused");
    }

    @Test
    void oneStepOfClockDriftEitherWayIsAccepted() {
        Totp totp = at(1_800_000_015L);
        byte[] secret = totp.newSecret();
        long now = totp.currentStep();
        assertEquals(OptionalLong.of(now - 1), totp.verify(secret, totp.codeAt(secret, now - 1), Totp.NEVER_USED),
                "the previous step's code is accepted (phone 30 s behind)");
        assertEquals(OptionalLong.of(now + 1), totp.verify(secret, totp.codeAt(secret, now + 1), Totp.NEVER_USED),
                "the next step's code is accepted (phone 30 s ahead)");
        assertTrue(totp.verify(secret, totp.codeAt(secret, now - 2), Totp.NEVER_USED).isEmpty(),
                "a code two steps old is refused");
        assertTrue(totp.verify(secret, totp.codeAt(secret, now + 2), Totp.NEVER_USED).isEmpty(),
                "a code two steps ahead is refused");
    }

    @Test
    void aCodeExpiresAfterItsWindow() {
        byte[] secret = at(0).newSecret();
        Instant issued = Instant.parse("2026-11-26T05:00:00Z");
        String code = at(issued).codeAt(secret, at(issued).currentStep());
        assertTrue(at(issued.plusSeconds(59)).verify(secret, code, Totp.NEVER_USED).isPresent(),
                "a code from the previous step is still accepted within the drift window");
        assertTrue(at(issued.plusSeconds(60)).verify(secret, code, Totp.NEVER_USED).isEmpty(),
                "a code two steps old is no longer accepted");
    }

    @Test
    void aWrongCodeIsRefused() {
        Totp totp = at(1_800_000_000L);
        byte[] secret = totp.newSecret();
        String right = totp.codeAt(secret, totp.currentStep());
        String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
        assertTrue(totp.verify(secret, wrong, Totp.NEVER_USED).isEmpty(), "a wrong code must be refused");
        assertTrue(totp.verify(totp.newSecret(), right, Totp.NEVER_USED).isEmpty(),
                "another person's code must be refused");
    }

    @Test
    void fullWidthDigitsAndSpacesAreAccepted() {
        Totp totp = at(1_800_000_000L);
        byte[] secret = totp.newSecret();
        String code = totp.codeAt(secret, totp.currentStep());
        StringBuilder fullWidth = new StringBuilder();
        for (char c : code.toCharArray()) {
            fullWidth.append((char) ('０' + (c - '0')));
        }
        fullWidth.insert(3, '　');
        assertTrue(totp.verify(secret, fullWidth.toString(), Totp.NEVER_USED).isPresent(),
                "a code typed in full-width digits with an ideographic space must be accepted: " + fullWidth);
        assertTrue(totp.verify(secret, " " + code.substring(0, 3) + " " + code.substring(3) + " ", Totp.NEVER_USED)
                .isPresent(), "spaces around and inside the code are ignored");
    }

    @Test
    void malformedCodesAreRefusedWithoutError() {
        Totp totp = at(1_800_000_000L);
        byte[] secret = totp.newSecret();
        String code = totp.codeAt(secret, totp.currentStep());
        for (String malformed : new String[] {null, "", "12345", "1234567", "abcdef", "12345a", "-12345",
                code + "0", "0" + code, code.substring(0, 5) + "٣"}) {
            assertTrue(totp.verify(secret, malformed, Totp.NEVER_USED).isEmpty(),
                    "a malformed code must simply be refused: " + malformed);
        }
    }

    @Test
    void secretsAre160RandomBits() {
        Totp totp = at(0);
        byte[] a = totp.newSecret();
        byte[] b = totp.newSecret();
        assertEquals(20, a.length, "a secret is 160 bits");
        assertFalse(java.util.Arrays.equals(a, b), "two secrets must differ");
    }

    @Test
    void otpauthUriPercentEncodesJapaneseIssuerAndAccount() {
        Totp totp = at(0);
        byte[] secret = RFC_SEED;
        String uri = totp.otpauthUri("伊織市 回覧", "120002", secret);
        String issuer = "%E4%BC%8A%E7%B9%94%E5%B8%82%20%E5%9B%9E%E8%A6%A7";
        assertEquals("otpauth://totp/" + issuer + ":120002?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=" + issuer
                + "&algorithm=SHA1&digits=6&period=30", uri,
                "label issuer:account and issuer parameter in UTF-8 percent-encoding, space as %20");
        URI parsed = URI.create(uri);
        assertEquals("otpauth", parsed.getScheme());
        assertEquals("totp", parsed.getHost());
        assertEquals("/伊織市 回覧:120002", parsed.getPath(), "the label decodes to issuer:account");
        Map<String, String> query = new HashMap<>();
        for (String pair : parsed.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals("伊織市 回覧", query.get("issuer"), "the issuer parameter decodes to the Japanese issuer");
        assertEquals(secret.length, new Base32().decode(query.get("secret")).length, "the secret round-trips");
        assertFalse(uri.contains("+"), "spaces must never be written as +");
        assertFalse(uri.contains("="+ "="), "the secret carries no Base32 padding");
    }

    @Test
    void otpauthUriEncodesReservedCharactersInAccountNames() {
        String uri = at(0).otpauthUri("Kairan", "さとう@city.example.jp/#1?&", new byte[20]);
        assertTrue(uri.startsWith("otpauth://totp/Kairan:%E3%81%95%E3%81%A8%E3%81%86%40city.example.jp%2F%231%3F%26?"),
                "@ / # ? & in the account must be escaped so they cannot end the label: " + uri);
    }

    @Test
    void otpauthUriRefusesAmbiguousLabels() {
        Totp totp = at(0);
        assertThrows(IllegalArgumentException.class, () -> totp.otpauthUri("伊織市:回覧", "120002", new byte[20]),
                "a colon in the issuer would split the label wrongly");
        assertTrue(totp.otpauthUri("伊織市", "120002 佐藤：花子", new byte[20]).contains(":120002%20"),
                "a full-width colon is an ordinary character, not a separator");
        assertThrows(IllegalArgumentException.class, () -> totp.otpauthUri(" ", "120002", new byte[20]),
                "a blank issuer is refused");
    }

    @Test
    void codesChangeEveryThirtySeconds() {
        byte[] secret = RFC_SEED;
        Totp early = at(1_800_000_010L);
        Totp sameStep = at(1_800_000_019L);
        Totp nextStep = at(1_800_000_040L);
        assertEquals(early.currentStep(), sameStep.currentStep(), "within one 30 s step the step is the same");
        assertEquals(early.currentStep() + 1, nextStep.currentStep(), "30 s later the step advances");
        assertNotEquals(early.codeAt(secret, early.currentStep()), nextStep.codeAt(secret, nextStep.currentStep()),
                "the code of the next step differs (for this seed)");
    }

    @Test
    void unsupportedSettingsAreRefused() {
        Clock clock = Clock.systemUTC();
        assertThrows(IllegalArgumentException.class, () -> new Totp(clock, 5, Duration.ofSeconds(30), new SecureRandom()),
                "fewer than 6 digits is refused");
        assertThrows(IllegalArgumentException.class, () -> new Totp(clock, 6, Duration.ofMillis(1500), new SecureRandom()),
                "a step that is not whole seconds is refused");
    }
}
