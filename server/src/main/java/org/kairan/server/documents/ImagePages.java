package org.kairan.server.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.kairan.core.documents.ExtractionFailure;
import org.w3c.dom.NodeList;

/**
 * A scanned image (PNG, JPEG, TIFF with one frame per page) through the JDK's ImageIO: every page is OCR'd at
 * the resolution the file records (300 dpi when it records none); a very large scan is read subsampled. Its size
 * in points is its pixels at the recorded resolution, or at 72 dpi (one point a pixel) when it records none.
 */
final class ImagePages implements PageSource {

    private final ImageInputStream in;
    private final ImageReader reader;
    private final int frames;

    private ImagePages(ImageInputStream in, ImageReader reader, int frames) {
        this.in = in;
        this.reader = reader;
        this.frames = frames;
    }

    /** @throws ExtractionProblem CORRUPT when no reader takes it */
    static ImagePages open(Path file) throws ExtractionProblem, IOException {
        ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
        if (in == null) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, "画像を開けません (the image cannot be opened)");
        }
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ExtractionProblem(ExtractionFailure.CORRUPT, "画像として読めません。ファイルが壊れています"
                        + " (no image reader takes it)");
            }
            ImageReader reader = readers.next();
            reader.setInput(in);
            int frames = reader.getNumImages(true);
            if (frames < 1) {
                reader.dispose();
                throw new ExtractionProblem(ExtractionFailure.CORRUPT, "画像にページがありません (the image has no frames)");
            }
            return new ImagePages(in, reader, frames);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, "画像として読めません。ファイルが壊れています"
                    + " (the image is damaged: " + e.getMessage() + ")");
        } catch (ExtractionProblem e) {
            in.close();
            throw e;
        }
    }

    @Override
    public int pageCount() {
        return frames;
    }

    @Override
    public String text(int page) {
        return "";
    }

    @Override
    public boolean needsOcr(int page, String text) {
        return true;
    }

    @Override
    public PageImage image(int page) throws ExtractionProblem {
        try {
            int index = page - 1;
            long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
            int step = pixels <= Pages.MAX_PIXELS ? 1 : (int) Math.ceil(Math.sqrt((double) pixels / Pages.MAX_PIXELS));
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            IIOImage read = reader.readAll(index, param);
            int recorded = recordedDpi(read.getMetadata());
            int dpi = Math.max(72, (recorded == 0 ? Pages.OCR_DPI : recorded) / step);
            float pointsPerPixel = recorded == 0 ? 1f : 72f / recorded;
            return new PageImage(Pages.grey((java.awt.image.BufferedImage) read.getRenderedImage()), dpi,
                    reader.getWidth(index) * pointsPerPixel, reader.getHeight(index) * pointsPerPixel);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionProblem(ExtractionFailure.CORRUPT, page + "ページ目の画像を読めません（壊れています）"
                    + " (frame " + page + " is damaged: " + e.getMessage() + ")");
        }
    }

    /**
     * The horizontal resolution the image records (standard metadata: millimetres per pixel), 0 when it records
     * none or an implausible one (it is then OCR'd as 300 dpi and shown as 72).
     */
    static int recordedDpi(IIOMetadata metadata) {
        try {
            if (metadata != null && metadata.isStandardMetadataFormatSupported()) {
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
                NodeList sizes = root.getElementsByTagName("HorizontalPixelSize");
                if (sizes.getLength() > 0) {
                    double mmPerPixel = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
                    int dpi = (int) Math.round(25.4 / mmPerPixel);
                    if (dpi >= 72 && dpi <= 2400) {
                        return dpi;
                    }
                }
            }
        } catch (RuntimeException e) {
            // no usable resolution recorded
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
