package org.kairan.server.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF of record as a reader sees it: the 鑑's text and seals, the attachments after it or inside it. */
class PdfOfRecordTest {

    @TempDir
    Path dir;

    private final PdfOfRecord records = new PdfOfRecord(installedFonts(), RecordSamples.TOKYO,
            Clock.fixed(Instant.parse("2026-11-26T01:20:00Z"), ZoneOffset.UTC));

    private static RecordFonts installedFonts() {
        try {
            return RecordFonts.installed();
        } catch (RecordException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCoverShowsTheTitleBlockInWarekiAndEveryApprover() throws IOException {
        RecordFile record = records.write(RecordSamples.sheet(List.of()), dir.resolve("record.pdf"));
        String cover = text(record.file(), 1, 1);
        for (String expected : List.of(RecordSamples.NUMBER, RecordSamples.TITLE, "令和8年11月20日", "令和8年11月26日",
                "財政課 主事 佐藤 花子", "物品購入", "150,000円", "財務－契約－物品購入", "5年", "決裁欄")) {
            assertTrue(cover.contains(expected), "the title block shows " + expected + ":\n" + cover);
        }
        for (String seal : List.of("佐藤花子", "鈴木一郎", "山田太郎", "高橋健二", "令8.11.20", "令8.11.24", "令8.11.26",
                "主事", "係長", "契約検査課長")) {
            assertTrue(cover.contains(seal), "a seal shows " + seal + " (氏名, 役職 and 和暦 date):\n" + cover);
        }
        assertTrue(cover.contains("代決") && cover.contains("伊藤 誠に代わり"),
                "the 代決 box says 代決 and names the absent approver:\n" + cover);
        assertTrue(cover.contains("後閲"), "the pending 後閲 box shows its label:\n" + cover);
        assertTrue(cover.contains("見積は2者から徴取済みです。"), "the 係長's comment is printed as 意見:\n" + cover);
        assertTrue(cover.contains("庁舎清掃用品を下記のとおり購入してよろしいか伺います。"), "the body is printed:\n" + cover);
        assertEquals(1, record.pages(), "a 決裁 without attachments is one page");
        assertEquals(1, record.coverPages(), "and that page is the 鑑");
    }

    @Test
    void oneWriterKeepsItsParsedFontsYetEachRecordEmbedsTheGlyphsOfItsOwnText() throws IOException {
        RecordFile first = records.write(RecordSamples.sheet("本文", RecordSamples.route(), List.of()),
                dir.resolve("first.pdf"));
        String laterBody = "鬱蒼とした檜林の間伐を、森林組合へ委託してよろしいか伺います。";
        RecordFile second = records.write(RecordSamples.sheet(laterBody, RecordSamples.route(), List.of()),
                dir.resolve("second.pdf"));
        assertFalse(text(first.file(), 1, 1).contains("鬱蒼"), "the first record has only its own text");
        assertTrue(text(second.file(), 1, 1).contains(laterBody),
                "characters the first record never used are printed in the second:\n" + text(second.file(), 1, 1));
        try (PDDocument doc = Loader.loadPDF(second.file().toFile())) {
            PDFont bodyFont = doc.getPage(0).getResources().getFont(
                    doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(bodyFont.isEmbedded(), "the fonts are embedded in every record");
        }
    }

    @Test
    void everyApproverWhoActedHasARedSealInTheirBoxAndThePending後閲HasNone() throws IOException {
        RecordFile record = records.write(RecordSamples.sheet(List.of()), dir.resolve("record.pdf"));
        float scale = 2;
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(record.file().toFile())) {
            page = new PDFRenderer(document).renderImage(0, scale);
        }
        List<SealEntry> route = RecordSamples.route();
        for (int i = 0; i < route.size(); i++) {
            int from = Math.round((CoverCanvas.LEFT + i * SealRow.BOX_WIDTH + 2) * scale);
            int to = Math.round((CoverCanvas.LEFT + (i + 1) * SealRow.BOX_WIDTH - 2) * scale);
            int red = redPixels(page, from, to);
            if (route.get(i).sealed()) {
                assertTrue(red > 600, "box " + (i + 1) + " (" + route.get(i).stepLabel() + ") has a red seal, found " + red
                        + " red pixels");
            } else {
                assertEquals(0, red, "the box of the 後閲 still pending has no seal");
            }
        }
    }

    @Test
    void attachedPdfPagesFollowTheCoverAndEveryAttachmentIsListedWithItsHash() throws IOException {
        RecordAttachment estimate = RecordSamples.pdf("見積書.pdf", TestPdfs.japanesePages(dir.resolve("a.pdf"), 3));
        RecordAttachment map = RecordSamples.pdf("案内図.pdf", TestPdfs.japanesePages(dir.resolve("b.pdf"), 2));
        RecordFile record = records.write(RecordSamples.sheet(List.of(estimate, map)), dir.resolve("record.pdf"));
        assertEquals(1 + 3 + 2, record.pages(), "the 鑑 and then every page of both attached PDFs");
        String cover = text(record.file(), 1, 1);
        for (RecordAttachment a : List.of(estimate, map)) {
            assertTrue(cover.contains(a.fileName()) && cover.contains(a.sha256()),
                    "the 鑑 lists " + a.fileName() + " with its SHA-256:\n" + cover);
        }
        assertTrue(cover.contains("3ページ"), "and says how many pages were appended:\n" + cover);
        assertTrue(text(record.file(), 2, 2).contains("見積書 1 ページ"), "the first attached page comes right after the 鑑");
        assertTrue(text(record.file(), 5, 5).contains("見積書 1 ページ"), "the second PDF follows the first");
        assertEquals(PdfAConformance.NONE, record.conformance(), "appended pages are not vouched for as PDF/A");
    }

    @Test
    void aFileThatIsNotAPdfIsEmbeddedByteForByte() throws IOException {
        byte[] csv = "品名,数量,単価\n洗剤,10,1200\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("内訳.csv"), csv);
        RecordAttachment breakdown = RecordAttachment.ofFile("内訳.csv", "text/csv", file);
        RecordFile record = records.write(RecordSamples.sheet(List.of(breakdown)), dir.resolve("record.pdf"));
        assertEquals(1, record.pages(), "an embedded file adds no page");
        assertTrue(text(record.file(), 1, 1).contains("内訳.csv"), "the 鑑 lists the embedded file");
        try (PDDocument document = Loader.loadPDF(record.file().toFile())) {
            Map<String, PDComplexFileSpecification> files = document.getDocumentCatalog().getNames().getEmbeddedFiles()
                    .getNames();
            assertEquals(List.of("01 内訳.csv"), new ArrayList<>(files.keySet()), "embedded under its number and name");
            PDComplexFileSpecification spec = files.get("01 内訳.csv");
            assertEquals("内訳.csv", spec.getFileUnicode(), "with its Japanese file name");
            assertArrayEquals(csv, spec.getEmbeddedFile().toByteArray(), "the bytes are the uploaded ones");
            assertEquals("text/csv", spec.getEmbeddedFile().getSubtype(), "with its media type");
        }
        assertEquals(PdfAConformance.PDF_A_3B, record.conformance(), "only PDF/A-3 allows any embedded file");
    }

    @Test
    void pdfAIsClaimedOnlyWhereItIsHonestAndEveryRecordHasTheArchivalParts() throws IOException {
        Path csv = Files.writeString(dir.resolve("memo.txt"), "メモ");
        RecordFile alone = records.write(RecordSamples.sheet(List.of()), dir.resolve("alone.pdf"));
        RecordFile embedded = records.write(RecordSamples.sheet(List.of(RecordAttachment.ofFile("memo.txt", "text/plain",
                csv))), dir.resolve("embedded.pdf"));
        RecordFile appended = records.write(RecordSamples.sheet(List.of(RecordSamples.pdf("見積書.pdf",
                TestPdfs.japanesePages(dir.resolve("a.pdf"), 1)))), dir.resolve("appended.pdf"));
        assertTrue(xmp(alone.file()).contains("<pdfaid:part>2</pdfaid:part>"), "the 鑑 alone is PDF/A-2b");
        assertTrue(xmp(embedded.file()).contains("<pdfaid:part>3</pdfaid:part>"), "with embedded files PDF/A-3b");
        assertFalse(xmp(appended.file()).contains("pdfaid"), "with appended PDF pages no claim");
        for (RecordFile record : List.of(alone, embedded, appended)) {
            String xmp = xmp(record.file());
            assertTrue(xmp.contains(RecordSamples.TITLE), "the XMP metadata has the title");
            try (PDDocument document = Loader.loadPDF(record.file().toFile())) {
                assertEquals(1, document.getDocumentCatalog().getOutputIntents().size(), "one sRGB OutputIntent");
                assertEquals(RecordSamples.TITLE, document.getDocumentInformation().getTitle(), "the title in the info too");
                for (var name : document.getPage(0).getResources().getFontNames()) {
                    PDFont font = document.getPage(0).getResources().getFont(name);
                    assertTrue(font.isEmbedded(), "every font of the 鑑 is embedded: " + font.getName());
                }
            }
        }
    }

    @Test
    void aLongBodyContinuesOnFurtherCoverPagesBeforeTheAttachments() throws IOException {
        String body = IntStream.rangeClosed(1, 120).mapToObj(i -> "第" + i + "項　庁舎の清掃に用いる物品について、"
                + "必要な数量と単価を確認し、予算の範囲内で購入する。").collect(Collectors.joining("\n"));
        RecordFile record = records.write(RecordSamples.sheet(body, RecordSamples.route(),
                List.of(RecordSamples.pdf("見積書.pdf", TestPdfs.japanesePages(dir.resolve("a.pdf"), 2)))),
                dir.resolve("record.pdf"));
        assertTrue(record.coverPages() >= 3, "120 paragraphs take several 鑑 pages, took " + record.coverPages());
        assertEquals(record.coverPages() + 2, record.pages(), "then the attached pages");
        String cover = text(record.file(), 1, record.coverPages());
        assertTrue(cover.contains("第1項") && cover.contains("第120項"), "no line of the body is lost");
        assertTrue(text(record.file(), 2, 2).contains("（続き）" + RecordSamples.NUMBER),
                "a continuation page says so, with the 文書番号");
        assertTrue(text(record.file(), record.coverPages(), record.coverPages()).contains("見積書.pdf"),
                "the list of attachments ends the 鑑");
        assertTrue(text(record.file(), record.coverPages() + 1, record.coverPages() + 1).contains("見積書 1 ページ"),
                "the attachment starts after the last 鑑 page");
    }

    @Test
    void aLongRouteWrapsOntoASecondRowOfSealBoxes() throws IOException {
        List<String> names = List.of("青木", "石井", "上田", "江口", "大野", "加藤", "木村", "工藤", "小林", "斎藤", "清水");
        assertTrue(names.size() > SealRow.boxesPerRow(), "more approvers than fit in one row");
        List<SealEntry> route = new ArrayList<>();
        for (String name : names) {
            route.add(SealEntry.acted(route.isEmpty() ? "起案" : "回議", new PersonOnRecord("財政課", "主査", name + " 一"),
                    RecordSamples.at(11, 20 + route.size() % 6, 9, 0), "承認"));
        }
        RecordFile record = records.write(RecordSamples.sheet("本文", route, List.of()), dir.resolve("record.pdf"));
        String cover = text(record.file(), 1, record.coverPages());
        for (String name : names) {
            assertTrue(cover.contains(name + "一"), "the seal of " + name + " is on the 鑑:\n" + cover);
        }
    }

    @Test
    void aMissingNumberAndACharacterNoFontHasArePrintedAsJapaneseOfficesDo() throws IOException {
        RecordSheet sheet = new RecordSheet(null, "絵文字😀を含む件名", "", "永年", RecordSamples.DRAFTER,
                java.time.LocalDate.of(2026, 11, 20), RecordSamples.at(11, 26, 10, 15), "", 0, "", RecordSamples.route(),
                List.of());
        RecordFile record = records.write(sheet, dir.resolve("record.pdf"));
        String cover = text(record.file(), 1, 1);
        assertTrue(cover.contains("（未採番）"), "no 文書番号 yet prints （未採番）:\n" + cover);
        assertTrue(cover.contains("絵文字〓を含む件名"), "a character no IPA font has is printed as 〓 (げた):\n" + cover);
        assertTrue(cover.contains("永年"), "保存年限 永年");
    }

    @Test
    void anAttachmentWhoseBytesChangedSinceUploadIsRefused() throws IOException {
        Path file = TestPdfs.japanesePages(dir.resolve("a.pdf"), 1);
        RecordAttachment stored = RecordSamples.pdf("見積書.pdf", file);
        Files.write(file, "%PDF-1.7 changed".getBytes(StandardCharsets.US_ASCII));
        RecordException e = assertThrows(RecordException.class,
                () -> records.write(RecordSamples.sheet(List.of(stored)), dir.resolve("record.pdf")),
                "a record never lists a hash its pages do not match");
        assertTrue(e.getMessage().contains("見積書.pdf") && e.getMessage().contains("ハッシュ"), e.getMessage());
    }

    @Test
    void anAttachmentFromAStreamIsReadLikeAFile() throws IOException {
        Path file = TestPdfs.japanesePages(dir.resolve("a.pdf"), 2);
        RecordAttachment fromFile = RecordSamples.pdf("見積書.pdf", file);
        byte[] bytes = Files.readAllBytes(file);
        RecordAttachment streamed = new RecordAttachment("見積書.pdf", fromFile.sha256(), fromFile.size(),
                "application/pdf", () -> new ByteArrayInputStream(bytes));
        RecordFile record = records.write(RecordSamples.sheet(List.of(streamed)), dir.resolve("record.pdf"));
        assertEquals(3, record.pages(), "the streamed PDF is appended too");
    }

    @Test
    void aMissingFontNamesTheDebianPackageAndTheSetting() {
        RecordException notFound = assertThrows(RecordException.class, () -> RecordFonts.locate(null, null,
                List.of(dir.resolve("ipag.ttf")), List.of(dir.resolve("ipam.ttf"))));
        assertTrue(notFound.getMessage().contains("fonts-ipafont-gothic")
                && notFound.getMessage().contains("kairan.record.gothicFont"), notFound.getMessage());
        RecordException configured = assertThrows(RecordException.class,
                () -> RecordFonts.locate(null, dir.resolve("missing-ipam.ttf")));
        assertTrue(configured.getMessage().contains("missing-ipam.ttf"), "a configured file that is missing is named: "
                + configured.getMessage());
    }

    static String text(Path pdf, int firstPage, int lastPage) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(firstPage);
            stripper.setEndPage(lastPage);
            return stripper.getText(document);
        }
    }

    private static String xmp(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            try (var in = document.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Pixels between columns {@code from} and {@code to} that are clearly red (the seal's 朱色). */
    private static int redPixels(BufferedImage image, int from, int to) {
        int count = 0;
        for (int x = from; x < to; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 150 && g < 110 && b < 110) {
                    count++;
                }
            }
        }
        return count;
    }
}
