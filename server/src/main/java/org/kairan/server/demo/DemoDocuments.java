package org.kairan.server.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kairan.server.record.RecordFonts;

/**
 * The demo city's attachments: one-page A4 PDFs (見積書, 仕様書) in IPAゴシック, made at demo set-up so the
 * 決裁 of the demo carry real documents to view and to put into their PDF of record.
 */
final class DemoDocuments {

    private final RecordFonts fonts;

    DemoDocuments(RecordFonts fonts) {
        this.fonts = fonts;
    }

    /** A page with a heading and lines of text. */
    byte[] page(String heading, List<String> lines) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, fonts.gothic().toFile());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                s.beginText();
                s.setFont(font, 20);
                s.newLineAtOffset(72, 760);
                s.showText(heading);
                s.setFont(font, 11);
                s.setLeading(20);
                s.newLine();
                for (String line : lines) {
                    s.newLine();
                    s.showText(line);
                }
                s.endText();
            }
            document.getDocumentInformation().setTitle(heading);
            document.save(out);
            return out.toByteArray();
        }
    }
}
