package org.kairan.ui;

import java.util.EnumMap;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Shows a text (an {@code otpauth://} URI for TOTP enrolment) as a QR code, drawn module by module in
 * black on white with the standard four-module quiet zone, as large as the widget allows with whole
 * pixels per module so that phone cameras read it from a screen.
 */
public final class QrCodeView extends Canvas {

    /** Modules of white border the QR specification asks for. */
    public static final int QUIET_ZONE = 4;

    private BitMatrix matrix;
    private String text = "";
    private String accessibleName = "";

    public QrCodeView(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> paint(e.gc));
        getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = accessibleName;
            }
        });
    }

    /** What a screen reader says for the code, e.g. 「二要素認証の登録用QRコード」. */
    public void setAccessibleName(String name) {
        checkWidget();
        this.accessibleName = name == null ? "" : name;
    }

    /** Encodes the text; an empty text clears the view. */
    public void setText(String text) {
        checkWidget();
        this.text = text == null ? "" : text;
        this.matrix = this.text.isEmpty() ? null : encode(this.text);
        redraw();
    }

    public String getText() {
        checkWidget();
        return text;
    }

    /** Modules per side without the quiet zone (0 when empty). */
    public int getModuleCount() {
        checkWidget();
        return matrix == null ? 0 : matrix.getWidth();
    }

    /** Whether the module at (x, y) is dark; for tests and for a person reading the code aloud. */
    public boolean isDark(int x, int y) {
        checkWidget();
        return matrix != null && matrix.get(x, y);
    }

    /** The QR matrix for a text; M error correction, no margin (the view draws the quiet zone). */
    public static BitMatrix encode(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code (" + text.length() + " chars)", e);
        }
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        int modules = (matrix == null ? 29 : matrix.getWidth()) + 2 * QUIET_ZONE;
        int side = modules * 5; // 5 px per module reads well on any screen
        return new Point(wHint == SWT.DEFAULT ? side : wHint, hHint == SWT.DEFAULT ? side : hHint);
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (matrix == null) {
            return;
        }
        int modules = matrix.getWidth() + 2 * QUIET_ZONE;
        int scale = Math.max(1, Math.min(area.width, area.height) / modules);
        int size = modules * scale;
        int left = area.x + (area.width - size) / 2 + QUIET_ZONE * scale;
        int top = area.y + (area.height - size) / 2 + QUIET_ZONE * scale;
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    gc.fillRectangle(left + x * scale, top + y * scale, scale, scale);
                }
            }
        }
    }
}
