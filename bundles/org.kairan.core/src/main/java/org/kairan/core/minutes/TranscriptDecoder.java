package org.kairan.core.minutes;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a transcript file into text: a byte order mark says UTF-8 or UTF-16; without one the bytes must
 * be valid UTF-8, or else valid Shift_JIS as Japanese Windows writes it (windows-31j), both decoded strictly so
 * that a wrong guess fails instead of producing 文字化け. Files that are plainly something else (PDF, Office, images,
 * recordings) are recognised by their first bytes and refused with a message saying what they are.
 */
final class TranscriptDecoder {

    private TranscriptDecoder() {
    }

    static DecodedText decode(byte[] bytes) throws TranscriptException {
        refuseKnownBinary(bytes);
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, 3, TranscriptEncoding.UTF_8_BOM);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return strict(bytes, 2, TranscriptEncoding.UTF_16LE_BOM);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return strict(bytes, 2, TranscriptEncoding.UTF_16BE_BOM);
        }
        try {
            return new DecodedText(decodeStrictly(bytes, 0, StandardCharsets.UTF_8), TranscriptEncoding.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return strict(bytes, 0, TranscriptEncoding.WINDOWS_31J);
        }
    }

    private static DecodedText strict(byte[] bytes, int offset, TranscriptEncoding encoding)
            throws TranscriptException {
        try {
            return new DecodedText(decodeStrictly(bytes, offset, encoding.charset()), encoding);
        } catch (CharacterCodingException e) {
            int line = lineOfFirstBadByte(bytes, offset, encoding.charset());
            String tried = encoding == TranscriptEncoding.WINDOWS_31J ? "UTF-8 でも Shift_JIS でも"
                    : encoding.label() + " として";
            throw new TranscriptException(TranscriptProblem.UNDECODABLE, line, "文字コードが読めません（" + tried
                    + "正しくない文字があります）。テキストエディタで UTF-8 に保存し直してください");
        }
    }

    private static String decodeStrictly(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    }

    /** The line of the first byte that does not decode, counting line ends in the text decoded before it. */
    private static int lineOfFirstBadByte(byte[] bytes, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length - offset + 1);
        decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset), out, true);
        out.flip();
        return TextLines.of(out.toString() + "x").size();
    }

    private static void refuseKnownBinary(byte[] bytes) throws TranscriptException {
        String kind = null;
        if (startsWith(bytes, '%', 'P', 'D', 'F')) {
            kind = "PDF ファイル";
        } else if (startsWith(bytes, 'P', 'K', 3, 4) || startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            kind = "Word・Excel などの Office ファイル (または ZIP)";
        } else if (startsWith(bytes, 0x89, 'P', 'N', 'G') || startsWith(bytes, 0xFF, 0xD8, 0xFF)
                || startsWith(bytes, 'G', 'I', 'F', '8')) {
            kind = "画像ファイル";
        } else if (startsWith(bytes, 'R', 'I', 'F', 'F') || startsWith(bytes, 'I', 'D', '3')
                || startsWith(bytes, 'O', 'g', 'g', 'S') || startsWith(bytes, 'f', 'L', 'a', 'C')
                || (bytes.length > 8 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p')
                || startsWith(bytes, 0x1A, 0x45, 0xDF, 0xA3)) {
            kind = "音声・動画ファイル（録音から議事録を作るときは「録音から作成」を使ってください）";
        }
        if (kind != null) {
            throw new TranscriptException(TranscriptProblem.NOT_A_TRANSCRIPT, 0,
                    "字幕・文字起こしのファイルではありません: " + kind + "です。WebVTT (.vtt)・SRT (.srt)・"
                            + "テキスト (.txt) のファイルを選んでください");
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
