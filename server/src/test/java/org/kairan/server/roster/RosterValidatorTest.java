package org.kairan.server.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.UnitKind;

class RosterValidatorTest {

    @Test
    void readingsInKatakanaOrHalfWidthBecomeHiragana() {
        assertEquals(Optional.of("さとう　みさき"), RosterValidator.kana("サトウ　ミサキ"), "katakana becomes hiragana");
        assertEquals(Optional.of("さとう　みさき"), RosterValidator.kana("ｻﾄｳ ﾐｻｷ"), "half-width kana too");
        assertEquals(Optional.of("えーす"), RosterValidator.kana("エース"), "the long vowel mark is kept");
        assertTrue(RosterValidator.kana("佐藤").isEmpty(), "kanji is not a reading");
        assertTrue(RosterValidator.kana("Sato").isEmpty(), "Latin letters are not a reading");
    }

    @Test
    void datesAreReadInBothOfficeFormats() {
        assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), RosterValidator.date("2026-04-01"), "ISO");
        assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), RosterValidator.date("2026/4/1"), "slashes, no zeros");
        assertEquals(Optional.of(LocalDate.of(2026, 4, 1)), RosterValidator.date("２０２６/０４/０１"), "full-width digits");
        assertTrue(RosterValidator.date("2026/2/30").isEmpty(), "an impossible day is refused");
        assertTrue(RosterValidator.date("令和8年4月1日").isEmpty(), "other formats are refused, not guessed");
    }

    @Test
    void unitsMustHangUnderAHigherLevel() {
        RosterValidator validator = new RosterValidator(Map.of("100000",
                new OrgUnit("100000", null, UnitKind.BUREAU, "市長部局", "", "", 1)), Set.of("課長"));
        List<CsvRecord> records = new CsvReader().read("""
                組織コード,上位組織コード,区分,名称,かな,略称,表示順
                110000,100000,部,総務部,そうむぶ,,1
                110100,110000,課,秘書課,ひしょか,秘,1
                110101,110100,部,逆さ部,さかさぶ,,1
                110102,,係,迷子係,まいごかかり,,1
                110103,999999,係,孤児係,こじかかり,,x
                """);
        List<RosterRows.UnitLine> valid = validator.units("", records);
        assertEquals(List.of("110000", "110100"), valid.stream().map(u -> u.unit().code()).toList(),
                "the well-formed units are valid");
        List<String> reasons = validator.rejected().stream().map(r -> r.line() + ":" + r.reason()).toList();
        assertTrue(reasons.contains("4:部（逆さ部）の上位に課（秘書課）は置けません"), "a 部 under a 課 is refused: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("5:") && r.contains("上位組織コードがありません")),
                "a 係 without parent is refused: " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("6:") && r.contains("表示順")),
                "a bad 表示順 is named: " + reasons);
    }

    @Test
    void aMissingHeaderColumnRejectsTheFile() {
        RosterValidator validator = new RosterValidator(Map.of(), Set.of());
        validator.staff("", new CsvReader().read("職員番号,氏名\n1,a\n"), Set.of());
        assertEquals(1, validator.rejected().size(), "one rejection for the whole file");
        assertTrue(validator.rejected().getFirst().reason().contains("「所属コード」"),
                "it names the missing columns: " + validator.rejected());
    }
}
