package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.internal.pdf.PageRaster;

/** A rendered page keeps its colours on the way into SWT: a red 印影 stays red, not blue. */
class PageRasterTest {

    @Test
    void coloursSurviveTheCopyIntoAnSwtImage() {
        BufferedImage page = new BufferedImage(30, 10, BufferedImage.TYPE_INT_RGB);
        paint(page);
        ImageData data = PageRaster.imageData(page);
        assertColours(data, "the image data");
        Image image = new Image(Display.getCurrent(), data);
        try {
            assertColours(image.getImageData(), "the SWT image made from it");
        } finally {
            image.dispose();
        }
    }

    @Test
    void anImageNotInPackedRgbIsConvertedToo() {
        BufferedImage page = new BufferedImage(30, 10, BufferedImage.TYPE_3BYTE_BGR);
        paint(page);
        assertColours(PageRaster.imageData(page), "image data from a BGR byte image");
        BufferedImage wider = new BufferedImage(40, 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wider.createGraphics();
        g.drawImage(page, 10, 0, null);
        g.dispose();
        assertColours(PageRaster.imageData(wider.getSubimage(10, 0, 30, 10)), "image data from a part of a larger image");
    }

    private static void paint(BufferedImage page) {
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(200, 20, 30)); // 印影 red
        g.fillRect(0, 0, 10, 10);
        g.setColor(new Color(10, 150, 40));
        g.fillRect(10, 0, 10, 10);
        g.setColor(new Color(20, 40, 220));
        g.fillRect(20, 0, 10, 10);
        g.dispose();
    }

    private static void assertColours(ImageData data, String what) {
        assertEquals(30, data.width, what + " is as wide as the page");
        assertEquals(new RGB(200, 20, 30), data.palette.getRGB(data.getPixel(5, 5)), "red stays red in " + what);
        assertEquals(new RGB(10, 150, 40), data.palette.getRGB(data.getPixel(15, 5)), "green stays green in " + what);
        assertEquals(new RGB(20, 40, 220), data.palette.getRGB(data.getPixel(25, 5)), "blue stays blue in " + what);
    }
}
