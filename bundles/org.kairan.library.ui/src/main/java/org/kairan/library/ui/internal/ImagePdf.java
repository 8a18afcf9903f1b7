package org.kairan.library.ui.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A scanned image (PNG, JPEG, every frame of a TIFF) as an in-memory PDF, one page per image at its own size
 * (300 dpi assumed when the file says nothing), so the PDF viewer shows image versions like PDFs.
 */
final class ImagePdf {

    private static final float DPI = 300f;

    private ImagePdf() {
    }

    static byte[] of(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile());
                PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (in == null) {
                throw new IOException("cannot read " + image.getFileName());
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(image.getFileName() + " is not an image this desktop reads");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int frames = reader.getNumImages(true);
                for (int i = 0; i < frames; i++) {
                    addPage(pdf, reader.read(i));
                }
            } finally {
                reader.dispose();
            }
            if (pdf.getNumberOfPages() == 0) {
                throw new IOException(image.getFileName() + " has no image");
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static void addPage(PDDocument pdf, BufferedImage frame) throws IOException {
        float width = frame.getWidth() * 72f / DPI;
        float height = frame.getHeight() * 72f / DPI;
        PDPage page = new PDPage(new PDRectangle(width, height));
        pdf.addPage(page);
        PDImageXObject picture = LosslessFactory.createFromImage(pdf, frame);
        try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
            content.drawImage(picture, 0, 0, width, height);
        }
    }
}
