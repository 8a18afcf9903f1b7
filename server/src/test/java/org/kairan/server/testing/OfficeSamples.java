package org.kairan.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Word and Excel files for the library tests, written with POI as Word and Excel would hold them: a 事務決裁規程
 * whose pages are cut by explicit page breaks, documents paginated by Word's own marks and by section breaks, a
 * 予算要求一覧 workbook, and the bad kinds — password-protected, cut short, an old .doc, a zip bomb, too much text.
 */
public final class OfficeSamples {

    /** The 事務決裁規程: page 2 begins with 第５条 after an explicit page break; page 3 is a table. */
    public static final List<String> KITEI_PAGE_1 = List.of("伊織市事務決裁規程", "第１条（趣旨）　この規程は、市長の権限に属する"
            + "事務の決裁について必要な事項を定めるものとする。", "第２条（定義）　決裁とは、市長又は専決権者が最終的に意思を決定することをいう。");
    public static final List<String> KITEI_PAGE_2 = List.of("第５条（代決の順序）　決裁権者が不在のときは、次の順序により代決する。",
            "一　副市長が不在のときは、所管の部長", "二　部長が不在のときは、所管の課長");
    public static final List<List<String>> KITEI_TABLE = List.of(List.of("事項", "課長", "部長", "副市長"),
            List.of("物品の購入（50万円未満）", "○", "", ""), List.of("物品の購入（50万円以上）", "", "○", ""),
            List.of("工事の契約（１億円以上）", "", "", "○"));

    private OfficeSamples() {
    }

    /** The 事務決裁規程 as a .docx, with a header on every page (which is not its text). */
    public static byte[] kitei() {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("伊織市例規集　ヘッダー");
            KITEI_PAGE_1.forEach(line -> doc.createParagraph().createRun().setText(line));
            doc.getParagraphs().getLast().createRun().addBreak(BreakType.PAGE);
            KITEI_PAGE_2.forEach(line -> doc.createParagraph().createRun().setText(line));
            doc.getParagraphs().getLast().createRun().addBreak(BreakType.PAGE);
            doc.createParagraph().createRun().setText("別表（第３条関係）");
            XWPFTable table = doc.createTable(KITEI_TABLE.size(), KITEI_TABLE.getFirst().size());
            for (int r = 0; r < KITEI_TABLE.size(); r++) {
                for (int c = 0; c < KITEI_TABLE.get(r).size(); c++) {
                    table.getRow(r).getCell(c).setText(KITEI_TABLE.get(r).get(c));
                }
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A document as Word saves it: an explicit page break followed by Word's mark of the page it began (one break),
     * a page Word itself began in the middle of a paragraph (a mark only), then a section starting a new page.
     */
    public static byte[] laidOutByWord() {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("表紙　令和8年度 行政評価報告書");
            doc.getParagraphs().getLast().createRun().addBreak(BreakType.PAGE);
            XWPFRun second = doc.createParagraph().createRun();
            second.getCTR().addNewLastRenderedPageBreak();
            second.setText("目次");
            XWPFParagraph flowing = doc.createParagraph();
            flowing.createRun().setText("第1章の終わりの文。");
            XWPFRun next = flowing.createRun();
            next.getCTR().addNewLastRenderedPageBreak();
            next.setText("次のページに続く文。");
            XWPFParagraph endOfSection = doc.createParagraph();
            endOfSection.createRun().setText("第1章おわり");
            endOfSection.getCTP().addNewPPr().addNewSectPr();
            doc.createParagraph().createRun().setText("第2章　評価の結果");
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx without any page break: paragraphs of {@code length} characters. */
    public static byte[] withoutBreaks(int paragraphs, int length) {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (int i = 1; i <= paragraphs; i++) {
                String head = "第" + i + "段落　";
                doc.createParagraph().createRun().setText(head + "議".repeat(length - head.length()));
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * 予算要求一覧: sheet 歳出 (numbers with a thousands separator, a 全角 number typed as text, a date, a sum by
     * formula), sheet 歳入, and a hidden sheet 作業用.
     */
    public static byte[] yosan() {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFCellStyle yen = book.createCellStyle();
            yen.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            XSSFCellStyle date = book.createCellStyle();
            date.setDataFormat((short) 14);
            XSSFSheet out = book.createSheet("歳出");
            row(out, 0, "款", "事業名", "要求額", "前年度", "提出日");
            XSSFRow first = row(out, 1, "総務費", "庁舎維持管理事業");
            number(first, 2, 1_500_000, yen);
            first.createCell(3).setCellValue("１２０，０００");
            first.createCell(4).setCellValue(LocalDate.of(2026, 10, 30));
            first.getCell(4).setCellStyle(date);
            XSSFRow second = row(out, 2, "民生費", "子育て支援事業");
            number(second, 2, 32_000_000, yen);
            XSSFRow total = row(out, 4, "合計");
            total.createCell(2).setCellFormula("SUM(C2:C3)");
            total.getCell(2).setCellStyle(yen);
            XSSFSheet in = book.createSheet("歳入");
            row(in, 0, "科目", "見込額");
            number(row(in, 1, "市税"), 1, 6_480_000_000.0, yen);
            XSSFSheet work = book.createSheet("作業用");
            row(work, 0, "非表示の計算メモ");
            book.setSheetHidden(2, true);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XSSFRow row(XSSFSheet sheet, int index, String... values) {
        XSSFRow row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }

    private static void number(XSSFRow row, int column, double value, XSSFCellStyle style) {
        row.createCell(column).setCellValue(value);
        row.getCell(column).setCellStyle(style);
    }

    /** The .docx encrypted with a password to open, as Word does it (agile encryption in an OLE2 container). */
    public static byte[] passwordProtected(byte[] docx) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("himitsu");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(docx);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An old binary Word file (.doc): an OLE2 container with a WordDocument stream. */
    public static byte[] oldWord() {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A .docx whose body inflates from a few kilobytes to {@code megabytes} MB: a zip bomb. */
    public static byte[] zipBomb(int megabytes) {
        return docxWithBody(out -> {
            byte[] same = "爆".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < (long) megabytes << 20; written += same.length) {
                out.write(same);
            }
        });
    }

    /** A .docx of {@code characters} kanji that do not compress much: more text than a library reads. */
    public static byte[] muchText(int characters, long seed) {
        return docxWithBody(out -> {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder chunk = new StringBuilder(65_536);
            for (int written = 0; written < characters; written += chunk.length()) {
                chunk.setLength(0);
                random.ints(Math.min(65_536, characters - written), 0x4E00, 0x9FA0).forEach(chunk::appendCodePoint);
                out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private interface BodyText {
        void write(OutputStream out) throws IOException;
    }

    /** A minimal .docx whose one paragraph's text is written by {@code text}. */
    private static byte[] docxWithBody(BodyText text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application"
                    + "/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application"
                    + "/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.wordprocessingml.document.main+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                    + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas"
                    + ".openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org"
                    + "/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
            text.write(zip);
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.write(bytes);
        return bytes.toByteArray();
    }
}
