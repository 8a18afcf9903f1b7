package org.kairan.library.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.PropertyResourceBundle;

import org.junit.jupiter.api.Test;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.documents.LibraryEntry.State;
import org.kairan.core.documents.ExtractionFailure;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.library.ui.nls.Messages;

/** The state column in Japanese words, as the 文書庫 shows them. */
class LibraryTextsTest {

    private static Messages japanese() throws Exception {
        Messages m = new Messages();
        try (InputStream in = Files.newInputStream(Path.of("OSGI-INF", "l10n", "bundle.properties"))) {
            PropertyResourceBundle bundle = new PropertyResourceBundle(in);
            for (Field f : Messages.class.getFields()) {
                f.set(m, bundle.getString(f.getName()));
            }
        }
        return m;
    }

    private static LibraryEntry line(State state, ExtractionStatus x, String reason) {
        return new LibraryEntry("id", "120200", "表題", "a.pdf", 1, 40, 2026, "予算・決算", state, x, reason, null, null);
    }

    private static ExtractionStatus status(ExtractionState state, int done, int total, int ocr) {
        return new ExtractionStatus(state, done, total, ocr, state == ExtractionState.FAILED ? ExtractionFailure.CORRUPT
                : null, null, Instant.EPOCH);
    }

    @Test
    void everyStateInWords() throws Exception {
        LibraryTexts texts = new LibraryTexts(japanese(), Locale.JAPANESE);
        assertEquals("送信待ち", texts.state(line(State.QUEUED, null, null)));
        assertEquals("送信中", texts.state(line(State.SENDING, null, null)));
        assertEquals("待機中", texts.state(line(State.PENDING, status(ExtractionState.PENDING, 0, 40, 0), null)));
        assertEquals("抽出中 12/40", texts.state(line(State.EXTRACTING, status(ExtractionState.EXTRACTING, 12, 40, 0), null)));
        assertEquals("OCR 3/10", texts.state(line(State.EXTRACTING, status(ExtractionState.EXTRACTING, 3, 10, 3), null)));
        assertEquals("抽出済", texts.state(line(State.EXTRACTED, status(ExtractionState.EXTRACTED, 40, 40, 0), null)));
        assertEquals("OCR済", texts.state(line(State.EXTRACTED, status(ExtractionState.EXTRACTED, 10, 10, 10), null)));
        assertEquals("失敗（「壊れた.pdf」を読めません（壊れています））", texts.state(line(State.FAILED,
                status(ExtractionState.FAILED, 0, 0, 0), "「壊れた.pdf」を読めません（壊れています）。 (CORRUPT on page 1)")),
                "the reason's first sentence, without the English");
        assertEquals("失敗（「議事録.docx」は文書庫に登録できない種類のファイルです）", texts.state(line(State.REFUSED, null,
                "「議事録.docx」は文書庫に登録できない種類のファイルです。PDFか、スキャンした画像（PNG・JPEG・TIFF）を登録してください")));
        assertEquals("令和8年度", texts.fiscalYear(2026));
        assertEquals("永年", texts.retention(0));
        assertEquals("30年", texts.retention(30));
    }
}
