package org.kairan.server.minutes.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.server.record.MinutesPdf;
import org.kairan.server.record.RecordFonts;

/** The 会議録 PDF read back with PDFBox: its Japanese text exactly, the sections, page numbers, long meetings. */
class MinutesPdfTest {

    @Test
    void theKaigirokuPrintsWithItsJapaneseText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Minutes minutes = MinutesEdits.correct(MeetingFixture.minutes(), "u1",
                "それでは第3回財政課内会議を始めます😀。本日の議題は来年度予算の査定方針です。");
        int pages = new MinutesPdf(RecordFonts.installed()).write(minutes, out);
        assertEquals(1, pages);
        MeetingFixture.keep("会議録.pdf", out.toByteArray());
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("令和8年度 第3回 財政課内会議 会議録"), text);
            assertTrue(text.contains("令和8年11月27日（金）14時00分～15時00分"), text);
            assertTrue(text.contains("１　要旨") && text.contains("４　議事の経過"), text);
            assertTrue(text.contains("各課へシーリングを通知する"), text);
            assertTrue(text.contains("令和8年12月4日（金）"), text);
            assertTrue(text.contains("○佐藤 花子（0:00:19）"), text);
            assertTrue(text.contains("始めます〓。"), "a character the fonts lack is printed as げた: " + text);
            assertTrue(text.contains("- 1 / 1 -"), text);
            assertEquals("令和8年度 第3回 財政課内会議 会議録", pdf.getDocumentInformation().getTitle());
        }
    }

    @Test
    void anHourLongMeetingContinuesOnNumberedPages() throws Exception {
        Minutes minutes = MeetingFixture.minutes();
        for (int i = 0; i < 300; i++) {
            minutes = MinutesEdits.split(MinutesEdits.correct(minutes, "u2",
                    "各課の要求額は前年度比で5%増えています。シーリングは前年度と同じにすべきです。"), "u2", 21);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pages = new MinutesPdf(RecordFonts.installed()).write(minutes, out);
        assertTrue(pages > 5, "303 utterances fill several pages: " + pages);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            assertEquals(pages, pdf.getNumberOfPages());
            PDFTextStripper last = new PDFTextStripper();
            last.setStartPage(pages);
            last.setEndPage(pages);
            String text = last.getText(pdf);
            assertTrue(text.contains("（続き）令和8年度 第3回 財政課内会議 会議録"), text);
            assertTrue(text.contains("- " + pages + " / " + pages + " -"), text);
        }
    }
}
