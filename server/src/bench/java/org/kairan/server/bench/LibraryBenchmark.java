package org.kairan.server.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.kairan.core.auth.Base32;
import org.kairan.core.auth.Totp;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.files.StoredFile;
import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.LoginResponse;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.core.sync.CommandResults;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.KairanServer;
import org.kairan.server.ServerConfig;
import org.kairan.server.documents.DocumentSettings;
import org.kairan.server.http.ApiJson;
import org.kairan.server.record.RecordFonts;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark of the document library's text extraction (issue 5; not a test, never run by CI): the real server in
 * this JVM on port 0 with the demo city (its libraries left empty) on a fresh H2 database; 財政課's 主事 uploads and
 * adds documents over HTTP as a desktop would, and the clock runs from the {@code document.add} command until the
 * document reads EXTRACTED — the worker's whole path: PDFBox or rendering + Tesseract, keeping pages, publishing
 * the document and its text. Prints text extraction in pages/s (also PDFBox alone on the same file), OCR seconds per
 * page with the character error rate of each page, and the load average before and after.
 *
 * <p>Run from the repository root (JDK 21+; tesseract-ocr with jpn and jpn_vert installed):
 * <pre>
 * ./mvnw -B -o -q -pl bundles/org.kairan.core,server package -DskipTests
 * javac --release 21 -cp server/target/kairan-server.jar -d server/target/bench-classes \
 *       $(find server/src/bench/java -name '*.java')
 * java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *      -cp server/target/kairan-server.jar:server/target/bench-classes org.kairan.server.bench.LibraryBenchmark \
 *      [--text-docs 3] [--text-pages 100] [--scan-pages 10] [--languages jpn+jpn_vert]
 * </pre>
 */
public final class LibraryBenchmark {

    private static final String SHUJI = "120002";
    private static final String ZAISEI_KA = "120200";
    private static final String PASSWORD = "kairan-demo-2026";
    private static final int DPI = 300;
    private static final List<String> PHRASES = List.of("公共施設の点検結果を台帳に記録し、修繕の優先順位を定める。",
            "令和8年度の予算要求は、経常的経費を前年度の97％以内とする。", "随意契約による場合は、2者以上から見積書を徴する。",
            "住民票の写しの交付請求では、顔写真付きの書類で本人確認を行う。", "情報セキュリティ事故は、直ちに情報政策課長に報告する。");

    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;
    private String token;

    private LibraryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int textDocs = option(args, "--text-docs", 3);
        int textPages = option(args, "--text-pages", 100);
        int scanPages = option(args, "--scan-pages", 10);
        String languages = text(args, "--languages", DocumentSettings.DEFAULT_LANGUAGES);
        new LibraryBenchmark().run(textDocs, textPages, scanPages, languages);
    }

    private void run(int textDocs, int textPages, int scanPages, String languages) throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        Path dir = Files.createTempDirectory("kairan-library-bench");
        ServerConfig config = ServerConfig.defaults(dir).toBuilder().port(0).demo(true).demoLibrary(false)
                .documents(DocumentSettings.defaults().withLanguages(languages)).build();
        try (KairanServer server = KairanServer.newServer(config)) {
            server.start();
            base = server.uri();
            token = firstLogin();
            System.out.printf(Locale.ROOT, "library bench: %d text PDFs of %d pages, a scan of %d pages, OCR -l %s, %d cores,"
                    + " load before %s%n", textDocs, textPages, scanPages, languages,
                    Runtime.getRuntime().availableProcessors(), loadBefore);

            RecordFonts fonts = RecordFonts.installed();
            List<Double> perSecond = new ArrayList<>();
            for (int d = 0; d < textDocs; d++) {
                byte[] pdf = textPdf(fonts, textPages, d);
                double pdfboxAlone = pdfboxPagesPerSecond(pdf);
                Timed timed = addAndWait("点検記録" + d + ".pdf", pdf);
                double rate = textPages / timed.seconds();
                perSecond.add(rate);
                System.out.printf(Locale.ROOT, "  text PDF %d: %d pages (%,d chars) extracted in %.2f s through the server ="
                        + " %.0f pages/s (server's own clock %.2f s); PDFBox alone %.0f pages/s%n", d + 1, textPages,
                        timed.characters(), timed.seconds(), rate, timed.serverSeconds(), pdfboxAlone);
            }

            List<List<String>> scanned = new ArrayList<>();
            List<BufferedImage> images = new ArrayList<>();
            Font gothic = Font.createFont(Font.TRUETYPE_FONT, fonts.gothic().toFile());
            for (int p = 0; p < scanPages; p++) {
                List<String> lines = new ArrayList<>();
                for (int l = 0; l < 24; l++) {
                    lines.add(PHRASES.get((p + l) % PHRASES.size()));
                }
                scanned.add(lines);
                images.add(scan(gothic, lines, p));
            }
            Timed ocr = addAndWait("スキャン.pdf", imagePdf(images));
            System.out.printf(Locale.ROOT, "  scan: %d pages OCR'd in %.1f s = %.2f s/page (server's own clock %.2f s/page)%n",
                    scanPages, ocr.seconds(), ocr.seconds() / scanPages, ocr.serverSeconds() / scanPages);
            DocumentText text = get("/api/documents/" + ocr.id() + "/text", DocumentText.class);
            double[] cer = new double[scanPages];
            for (int p = 0; p < scanPages; p++) {
                cer[p] = characterErrorRate(String.join("", scanned.get(p)), text.pages().get(p).text());
            }
            double[] sorted = cer.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "  scan: character error rate per page (NFKC, whitespace ignored) median %.2f %%,"
                    + " worst %.2f %% (%d characters a page, 10.5 pt IPA Gothic at 300 dpi, turned 0.3°, grain and dust,"
                    + " JPEG 85 %%)%n",
                    100 * sorted[scanPages / 2], 100 * sorted[scanPages - 1],
                    String.join("", scanned.getFirst()).replaceAll("\\s", "").length());
            perSecond.sort(null);
            System.out.printf(Locale.ROOT, "library bench summary: text %.0f pages/s (median of %d), OCR %.2f s/page; load after %s%n",
                    perSecond.get(perSecond.size() / 2), perSecond.size(), ocr.seconds() / scanPages,
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }

    /** Wall time from the add command to EXTRACTED (polled every 20 ms), and the server's own timestamps. */
    private record Timed(String id, double seconds, double serverSeconds, long characters) {
    }

    private Timed addAndWait(String name, byte[] bytes) throws Exception {
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(base.resolve("/api/files?purpose=library"))
                .header("Authorization", "Bearer " + token)
                .header("X-Kairan-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (upload.statusCode() != 200) {
            throw new IllegalStateException("upload of " + name + ": " + upload.body());
        }
        String sha = json.readValue(upload.body(), StoredFile.class).sha256();
        String id = UUID.randomUUID().toString();
        Map<String, Object> command = Map.of("key", UUID.randomUUID().toString(), "type", CommandTypes.ADD_DOCUMENT,
                "payload", new AddDocument(id, ZAISEI_KA, name, "一般庶務", 2026, List.of(), null, new DocumentFile(name, sha)));
        long start = System.nanoTime();
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(base.resolve("/api/sync/commands"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("commands", List.of(command)))))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() != 200 || !json.readValue(sent.body(), CommandResults.class).results().getFirst().outcome()
                .name().equals("APPLIED")) {
            throw new IllegalStateException("add of " + name + ": " + sent.body());
        }
        while (true) {
            DocumentVersion version = get("/api/documents/" + id, LibraryDocument.class).current().orElseThrow();
            if (version.extraction().state().finished()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                if (!version.extraction().state().name().equals("EXTRACTED")) {
                    throw new IllegalStateException(name + " was not extracted: " + version.extraction());
                }
                long characters = get("/api/documents/" + id + "/text", DocumentText.class).pages().stream()
                        .mapToLong(p -> p.text().length()).sum();
                return new Timed(id, seconds, Duration.between(version.uploadedAt(), version.extraction().updatedAt())
                        .toNanos() / 1e9, characters);
            }
            Thread.sleep(20);
        }
    }

    private <T> T get(String path, Class<T> type) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode());
        }
        return json.readValue(response.body(), type);
    }

    private String firstLogin() throws Exception {
        LoginResponse first = post("/api/auth/login", new LoginRequest(SHUJI, PASSWORD, null));
        String query = URI.create(first.otpauthUri()).getRawQuery();
        String secret = Arrays.stream(query.split("&")).filter(p -> p.startsWith("secret=")).findFirst().orElseThrow()
                .substring("secret=".length());
        Totp totp = new Totp(Clock.systemUTC());
        String code = totp.codeAt(new Base32().decode(secret), totp.currentStep());
        return post("/api/auth/totp/enrol", new TotpEnrolmentRequest(first.enrolmentToken(), code)).sessionToken();
    }

    private LoginResponse post(String path, Object body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(
                        json.writeValueAsBytes(body))).build(), HttpResponse.BodyHandlers.ofByteArray());
        return json.readValue(response.body(), LoginResponse.class);
    }

    /** PDFBox's text of every page, one page at a time as the worker reads them: pages per second. */
    private static double pdfboxPagesPerSecond(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            long start = System.nanoTime();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.getText(document);
            }
            return document.getNumberOfPages() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Pages of 40 lines of Japanese (≈1,300 characters a page), IPA Gothic 10.5 pt. */
    private static byte[] textPdf(RecordFonts fonts, int pages, int seed) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, fonts.gothic().toFile());
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.beginText();
                    s.setFont(font, 10.5f);
                    s.setLeading(18);
                    s.newLineAtOffset(56, 790);
                    for (int l = 0; l < 40; l++) {
                        s.showText(String.format("%d-%d %s", p + 1, l + 1, PHRASES.get((p + l + seed) % PHRASES.size())));
                        s.newLine();
                    }
                    s.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A page as a 300 dpi scanner makes it: 10.5 pt IPA Gothic, turned 0.3°, grain and dust. */
    private static BufferedImage scan(Font gothic, List<String> lines, long seed) {
        BufferedImage page = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.rotate(Math.toRadians(0.3), page.getWidth() / 2.0, page.getHeight() / 2.0);
            g.setColor(new Color(30, 30, 30));
            float pixels = 10.5f / 72 * DPI;
            g.setFont(gothic.deriveFont(pixels));
            float y = 260;
            for (String line : lines) {
                g.drawString(line, 220, y);
                y += pixels * 2.2f;
            }
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < pixels.length; i++) {
            int value = Math.min(240, pixels[i] & 0xff) + random.nextInt(17) - 8;
            if (random.nextInt(3000) == 0) {
                value = random.nextInt(80);
            }
            pixels[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return page;
    }

    private static byte[] imagePdf(List<BufferedImage> scans) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (BufferedImage scan : scans) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                var image = JPEGFactory.createFromImage(document, scan, 0.85f, DPI);
                try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                    s.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Edit distance over the expected length, whitespace ignored and widths folded (NFKC) on both sides. */
    static double characterErrorRate(String expected, String recognised) {
        int[] a = visible(expected);
        int[] b = visible(recognised);
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                current[j] = Math.min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1),
                        Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return a.length == 0 ? 0 : (double) previous[b.length] / a.length;
    }

    private static int option(String[] args, String name, int fallback) {
        String value = text(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static String text(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The code points of the text, widths folded (NFKC), whitespace left out. */
    private static int[] visible(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).toArray();
    }
}
