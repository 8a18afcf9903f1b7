package org.kairan.server.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.server.record.PdfHeader;

/**
 * A PDF's pages through PDFBox: the text layer of each page in content order, and for a page without one
 * (a scan) the page drawn in grey for OCR. A PDF restricted by an owner password only (no copying, no
 * printing) opens and is read like any other; one that needs a password to open fails.
 */
final class PdfPages implements PageSource {

    private static final int MAX_FORM_DEPTH = 4;

    private final PDDocument document;
    private final PDFTextStripper stripper;
    private final PDFRenderer renderer;

    private PdfPages(PDDocument document) {
        this.document = document;
        this.stripper = new PDFTextStripper();
        this.stripper.setLineSeparator("\n");
        this.stripper.setPageEnd("");
        this.renderer = new PDFRenderer(document);
        // an embedded scan larger than the page image needs is read subsampled, not decoded whole into memory
        this.renderer.setSubsamplingAllowed(true);
    }

    /** @throws ExtractionProblem CORRUPT (cut short, unparseable), ENCRYPTED, NO_PAGES */
    static PdfPages open(Path file) throws ExtractionProblem, IOException {
        if (!PdfHeader.endsWithEofMarker(file)) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, "PDFの終わりがなく、途中で切れているようです。元のファイルを"
                    + "もう一度保存して新しい版として登録してください (the PDF is truncated: no %%EOF at its end)");
        }
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new ExtractionProblem(ExtractionFailure.ENCRYPTED, "パスワードで保護されたPDFのため開けません。パスワードを"
                    + "外したPDFを新しい版として登録してください (the PDF is password-protected)");
        } catch (IOException | RuntimeException e) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, "PDFとして読めません。ファイルが壊れています"
                    + " (the PDF is corrupt: " + e.getMessage() + ")");
        }
        try {
            if (document.getNumberOfPages() == 0) {
                throw new ExtractionProblem(ExtractionFailure.NO_PAGES, "ページのないPDFです (the PDF has no pages)");
            }
            return new PdfPages(document);
        } catch (ExtractionProblem | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    @Override
    public int pageCount() {
        return document.getNumberOfPages();
    }

    @Override
    public String text(int page) throws ExtractionProblem {
        try {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return Pages.normalised(stripper.getText(document));
        } catch (IOException | RuntimeException e) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, page + "ページ目を読めません（壊れています）"
                    + " (page " + page + " is damaged: " + e.getMessage() + ")");
        }
    }

    /** Little text, and an image on the page (a blank or a title-only page of a text PDF is not OCR'd). */
    @Override
    public boolean needsOcr(int page, String text) {
        if (Pages.visibleCharacters(text) >= Pages.MIN_TEXT_LAYER) {
            return false;
        }
        try {
            PDPage p = document.getPage(page - 1);
            return hasImage(p.getResources(), 0) || hasInlineImage(p);
        } catch (IOException | RuntimeException e) {
            return true; // let drawing it say what is wrong
        }
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > MAX_FORM_DEPTH) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /** An inline image ({@code BI … ID … EI}) in the page's content. */
    private static boolean hasInlineImage(PDPage page) throws IOException {
        try (InputStream in = page.getContents()) {
            String content = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return content.contains("\nBI") || content.contains(" BI\n") || content.startsWith("BI");
        }
    }

    @Override
    public PageImage image(int page) throws ExtractionProblem {
        try {
            PDPage p = document.getPage(page - 1);
            PDRectangle box = p.getCropBox();
            int dpi = Pages.dpiFor(box.getWidth(), box.getHeight());
            boolean sideways = Math.floorMod(p.getRotation(), 180) == 90;
            return new PageImage(renderer.renderImageWithDPI(page - 1, dpi, ImageType.GRAY), dpi,
                    sideways ? box.getHeight() : box.getWidth(), sideways ? box.getWidth() : box.getHeight());
        } catch (IOException | RuntimeException e) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, page + "ページ目を画像にできません（壊れています）"
                    + " (page " + page + " cannot be drawn: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
