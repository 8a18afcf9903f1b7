package org.kairan.server.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RosterTextTest {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String JAPANESE = "髙橋　①子,第①契約係～管財,ｶﾀｶﾅ,№1";

    @Test
    void utf8WithAndWithoutBomIsReadAsUtf8() {
        byte[] plain = JAPANESE.getBytes(StandardCharsets.UTF_8);
        assertEquals(new RosterText(JAPANESE, "UTF-8"), RosterText.decode(plain).orElseThrow(), "UTF-8 without BOM");
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertEquals(new RosterText(JAPANESE, "UTF-8"), RosterText.decode(bom).orElseThrow(),
                "UTF-8 with a BOM, the BOM removed");
    }

    @Test
    void cp932FromExcelIsReadAsWindows31jWithItsExtensions() {
        byte[] bytes = JAPANESE.getBytes(CP932);
        // 髙 is an IBM extension (0xFB 0xFC), ① an NEC special (0x87 0x40), ～ 0x81 0x60 in CP932.
        assertTrue(contains(bytes, 0xFB, 0xFC) && contains(bytes, 0x87, 0x40) && contains(bytes, 0x81, 0x60),
                "the test input has the CP932 byte sequences of 髙, ① and ～");
        assertEquals(new RosterText(JAPANESE, "windows-31j"), RosterText.decode(bytes).orElseThrow(),
                "every character comes back as written");
    }

    @Test
    void bytesThatAreNeitherAreRefused() {
        assertTrue(RosterText.decode(new byte[] {(byte) 0x81, (byte) 0x20, (byte) 0xFF}).isEmpty(),
                "invalid in UTF-8 and in CP932: not guessed");
    }

    @Test
    void asciiIsUtf8() {
        assertEquals("UTF-8", RosterText.decode("a,b\n".getBytes(StandardCharsets.US_ASCII)).orElseThrow().encoding(),
                "plain ASCII is valid UTF-8");
    }

    private static boolean contains(byte[] bytes, int first, int second) {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xff) == first && (bytes[i + 1] & 0xff) == second) {
                return true;
            }
        }
        return false;
    }
}
