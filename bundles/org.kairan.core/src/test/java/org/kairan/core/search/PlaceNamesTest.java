package org.kairan.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The city's list of place names with their readings, as its staff write it. */
class PlaceNamesTest {

    @Test
    void aListWithBomCommentsAndBlankLinesGivesItsNamesInOrder() {
        PlaceNames list = PlaceNames.parse("\uFEFF# 伊織市の町字\n上里,かみさと\r\n\n水無瀬, ミナセ \n大字上里,おおあざかみさと\n上里,かみさと\n");
        assertEquals(List.of(new PlaceName("上里", "かみさと"), new PlaceName("水無瀬", "ミナセ"),
                new PlaceName("大字上里", "おおあざかみさと")), list.names(),
                "BOM, comments, blank lines and a repeated line are skipped; spaces around a field too");
        assertTrue(list.hasNames());
        assertFalse(PlaceNames.parse("# まだありません\n").hasNames(), "a list of comments only has no names");
        assertEquals(List.of(new PlaceName("北山", "キタヤマ")), PlaceNames.parse("北山,ｷﾀﾔﾏ").names(),
                "a reading in 半角カナ is made full width");
    }

    @Test
    void aWrongLineIsRefusedNamingItInJapanese() {
        PlaceNamesException kanji = assertThrows(PlaceNamesException.class,
                () -> PlaceNames.parse("上里,かみさと\n# 次は誤り\n水無瀬,み無せ\n"));
        assertEquals(3, kanji.line());
        assertTrue(kanji.getMessage().startsWith("3行目: よみは かな"), kanji.getMessage());
        assertTrue(kanji.getMessage().contains("水無瀬,み無せ"), "the line is quoted: " + kanji.getMessage());
        assertEquals(1, assertThrows(PlaceNamesException.class, () -> PlaceNames.parse("上里 かみさと")).line(),
                "a line without a comma");
        assertEquals(1, assertThrows(PlaceNamesException.class, () -> PlaceNames.parse("上 里,かみさと")).line(),
                "a space inside the name");
        PlaceNamesException twice = assertThrows(PlaceNamesException.class,
                () -> PlaceNames.parse("上里,かみさと\n上里,うえさと"));
        assertEquals(2, twice.line());
        assertTrue(twice.getMessage().contains("1行目と同じ表記"), twice.getMessage());
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= PlaceNames.MAX_NAMES; i++) {
            text.append("地").append(i).append(",ち\n");
        }
        PlaceNamesException tooMany = assertThrows(PlaceNamesException.class, () -> PlaceNames.parse(text.toString()));
        assertEquals(PlaceNames.MAX_NAMES + 1, tooMany.line());
        assertTrue(tooMany.getMessage().contains("20000件まで"), tooMany.getMessage());
    }
}
