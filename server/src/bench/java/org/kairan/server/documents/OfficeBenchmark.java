package org.kairan.server.documents;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.kairan.core.documents.LibraryFiles;

/**
 * Benchmark of reading Word and Excel files' text (issue 5; not a test, never run by CI): what the extraction
 * worker and the upload's page count do with a file, {@link OfficePages#open} and every page's text, on a 100-page
 * .docx (≈1,400 characters a page in 10 paragraphs, an explicit page break after each page, a 5×4 table every tenth
 * page) and a 10-sheet .xlsx (1,000 rows of 8 cells a sheet: text, 全角 text, numbers with separators, dates, a
 * formula's cached value), both made here with POI. Prints the median of 7 runs after 3 warm-up runs.
 *
 * <p>Run from the repository root, after {@code ./mvnw -B -o -q -pl bundles/org.kairan.core,server package
 * -DskipTests}:
 * <pre>
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       server/src/bench/java/org/kairan/server/documents/OfficeBenchmark.java
 * java -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.documents.OfficeBenchmark
 * </pre>
 */
public final class OfficeBenchmark {

    private static final String PHRASE = "公共施設の点検結果を台帳に記録し、修繕の優先順位を定めるものとする。";

    private OfficeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("kairan-office-bench");
        Path docx = dir.resolve("100pages.docx");
        Path xlsx = dir.resolve("10sheets.xlsx");
        Files.write(docx, document(100));
        Files.write(xlsx, workbook(10, 1_000));
        System.out.printf(Locale.ROOT, "docx %,d bytes, xlsx %,d bytes%n", Files.size(docx), Files.size(xlsx));
        measure("100-page .docx", docx, LibraryFiles.DOCX);
        measure("10-sheet .xlsx", xlsx, LibraryFiles.XLSX);
        Files.delete(docx);
        Files.delete(xlsx);
        Files.delete(dir);
    }

    private static void measure(String what, Path file, String type) throws Exception {
        double[] millis = new double[7];
        int pages = 0;
        long characters = 0;
        for (int run = -3; run < millis.length; run++) {
            long start = System.nanoTime();
            try (OfficePages source = OfficePages.open(file, type)) {
                pages = source.pageCount();
                characters = 0;
                for (int page = 1; page <= pages; page++) {
                    characters += source.text(page).length();
                }
            }
            if (run >= 0) {
                millis[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s: %d pages, %,d characters, median %.0f ms (%.0f–%.0f ms), %.0f pages/s%n",
                what, pages, characters, millis[3], millis[0], millis[6], pages / (millis[3] / 1000));
    }

    private static byte[] document(int pages) throws Exception {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (int page = 1; page <= pages; page++) {
                for (int paragraph = 0; paragraph < 10; paragraph++) {
                    doc.createParagraph().createRun().setText("第" + page + "条の" + paragraph + "　" + PHRASE.repeat(4));
                }
                if (page % 10 == 0) {
                    XWPFTable table = doc.createTable(5, 4);
                    for (int r = 0; r < 5; r++) {
                        for (int c = 0; c < 4; c++) {
                            table.getRow(r).getCell(c).setText("区分" + r + "-" + c);
                        }
                    }
                }
                if (page < pages) {
                    doc.createParagraph().createRun().addBreak(BreakType.PAGE);
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.write(bytes);
            return bytes.toByteArray();
        }
    }

    private static byte[] workbook(int sheets, int rows) throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFCellStyle yen = book.createCellStyle();
            yen.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            XSSFCellStyle date = book.createCellStyle();
            date.setDataFormat((short) 14);
            for (int s = 1; s <= sheets; s++) {
                XSSFSheet sheet = book.createSheet("事業" + s);
                for (int r = 0; r < rows; r++) {
                    XSSFRow row = sheet.createRow(r);
                    row.createCell(0).setCellValue("事業" + s + "-" + r);
                    row.createCell(1).setCellValue(PHRASE.substring(0, 12));
                    row.createCell(2).setCellValue("１２３，" + (r % 1000));
                    for (int c = 3; c < 6; c++) {
                        row.createCell(c).setCellValue(random.nextInt(100_000_000));
                        row.getCell(c).setCellStyle(yen);
                    }
                    row.createCell(6).setCellValue(LocalDate.of(2026, 4, 1).plusDays(r % 365));
                    row.getCell(6).setCellStyle(date);
                    row.createCell(7).setCellFormula("SUM(D" + (r + 1) + ":F" + (r + 1) + ")");
                    row.getCell(7).setCellStyle(yen);
                }
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            return bytes.toByteArray();
        }
    }
}
