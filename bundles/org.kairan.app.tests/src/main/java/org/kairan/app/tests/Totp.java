package org.kairan.app.tests;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as an authenticator app computes it; for tests only. */
final class Totp {

    private Totp() {
    }

    static String code(String base32Secret, Instant at) {
        byte[] key = base32(base32Secret);
        long counter = at.getEpochSecond() / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that stays valid for a few seconds more (waits for the next period when close to its end). */
    static String freshCode(String base32Secret) {
        long remaining = 30 - Instant.now().getEpochSecond() % 30;
        if (remaining < 4) {
            try {
                Thread.sleep(remaining * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return code(base32Secret, Instant.now());
    }

    static String secretOf(String otpauthUri) {
        for (String pair : otpauthUri.substring(otpauthUri.indexOf('?') + 1).split("&")) {
            if (pair.toLowerCase(Locale.ROOT).startsWith("secret=")) {
                return pair.substring("secret=".length());
            }
        }
        throw new IllegalArgumentException("no secret in " + otpauthUri);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
