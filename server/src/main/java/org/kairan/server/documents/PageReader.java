package org.kairan.server.documents;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.PageWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text of one page, read once for whoever keeps it (the 課 libraries, the attachments of 決裁): its text
 * layer, or — when it has none, or almost none, and OCR is on — what Tesseract reads on its image, straightened
 * first when it is crooked vertical text ({@link Deskew}), with each word placed on the page as a viewer draws it.
 */
final class PageReader {

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);

    private final DocumentSettings settings;
    private final TesseractOcr ocr;

    /**
     * @param scratch  a directory for page images on their way to OCR
     * @param stopping whether the server is stopping: an OCR running is then stopped
     */
    PageReader(DocumentSettings settings, Path scratch, BooleanSupplier stopping) {
        this.settings = settings;
        this.ocr = new TesseractOcr(settings, scratch, stopping);
    }

    /**
     * The page's text, with the reason when it has none or only part: a damaged page, OCR switched off,
     * Tesseract missing, too slow or failing.
     *
     * @param noted told of each problem met, for a summary of the file
     * @return the page, or {@code null} when the server stopped meanwhile (the page is read at the next start)
     */
    PageStore.PageResult read(PageSource source, int page, Consumer<ExtractionProblem> noted) {
        String layer;
        try {
            layer = source.text(page);
        } catch (ExtractionProblem e) {
            noted.accept(e);
            return new PageStore.PageResult(page, "", false, e.failure());
        }
        if (!source.needsOcr(page, layer)) {
            return new PageStore.PageResult(page, layer, false, null);
        }
        if (!settings.ocr()) {
            return new PageStore.PageResult(page, layer, false, ExtractionFailure.OCR_DISABLED);
        }
        try {
            PageSource.PageImage image = source.image(page);
            Deskew.Skew skew = Deskew.skew(image.image());
            TesseractOcr.Recognised recognised = ocr.recognise(Deskew.straightened(image.image(), skew), image.dpi(),
                    skew.vertical());
            if (recognised.text().isBlank() && !layer.isBlank()) {
                return new PageStore.PageResult(page, layer, false, null);
            }
            PageWords words = RecognisedWords.placed(page, recognised.words(),
                    new Dimension(image.image().getWidth(), image.image().getHeight()), skew.applied(), image.pageWidth(),
                    image.pageHeight());
            return new PageStore.PageResult(page, recognised.text(), true, null, words);
        } catch (ExtractionProblem e) {
            noted.accept(e);
            return new PageStore.PageResult(page, layer, false, e.failure());
        } catch (IOException e) {
            ExtractionProblem problem = new ExtractionProblem(ExtractionFailure.OCR_FAILED, "OCR用の一時ファイルを作れません"
                    + " (scratch file: " + e.getMessage() + ")");
            noted.accept(problem);
            return new PageStore.PageResult(page, layer, false, problem.failure());
        } catch (InterruptedException e) {
            return null;
        }
    }

    /** Page images a stopped server left behind in the scratch directory. */
    static void removeLeftovers(Path scratch) {
        if (!Files.isDirectory(scratch)) {
            return;
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(scratch, "page-*")) {
            for (Path file : left) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("scratch files in {} stay: {}", scratch, e.toString());
        }
    }
}
