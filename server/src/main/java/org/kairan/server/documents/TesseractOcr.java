package org.kairan.server.documents;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.kairan.core.documents.ExtractionFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR of one page image by the {@code tesseract} command (Debian {@code tesseract-ocr} with
 * {@code tesseract-ocr-jpn} and {@code -jpn-vert}): the image is written as an 8-bit grey PGM, Tesseract reads
 * it with the configured languages ({@code -l jpn+jpn_vert}: horizontal and vertical Japanese) and the image's
 * resolution, and writes the text and, in the same run, every word with its box (TSV; the text is exactly what
 * it would write alone, the TSV costs next to nothing more). A page whose text runs in rows is read without the
 * vertical models ({@code -l jpn}): running both costs 2.7 times the CPU for the same text. One thread of its own per page
 * ({@code OMP_THREAD_LIMIT=1}: on a 2-core server more threads only slow everything else down); a page that
 * takes longer than the timeout is stopped. The engine and its languages are checked once, at first use.
 */
final class TesseractOcr {

    private static final Logger LOG = LoggerFactory.getLogger(TesseractOcr.class);

    private final DocumentSettings settings;
    private final Path scratch;
    private final BooleanSupplier stopping;
    private volatile ExtractionProblem unavailable;
    private volatile boolean checked;

    /**
     * @param scratch  a directory for the page images and Tesseract's output
     * @param stopping whether the server is stopping: an OCR running is then stopped
     */
    TesseractOcr(DocumentSettings settings, Path scratch, BooleanSupplier stopping) {
        this.settings = settings;
        this.scratch = scratch;
        this.stopping = stopping;
    }

    /**
     * What Tesseract read on a page image: its text, and its words with their boxes in the image's pixels.
     *
     * @param text  the page's text, lines separated by {@code \n}
     * @param words the words, in reading order
     */
    record Recognised(String text, List<RecognisedWords.PixelBox> words) {
    }

    /**
     * The page's text and words.
     *
     * @param dpi      the image's resolution, as Tesseract should assume it
     * @param vertical whether the page's text stands in columns (縦書き): the vertical models are used
     * @throws ExtractionProblem OCR_UNAVAILABLE, OCR_TIMEOUT or OCR_FAILED
     * @throws InterruptedException when the server stops (the page is left for the next start)
     * @throws IOException          when the page image cannot be written to the scratch directory
     */
    Recognised recognise(BufferedImage image, int dpi, boolean vertical)
            throws ExtractionProblem, InterruptedException, IOException {
        checkAvailable();
        Files.createDirectories(scratch);
        Path input = Files.createTempFile(scratch, "page-", ".pgm");
        String base = input.toString().substring(0, input.toString().length() - ".pgm".length());
        Path text = Path.of(base + ".txt");
        Path words = Path.of(base + ".tsv");
        Path errors = Path.of(base + ".err");
        try {
            writePgm(image, input);
            // one reading of the page, written twice: as text and as TSV with each word's box
            List<String> command = new ArrayList<>(List.of(settings.tesseract(), input.toString(), base,
                    "-l", languages(vertical), "--dpi", Integer.toString(dpi), "--psm", "3", "txt", "tsv"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw unavailable("OCRエンジン（" + settings.tesseract() + "）を起動できません。サーバーに tesseract-ocr を"
                        + "インストールしてください (tesseract cannot be started: " + e.getMessage() + ")");
            }
            try {
                long deadline = System.nanoTime() + settings.ocrTimeout().toNanos();
                while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    if (stopping.getAsBoolean()) {
                        throw new InterruptedException("the server is stopping");
                    }
                    if (System.nanoTime() - deadline > 0) {
                        throw new ExtractionProblem(ExtractionFailure.OCR_TIMEOUT, "OCRが" + inJapanese(settings.ocrTimeout())
                                + "以内に終わりませんでした (OCR timed out)");
                    }
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            if (process.exitValue() != 0) {
                String stderr = Files.readString(errors, StandardCharsets.UTF_8).strip();
                if (stderr.contains("Failed loading language") || stderr.contains("Error opening data file")) {
                    throw unavailable("OCRの言語データ（" + settings.languages() + "）がありません。サーバーに tesseract-ocr-jpn と"
                            + " tesseract-ocr-jpn-vert をインストールしてください (language data missing)");
                }
                throw new ExtractionProblem(ExtractionFailure.OCR_FAILED, "OCRエンジンが異常終了しました（終了コード "
                        + process.exitValue() + "） (tesseract failed: " + lastLine(stderr) + ")");
            }
            return new Recognised(cleaned(Files.readString(text, StandardCharsets.UTF_8)),
                    Files.exists(words) ? RecognisedWords.parse(Files.readString(words, StandardCharsets.UTF_8)) : List.of());
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(text);
            Files.deleteIfExists(words);
            Files.deleteIfExists(errors);
        }
    }

    /** The configured languages, without the vertical ones ({@code *_vert}) for a page of rows when others remain. */
    String languages(boolean vertical) {
        if (vertical) {
            return settings.languages();
        }
        List<String> horizontal = Arrays.stream(settings.languages().split("\\+")).filter(l -> !l.endsWith("_vert"))
                .toList();
        return horizontal.isEmpty() ? settings.languages() : String.join("+", horizontal);
    }

    /** Checks once that the command runs and knows every configured language. */
    private void checkAvailable() throws ExtractionProblem, InterruptedException {
        if (!checked) {
            synchronized (this) {
                if (!checked) {
                    unavailable = probe();
                    checked = true;
                    if (unavailable == null) {
                        LOG.info("OCR: {} with {}", settings.tesseract(), settings.languages());
                    } else {
                        LOG.warn("OCR is not available: {}", unavailable.reason());
                    }
                }
            }
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    private ExtractionProblem probe() throws InterruptedException {
        List<String> known;
        try {
            Process process = new ProcessBuilder(settings.tesseract(), "--list-langs").redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ExtractionProblem(ExtractionFailure.OCR_UNAVAILABLE, "OCRエンジンが応答しません"
                        + " (tesseract --list-langs did not answer)");
            }
            known = new String(out, StandardCharsets.UTF_8).lines().map(String::strip).toList();
        } catch (IOException e) {
            return new ExtractionProblem(ExtractionFailure.OCR_UNAVAILABLE, "OCRエンジン（" + settings.tesseract()
                    + "）がありません。サーバーに tesseract-ocr をインストールしてください (tesseract cannot be started: "
                    + e.getMessage() + ")");
        }
        List<String> missing = Arrays.stream(settings.languages().split("\\+")).filter(l -> !known.contains(l)).toList();
        if (!missing.isEmpty()) {
            return new ExtractionProblem(ExtractionFailure.OCR_UNAVAILABLE, "OCRの言語データ " + String.join("・", missing)
                    + " がありません。サーバーに tesseract-ocr-jpn と tesseract-ocr-jpn-vert をインストールしてください"
                    + " (Tesseract language data missing: " + missing + ")");
        }
        return null;
    }

    private ExtractionProblem unavailable(String reason) {
        unavailable = new ExtractionProblem(ExtractionFailure.OCR_UNAVAILABLE, reason);
        checked = true;
        return unavailable;
    }

    /** 8-bit grey PGM (P5): nothing to compress, so it is written at disk speed, and Leptonica reads it. */
    static void writePgm(BufferedImage image, Path file) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage grey = Pages.grey(image);
        Raster raster = grey.getRaster();
        byte[] row = new byte[width];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            for (int y = 0; y < height; y++) {
                raster.getDataElements(0, y, width, 1, row);
                out.write(row);
            }
        }
    }

    /** Tesseract's text without its page-end form feed and trailing blanks; at most one empty line in a row. */
    static String cleaned(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.replace("\f", "").split("\\R", -1)) {
            String stripped = line.strip();
            if (stripped.isBlank()) {
                blank++;
                continue;
            }
            if (!out.isEmpty()) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(stripped);
            blank = 0;
        }
        return out.toString();
    }

    /** 60秒, or 500ミリ秒 for less than a second. */
    static String inJapanese(java.time.Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + "ミリ秒" : duration.toSeconds() + "秒";
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.getLast();
    }
}
