package org.kairan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodeEncodingTest {

    static String decode(BitMatrix matrix, int scale) throws Exception {
        int quiet = QrCodeView.QUIET_ZONE;
        int side = (matrix.getWidth() + 2 * quiet) * scale;
        byte[] pixels = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight()
                        && matrix.get(mx, my);
                pixels[y * side + x] = (byte) (dark ? 0 : 255);
            }
        }
        LuminanceSource source = new LuminanceSource(side, side) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row != null && row.length >= side ? row : new byte[side];
                System.arraycopy(pixels, y * side, out, 0, side);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return pixels;
            }
        };
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void anEnrolmentUriReadsBackExactlyAsAnAuthenticatorAppWouldScanIt() throws Exception {
        String uri = "otpauth://totp/Kairan:120002?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Kairan"
                + "&algorithm=SHA1&digits=6&period=30";
        assertEquals(uri, decode(QrCodeView.encode(uri), 3), "the QR code must decode to the otpauth URI unchanged");
    }

    @Test
    void japaneseLabelsSurviveTheRoundTrip() throws Exception {
        String uri = "otpauth://totp/%E5%9B%9E%E8%A6%A7:佐藤?secret=ABCDEFGH&issuer=回覧";
        assertEquals(uri, decode(QrCodeView.encode(uri), 4), "UTF-8 text is encoded as UTF-8");
    }

    @Test
    void aTextTooLongForAnyQrCodeIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> QrCodeView.encode("x".repeat(8000)),
                "more than a version-40 code holds is an IllegalArgumentException");
    }
}
