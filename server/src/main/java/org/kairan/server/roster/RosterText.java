package org.kairan.server.roster;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A roster file decoded to text. Japanese offices export CSV as UTF-8 (with or without a BOM) or as
 * Shift_JIS; Excel and most 人事給与 systems mean Microsoft's variant, windows-31j (CP932), which also
 * has ①, 髙 (IBM extensions) and ～ (U+FF5E). A strict UTF-8 decode is tried first: Shift_JIS text
 * with any Japanese in it is almost never valid UTF-8. Otherwise a strict windows-31j decode.
 *
 * @param text     the decoded text without a BOM
 * @param encoding {@code UTF-8} or {@code windows-31j}
 */
public record RosterText(String text, String encoding) {

    public static final String UTF_8 = "UTF-8";
    public static final String WINDOWS_31J = "windows-31j";
    private static final Charset CP932 = Charset.forName(WINDOWS_31J);

    /** Decodes the bytes, or empty when they are neither valid UTF-8 nor valid windows-31j. */
    public static Optional<RosterText> decode(byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        }
        Optional<String> utf8 = strict(StandardCharsets.UTF_8, bytes, offset);
        if (utf8.isPresent()) {
            return Optional.of(new RosterText(utf8.get(), UTF_8));
        }
        if (offset == 0) {
            Optional<String> sjis = strict(CP932, bytes, 0);
            if (sjis.isPresent()) {
                return Optional.of(new RosterText(sjis.get(), WINDOWS_31J));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> strict(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
