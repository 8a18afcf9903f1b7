package org.kairan.server.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private final CsvReader reader = new CsvReader();

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        List<CsvRecord> records = reader.read("a,\"b,c\",\"say \"\"hi\"\"\"\r\nx,\"two\r\nlines\",z\r\nlast,row,here");
        assertEquals(3, records.size(), "three records");
        assertEquals(List.of("a", "b,c", "say \"hi\""), records.get(0).fields(), "commas and doubled quotes unquote");
        assertEquals(List.of("x", "two\r\nlines", "z"), records.get(1).fields(), "a quoted line break stays in the field");
        assertEquals(2, records.get(1).line(), "the second record starts on line 2");
        assertEquals(4, records.get(2).line(), "the record after a two-line field starts on line 4");
    }

    @Test
    void lineFeedsAloneAndEmptyFieldsAreRead() {
        List<CsvRecord> records = reader.read("a,,c\n,,\n");
        assertEquals(List.of("a", "", "c"), records.get(0).fields(), "an empty field in the middle");
        assertEquals(List.of("", "", ""), records.get(1).fields(), "a row of empty fields");
        assertEquals(2, records.size(), "the final line break does not make an extra record");
    }

    @Test
    void anUnclosedQuoteIsReportedForItsRecord() {
        List<CsvRecord> records = reader.read("ok,row\n\"never closed,x\n");
        assertNull(records.get(0).error(), "the good record has no error");
        assertNotNull(records.get(1).error(), "the unclosed quote is reported");
        assertEquals(2, records.get(1).line(), "on the line where the record starts");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsKeptAsExcelDoes() {
        assertEquals(List.of("12\"3", "x"), reader.read("12\"3,x").getFirst().fields(), "the quote is literal");
    }
}
