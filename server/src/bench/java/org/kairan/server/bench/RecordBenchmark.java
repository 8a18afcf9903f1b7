package org.kairan.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.kairan.server.record.PdfOfRecord;
import org.kairan.server.record.PersonOnRecord;
import org.kairan.server.record.RecordAttachment;
import org.kairan.server.record.RecordFile;
import org.kairan.server.record.RecordFonts;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.record.RecordSheet;
import org.kairan.server.record.RecordSigner;
import org.kairan.server.record.RecordSigningKey;
import org.kairan.server.record.RecordVerifier;
import org.kairan.server.record.SealEntry;

/**
 * Benchmark of the PDF of record (not a test; never run by CI): a 決裁 with 6 seals and a 20-page attached
 * PDF of Japanese text is written ({@link PdfOfRecord}) and signed ({@link RecordSigner}) {@code --runs}
 * times after {@code --warmup} runs; prints median and p95 of build, sign and both together, the file size,
 * and the time to verify the last one.
 *
 * <p>Run from the repository root (JDK 21+; the shaded server jar holds every dependency):
 * <pre>
 * ./mvnw -q -pl bundles/org.kairan.core,server package -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       $(find server/src/bench/java -name '*.java')
 * java -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.bench.RecordBenchmark \
 *      [--runs 20] [--warmup 5]
 * </pre>
 */
public final class RecordBenchmark {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private RecordBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = option(args, "--runs", 20);
        int warmup = option(args, "--warmup", 5);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Path dir = Files.createTempDirectory("kairan-record-bench");
        RecordFonts fonts = RecordFonts.installed();
        Path attachment = attachment(dir.resolve("見積書.pdf"), fonts, 20);
        RecordSheet sheet = sheet(RecordAttachment.ofFile("見積書.pdf", "application/pdf", attachment));
        RecordSigningKey key = RecordSigningKey.forServer(RecordSettings.defaults(), dir, Clock.systemUTC());
        PdfOfRecord records = new PdfOfRecord(fonts, TOKYO, Clock.systemUTC());
        RecordSigner signer = new RecordSigner(key, Clock.systemUTC());

        long[] build = new long[runs];
        long[] sign = new long[runs];
        long[] total = new long[runs];
        RecordFile last = null;
        for (int i = -warmup; i < runs; i++) {
            Path unsigned = dir.resolve("unsigned.pdf");
            Path signed = dir.resolve("signed.pdf");
            long t0 = System.nanoTime();
            RecordFile written = records.write(sheet, unsigned);
            long t1 = System.nanoTime();
            last = signer.sign(written, signed);
            long t2 = System.nanoTime();
            if (i >= 0) {
                build[i] = t1 - t0;
                sign[i] = t2 - t1;
                total[i] = t2 - t0;
            }
        }
        long v0 = System.nanoTime();
        boolean valid = new RecordVerifier(key.certificate()).verify(last.file()).valid();
        long verify = System.nanoTime() - v0;

        System.out.printf(Locale.ROOT, "PDF of record: 鑑 + 20-page attachment, 6 seals; %d runs after %d warm-up%n",
                runs, warmup);
        System.out.println("build          " + summary(build));
        System.out.println("sign           " + summary(sign));
        System.out.println("build + sign   " + summary(total));
        System.out.printf(Locale.ROOT, "file: %d pages, %,d bytes signed (attachment alone %,d bytes)%n", last.pages(),
                last.size(), Files.size(attachment));
        System.out.printf(Locale.ROOT, "verify (once): %.1f ms, %s%n", verify / 1e6, valid ? "valid" : "INVALID");
        System.out.println("load average before: " + loadBefore);
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static RecordSheet sheet(RecordAttachment attachment) {
        PersonOnRecord drafter = new PersonOnRecord("財政課", "主事", "佐藤 花子");
        List<SealEntry> route = List.of(
                SealEntry.acted("起案", drafter, at(20, 9), "起案"),
                SealEntry.acted("回議", new PersonOnRecord("財政課", "係長", "鈴木 一郎"), at(24, 14), "承認"),
                SealEntry.acted("回議", new PersonOnRecord("財政課", "課長補佐", "田中 美咲"), at(24, 16), "承認"),
                SealEntry.acted("合議", new PersonOnRecord("契約検査課", "契約検査課長", "高橋 健二"), at(25, 11), "合議済"),
                SealEntry.acted("回議", new PersonOnRecord("財政課", "課長", "山田 太郎"), at(25, 15), "承認"),
                SealEntry.daiketsu("専決", new PersonOnRecord("総務部", "次長", "渡辺 恵"), "伊藤 誠", at(26, 10)));
        String body = "このことについて、令和8年度の庁舎清掃用品を下記のとおり購入してよろしいか伺います。\n\n"
                + "1. 品名　洗剤、モップ、ごみ袋ほか\n2. 金額　150,000円\n3. 購入先　株式会社伊織商事\n";
        return new RecordSheet("伊財第12号", "令和8年度 庁舎清掃用品の購入について", "財務－契約－物品購入", "5年", drafter,
                LocalDate.of(2026, 11, 20), at(26, 10), "物品購入", 150_000, body, route, List.of(attachment));
    }

    private static Instant at(int day, int hour) {
        return ZonedDateTime.of(2026, 11, day, hour, 0, 0, 0, TOKYO).toInstant();
    }

    /** A PDF of {@code pages} A4 pages of Japanese text (about 1,400 characters each) in IPA明朝. */
    private static Path attachment(Path file, RecordFonts fonts, int pages) throws IOException {
        String line = "庁舎の清掃に用いる物品について、必要な数量と単価を確認し、予算の範囲内で購入する。";
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, fonts.mincho().toFile());
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 10.5f);
                    s.setLeading(16);
                    s.newLineAtOffset(50, 790);
                    s.showText("見積書 " + p + " / " + pages + " ページ");
                    for (int l = 0; l < 45; l++) {
                        s.newLine();
                        s.showText((l + 1) + ". " + line);
                    }
                    s.endText();
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static String summary(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "median %7.1f ms, p95 %7.1f ms, min %7.1f ms, max %7.1f ms",
                sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6,
                sorted[0] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
