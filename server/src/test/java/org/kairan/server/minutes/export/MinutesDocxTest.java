package org.kairan.server.minutes.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The .docx read back with POI: the title, the head table, the sections, the action items' table, page numbers. */
class MinutesDocxTest {

    @Test
    void theKaigirokuIsLaidOutAsOfficesPrintIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinutesDocx.write(MeetingFixture.minutes(), out);
        MeetingFixture.keep("会議録.docx", out.toByteArray());
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText)
                    .filter(t -> !t.isBlank()).toList();
            assertEquals("令和8年度 第3回 財政課内会議 会議録", paragraphs.get(0));
            assertEquals(List.of("１　要旨", "２　決定事項", "３　今後の対応", "４　議事の経過"), paragraphs.stream()
                    .filter(p -> p.matches("[１２３４]　.*")).toList());
            assertTrue(paragraphs.contains("1. シーリングは前年度と同額とする。"), paragraphs.toString());
            int said = paragraphs.indexOf("○佐藤 花子（0:00:19）");
            assertTrue(said > 0, paragraphs.toString());
            assertEquals("各課の要求額は前年度比で5%増えています。シーリングは前年度と同じにすべきです。", paragraphs.get(said + 1));

            XWPFTable head = docx.getTables().get(0);
            assertEquals("日時", head.getRow(0).getCell(0).getText());
            assertEquals("令和8年11月27日（金）14時00分～15時00分", head.getRow(0).getCell(1).getText());
            assertEquals("出席者", head.getRow(2).getCell(0).getText());
            assertEquals("山田 太郎、佐藤 花子", head.getRow(2).getCell(1).getText());
            assertEquals("議題", head.getRow(3).getCell(0).getText());
            assertEquals(4, head.getNumberOfRows(), "the agenda's items share one row");
            assertTrue(head.getRow(3).getCell(1).getText().contains("2. 補正予算の日程"));

            XWPFTable actions = docx.getTables().get(1);
            assertEquals(List.of("内容", "担当者", "期限"), cells(actions, 0));
            assertEquals(List.of("各課へシーリングを通知する", "佐藤 花子", "令和8年12月4日（金）"), cells(actions, 1));
            assertEquals(List.of("要求額の増加理由を整理する", "未定", "－"), cells(actions, 2));

            String footer = docx.getFooterList().get(0).getParagraphs().get(0).getCTP().xmlText();
            assertTrue(footer.contains("PAGE"), "page numbers in the footer: " + footer);
            String body = docx.getDocument().xmlText();
            assertTrue(body.contains("w:eastAsia=\"IPA明朝\""), "Japanese text is set in 明朝");
            assertTrue(body.contains("w:w=\"11906\"") && body.contains("w:h=\"16838\""), "A4 portrait");
        }
    }

    private static List<String> cells(XWPFTable table, int row) {
        return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
    }
}
