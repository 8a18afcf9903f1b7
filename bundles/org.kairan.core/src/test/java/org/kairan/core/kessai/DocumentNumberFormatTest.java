package org.kairan.core.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DocumentNumberFormatTest {

    private final DocumentNumberFormat standard = new DocumentNumberFormat(DocumentNumberFormat.STANDARD_PATTERN, "伊");

    @Test
    void formatsWithTheCityAndTheKasAbbreviation() {
        assertEquals("伊情第123号", standard.format(new DocumentNumber(DemoCity.JOHO_KA, "情", 2026, 123)));
    }

    @Test
    void parsesBackToTheKaAndNumber() {
        DocumentNumber number = standard.parse("伊財第１２号", 2026, DemoCity.UNITS);

        assertEquals(new DocumentNumber(DemoCity.ZAISEI_KA, "財", 2026, 12), number,
                "the 略称 財 is 財政課, full-width digits are read");
    }

    @Test
    void theFiscalYearRunsFromAprilToMarchInWareki() {
        int november = DocumentNumber.fiscalYearOf(LocalDate.of(2026, 11, 26));
        int march = DocumentNumber.fiscalYearOf(LocalDate.of(2026, 3, 31));

        assertEquals("令和8年度", new DocumentNumber(DemoCity.JOHO_KA, "情", november, 1).fiscalYearLabel(),
                "2026-11-26 is in 令和8年度");
        assertEquals("令和7年度", new DocumentNumber(DemoCity.JOHO_KA, "情", march, 1).fiscalYearLabel(),
                "2026-03-31 is still in 令和7年度");
        assertEquals(2026, DocumentNumber.fiscalYearOf(LocalDate.of(2026, 4, 1)), "the 年度 starts on 1 April");
    }

    @Test
    void aPatternMayCarryTheNendo() {
        DocumentNumberFormat withYear = new DocumentNumberFormat("{nendo}{city}{unit}第{n}号", "伊");
        DocumentNumber number = new DocumentNumber(DemoCity.JOHO_KA, "情", 2026, 7);

        assertEquals("8伊情第7号", withYear.format(number), "令和8年度 is written 8");
        assertEquals(number, withYear.parse("8伊情第7号", 2026, DemoCity.UNITS));
        assertThrows(IllegalArgumentException.class, () -> withYear.parse("7伊情第7号", 2026, DemoCity.UNITS),
                "a 令和7年度 number is not read as 令和8年度");
    }

    @Test
    void badTextAndBadPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> standard.parse("伊情123号", 2026, DemoCity.UNITS),
                "第 is missing");
        assertThrows(IllegalArgumentException.class, () -> standard.parse("伊税第1号", 2026, DemoCity.UNITS),
                "no 課 has the 略称 税");
        assertThrows(IllegalArgumentException.class, () -> standard.parse("伊情第0号", 2026, DemoCity.UNITS),
                "numbers start at 1");
        assertThrows(IllegalArgumentException.class, () -> new DocumentNumberFormat("{city}第{n}号", "伊"),
                "a pattern without {unit} cannot tell the 課 apart");
        assertThrows(IllegalArgumentException.class, () -> new DocumentNumberFormat("{city}{unit}第{no}号", "伊"),
                "an unknown placeholder is refused");
        assertThrows(IllegalArgumentException.class,
                () -> standard.format(new DocumentNumber(DemoCity.ZAISEI_KAKARI, "", 2026, 1)),
                "a unit without 略称 cannot be numbered");
    }
}
