package org.kairan.core.auth;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * Base32 of RFC 4648 §6 (alphabet {@code A–Z 2–7}), the encoding of TOTP secrets in {@code otpauth://}
 * URIs and in the "enter this key" text of authenticator apps.
 *
 * <p>Decoding is forgiving where people type a key by hand: lower case, spaces and hyphens between
 * groups, and missing padding are accepted. Anything else (a {@code 0}, {@code 1}, {@code 8}, a
 * character outside the alphabet, an impossible length) is rejected.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    /** With {@code =} padding to a multiple of 8 characters, as RFC 4648 writes it. */
    public String encode(byte[] data) {
        String unpadded = encodeWithoutPadding(data);
        StringBuilder padded = new StringBuilder(unpadded);
        while (padded.length() % 8 != 0) {
            padded.append('=');
        }
        return padded.toString();
    }

    /** Without padding, as {@code otpauth://} URIs carry the secret. */
    public String encodeWithoutPadding(byte[] data) {
        Objects.requireNonNull(data, "data");
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1f]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 0x1f]);
        }
        return out.toString();
    }

    /**
     * @throws IllegalArgumentException when the text is not Base32
     */
    public byte[] decode(CharSequence text) {
        Objects.requireNonNull(text, "text");
        StringBuilder symbols = new StringBuilder(text.length());
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c == '=') {
                padding++;
                continue;
            }
            if (padding > 0) {
                throw new IllegalArgumentException("Base32 text continues after its padding");
            }
            symbols.append(c);
        }
        int remainder = symbols.length() % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("Base32 text has an impossible length: " + symbols.length());
        }
        if (padding > 0 && (symbols.length() + padding) % 8 != 0) {
            throw new IllegalArgumentException("Base32 padding does not fill the last group of 8");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(symbols.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < symbols.length(); i++) {
            buffer = (buffer << 5) | valueOf(symbols.charAt(i));
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        throw new IllegalArgumentException("not a Base32 character: U+" + String.format("%04X", (int) c));
    }
}
