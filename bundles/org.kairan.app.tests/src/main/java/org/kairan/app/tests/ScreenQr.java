package org.kairan.app.tests;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads a QR code from what a control shows on screen, as a phone camera would. */
final class ScreenQr {

    private ScreenQr() {
    }

    static String read(Control control) throws ReaderException {
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                control.print(gc);
            } finally {
                gc.dispose();
            }
            return decode(image.getImageData());
        } finally {
            image.dispose();
        }
    }

    static String decode(ImageData data) throws ReaderException {
        int width = data.width;
        int height = data.height;
        byte[] luminance = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                luminance[y * width + x] = (byte) ((rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000);
            }
        }
        LuminanceSource source = new LuminanceSource(width, height) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row != null && row.length >= width ? row : new byte[width];
                System.arraycopy(luminance, y * width, out, 0, width);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return luminance;
            }
        };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
