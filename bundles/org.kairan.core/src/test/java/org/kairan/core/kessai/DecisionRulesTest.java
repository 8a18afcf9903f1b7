package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionRulesTest {

    private final DecisionRules standard = DecisionRules.standard();

    @Test
    void theStandardTableFollowsTheDemoCitysRules() {
        assertEquals("課長", standard.decidingPosition("物品購入", 200_000), "課長専決 up to ¥200,000");
        assertEquals("部長", standard.decidingPosition("物品購入", 1_000_000), "部長 up to ¥1,000,000");
        assertEquals("副市長", standard.decidingPosition("物品購入", 5_000_000), "副市長 up to ¥5,000,000");
        assertEquals("市長", standard.decidingPosition("物品購入", 5_000_001), "市長 above");
        assertEquals("課長", standard.decidingPosition("契約", 1_000_000), "a small 契約 is the 課長's");
        assertEquals("課長", standard.decidingPosition("一般", 0), "an ordinary 一般 matter is the 課長's");
        assertEquals(List.of("物品購入", "契約", "支出負担行為", "一般", "一般（重要）", "一般（特に重要）"), standard.kinds());
    }

    @Test
    void theTextFormatAcceptsWhatOfficesType() {
        DecisionRules rules = DecisionRules.parse("""
                # 備品
                物品購入　≦￥２００，０００円　課長
                物品購入 <=1,000,000 部長   # 部長専決

                物品購入 ＊ 市長
                """);

        assertEquals("課長", rules.decidingPosition("物品購入", 200_000), "full-width digits, ≦, ￥ and 円 are read");
        assertEquals("部長", rules.decidingPosition("物品購入", 999_999), "<= and commas are read");
        assertEquals("市長", rules.decidingPosition("物品購入", Long.MAX_VALUE), "full-width ＊ is 上限なし");
    }

    @Test
    void formatGivesTextThatParsesToTheSameTable() {
        assertEquals(standard, DecisionRules.parse(standard.format()), "format and parse round-trip");
    }

    @Test
    void aLineWithTheWrongNumberOfColumnsIsNamed() {
        DecisionRulesException e = assertThrows(DecisionRulesException.class,
                () -> DecisionRules.parse("物品購入 ≤200000 課長\n物品購入 部長\n物品購入 * 市長"));

        assertEquals(2, e.line(), "the second line is at fault");
        assertTrue(e.getMessage().startsWith("2行目「物品購入 部長」"), "the message quotes the line: " + e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), "and says it in English too: " + e.getMessage());
    }

    @Test
    void aCeilingThatIsNotAnAmountIsNamed() {
        DecisionRulesException e = assertThrows(DecisionRulesException.class,
                () -> DecisionRules.parse("物品購入 二十万円 課長\n物品購入 * 市長"));

        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("「二十万円」"), "the message quotes the bad ceiling: " + e.getMessage());
    }

    @Test
    void ceilingsMustAscendAndEndWithStar() {
        DecisionRulesException descending = assertThrows(DecisionRulesException.class,
                () -> DecisionRules.parse("契約 ≤500000 課長\n契約 ≤500000 部長\n契約 * 市長"));
        assertEquals(2, descending.line(), "an equal ceiling on line 2 is refused");

        DecisionRulesException noStar = assertThrows(DecisionRulesException.class,
                () -> DecisionRules.parse("契約 ≤500000 課長\n一般 * 課長\n契約 ≤900000 部長"));
        assertEquals(3, noStar.line(), "契約 has no * row; its last line is named");
        assertTrue(noStar.getMessage().contains("上限なし"), noStar.getMessage());

        DecisionRulesException afterStar = assertThrows(DecisionRulesException.class,
                () -> DecisionRules.parse("契約 * 市長\n契約 ≤500000 課長"));
        assertEquals(2, afterStar.line(), "nothing may follow the * row of its kind");
    }

    @Test
    void anEmptyTableIsRefused() {
        assertEquals(0, assertThrows(DecisionRulesException.class, () -> DecisionRules.parse("# nothing\n")).line(),
                "a table with only comments is refused as a whole");
    }

    @Test
    void aNegativeAmountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> standard.decidingPosition("物品購入", -1),
                "amounts are never negative");
    }
}
