package org.kairan.server.record;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws the 鑑 into a document: {@link TitleBlock}, {@link SealRow}, the body (本文) and the list of
 * attachments with their SHA-256, continuing on as many pages as the body needs; then a footer on every
 * 鑑 page (文書番号, 鑑 n/m).
 */
final class CoverPages {

    private static final float BODY_SIZE = 10.5f;
    private static final float BODY_LINE = 17;
    private static final float LIST_SIZE = 9.5f;
    private static final float HASH_SIZE = 7.5f;

    private final PDDocument document;
    private final PageFonts fonts;
    private final ZoneId zone;

    CoverPages(PDDocument document, PageFonts fonts, ZoneId zone) {
        this.document = document;
        this.fonts = fonts;
        this.zone = zone;
    }

    /** How an attachment is kept in the record: its pages appended ({@code pages > 0}) or embedded. */
    record Listed(RecordAttachment attachment, int pages) {
        boolean appended() {
            return pages > 0;
        }
    }

    /** Draws the 鑑 and returns its pages. */
    List<PDPage> draw(RecordSheet sheet, List<Listed> attachments) throws IOException {
        List<PDPage> pages;
        try (CoverCanvas canvas = new CoverCanvas(document, fonts,
                "（続き）" + sheet.documentNumberLabel() + "　" + sheet.title())) {
            new TitleBlock(canvas, zone).draw(sheet);
            new SealRow(canvas, zone).draw(sheet.route());
            body(canvas, sheet.body());
            attachmentList(canvas, attachments);
            closingNote(canvas);
            pages = canvas.pages();
        }
        footers(pages, sheet.documentNumberLabel());
        return pages;
    }

    private void body(CoverCanvas canvas, String body) throws IOException {
        if (body.isBlank()) {
            return;
        }
        canvas.y -= 6;
        canvas.ensureRoom(16 + BODY_LINE);
        canvas.text(fonts.gothic, 10, CoverCanvas.LEFT, canvas.y - 10, "本文", Ink.BLACK);
        canvas.line(CoverCanvas.LEFT, canvas.y - 13, CoverCanvas.RIGHT, canvas.y - 13, 0.4f, Ink.GREY);
        canvas.y -= 20;
        TextWrap wrap = new TextWrap(t -> canvas.width(fonts.mincho, BODY_SIZE, t), CoverCanvas.width() - 8);
        for (String line : wrap.lines(body)) {
            canvas.ensureRoom(BODY_LINE);
            canvas.text(fonts.mincho, BODY_SIZE, CoverCanvas.LEFT + 4, canvas.y - BODY_SIZE - 2, line, Ink.BLACK);
            canvas.y -= BODY_LINE;
        }
    }

    private void attachmentList(CoverCanvas canvas, List<Listed> attachments) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        canvas.y -= 10;
        canvas.ensureRoom(20 + 30);
        canvas.text(fonts.gothic, 10, CoverCanvas.LEFT, canvas.y - 10, "添付ファイル（" + attachments.size() + "件）",
                Ink.BLACK);
        canvas.line(CoverCanvas.LEFT, canvas.y - 13, CoverCanvas.RIGHT, canvas.y - 13, 0.4f, Ink.GREY);
        canvas.y -= 20;
        NumberFormat bytes = NumberFormat.getIntegerInstance(Locale.JAPAN);
        TextWrap wrap = new TextWrap(t -> canvas.width(fonts.gothic, LIST_SIZE, t), CoverCanvas.width() - 16);
        int number = 1;
        for (Listed listed : attachments) {
            RecordAttachment a = listed.attachment();
            String how = listed.appended() ? listed.pages() + "ページ、この鑑の後に綴じ込み" : "このPDFに埋め込み";
            String line = number + ". " + a.fileName() + "（" + bytes.format(a.size()) + "バイト、" + a.mediaType() + "、"
                    + how + "）";
            List<String> lines = wrap.lines(line);
            canvas.ensureRoom(lines.size() * 13 + 12);
            for (int i = 0; i < lines.size(); i++) {
                canvas.text(fonts.gothic, LIST_SIZE, CoverCanvas.LEFT + (i == 0 ? 4 : 16), canvas.y - LIST_SIZE,
                        lines.get(i), Ink.BLACK);
                canvas.y -= 13;
            }
            canvas.text(fonts.gothic, HASH_SIZE, CoverCanvas.LEFT + 16, canvas.y - HASH_SIZE, "SHA-256 " + a.sha256(),
                    Ink.GREY);
            canvas.y -= 14;
            number++;
        }
    }

    private void closingNote(CoverCanvas canvas) throws IOException {
        canvas.y -= 8;
        canvas.ensureRoom(14);
        canvas.text(fonts.gothic, 7.5f, CoverCanvas.LEFT, canvas.y - 8,
                "この文書は電子決裁により決裁された記録です。サーバーの電子署名により、作成後に変更されていないことを確認できます。",
                Ink.GREY);
        canvas.y -= 14;
    }

    private void footers(List<PDPage> pages, String documentNumber) throws IOException {
        for (int i = 0; i < pages.size(); i++) {
            try (PDPageContentStream stream = new PDPageContentStream(document, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String left = fonts.printable(fonts.gothic, "文書番号 " + documentNumber);
                String right = "鑑 " + (i + 1) + "/" + pages.size();
                Ink.GREY.fill(stream);
                stream.beginText();
                stream.setFont(fonts.gothic, 8);
                stream.newLineAtOffset(CoverCanvas.LEFT, 34);
                stream.showText(left);
                stream.endText();
                stream.beginText();
                stream.setFont(fonts.gothic, 8);
                stream.newLineAtOffset(CoverCanvas.RIGHT - fonts.width(fonts.gothic, 8, right), 34);
                stream.showText(right);
                stream.endText();
            }
        }
    }
}
