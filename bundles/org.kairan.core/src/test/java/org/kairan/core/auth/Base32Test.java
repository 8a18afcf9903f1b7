package org.kairan.core.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

    private final Base32 base32 = new Base32();

    @ParameterizedTest(name = "RFC 4648 §10: BASE32(\"{0}\") = \"{1}\"")
    @CsvSource(value = {
        "'',       ''",
        "f,        MY======",
        "fo,       MZXQ====",
        "foo,      MZXW6===",
        "foob,     MZXW6YQ=",
        "fooba,    MZXW6YTB",
        "foobar,   MZXW6YTBOI======"})
    void matchesTheRfc4648TestVectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, base32.encode(bytes), "encoding must match RFC 4648 §10");
        assertArrayEquals(bytes, base32.decode(encoded), "decoding must invert the RFC 4648 vector");
        assertEquals(encoded.replace("=", ""), base32.encodeWithoutPadding(bytes), "unpadded form drops only '='");
        assertArrayEquals(bytes, base32.decode(encoded.replace("=", "")), "padding is optional when decoding");
    }

    @Test
    void decodingForgivesHowPeopleTypeKeys() {
        byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(secret, base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"),
                "lower case and spaces between groups of four are accepted");
        assertArrayEquals(secret, base32.decode("GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ"),
                "hyphens between groups are accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"MY0=====", "MZXW1===", "MZXW8===", "MZ!Q", "M", "MZX", "MZXW6Y", "MY======MY",
            "MY=", "ＭＹ"})
    void invalidTextIsRefused(String invalid) {
        assertThrows(IllegalArgumentException.class, () -> base32.decode(invalid),
                "not Base32, must be refused: " + invalid);
    }

    @Test
    void randomBytesRoundTrip() {
        Random random = new Random(4648);
        for (int length = 0; length < 64; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertArrayEquals(bytes, base32.decode(base32.encode(bytes)), "padded round trip of " + length + " bytes");
            assertArrayEquals(bytes, base32.decode(base32.encodeWithoutPadding(bytes)),
                    "unpadded round trip of " + length + " bytes");
        }
    }
}
