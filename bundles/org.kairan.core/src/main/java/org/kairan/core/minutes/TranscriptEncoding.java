package org.kairan.core.minutes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The character encoding a transcript file turned out to have. */
public enum TranscriptEncoding {
    UTF_8(StandardCharsets.UTF_8, "UTF-8"),
    /** UTF-8 starting with a byte order mark (Windows tools often write one). */
    UTF_8_BOM(StandardCharsets.UTF_8, "UTF-8 (BOM 付き)"),
    UTF_16LE_BOM(StandardCharsets.UTF_16LE, "UTF-16 (リトルエンディアン, BOM 付き)"),
    UTF_16BE_BOM(StandardCharsets.UTF_16BE, "UTF-16 (ビッグエンディアン, BOM 付き)"),
    /** Shift_JIS as Japanese Windows writes it (Microsoft's code page 932, with NEC and IBM extensions). */
    WINDOWS_31J(Charset.forName("windows-31j"), "Shift_JIS (windows-31j)");

    private final Charset charset;
    private final String label;

    TranscriptEncoding(Charset charset, String label) {
        this.charset = charset;
        this.label = label;
    }

    public Charset charset() {
        return charset;
    }

    /** The name shown to the user. */
    public String label() {
        return label;
    }
}
