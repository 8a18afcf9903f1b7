package org.kairan.library.ui.internal;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;

import org.kairan.client.documents.LibraryEntry;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.time.Wareki;
import org.kairan.library.ui.nls.Messages;

/** The library's words: a line's state, 年度 in 和暦 (Japanese) or as a year (English), 保存年限. */
final class LibraryTexts {

    private final Messages messages;
    private final boolean wareki;

    LibraryTexts(Messages messages, Locale locale) {
        this.messages = messages;
        this.wareki = locale.getLanguage().equals(Locale.JAPANESE.getLanguage());
    }

    Messages messages() {
        return messages;
    }

    /** 待機中, 抽出中 12/40, OCR 3/10, 抽出済, OCR済, 失敗（理由）, 送信待ち, 送信中. */
    String state(LibraryEntry line) {
        ExtractionStatus x = line.extraction();
        return switch (line.state()) {
            case QUEUED -> messages.library_state_QUEUED;
            case SENDING -> messages.library_state_SENDING;
            case REFUSED -> MessageFormat.format(messages.library_state_REFUSED, shortReason(line.reason()));
            case PENDING -> messages.library_state_PENDING;
            case EXTRACTING -> MessageFormat.format(x != null && x.ocrPages() > 0 ? messages.library_state_OCR
                    : messages.library_state_EXTRACTING, x == null ? 0 : x.pagesDone(), x == null ? 0 : x.pagesTotal());
            case EXTRACTED -> x != null && x.ocrPages() > 0 ? messages.library_state_OCR_DONE
                    : messages.library_state_EXTRACTED;
            case FAILED -> MessageFormat.format(messages.library_state_FAILED, shortReason(line.reason()));
        };
    }

    /** The state of a version (of a document on the server). */
    String state(ExtractionStatus x) {
        return switch (x.state()) {
            case PENDING -> messages.library_state_PENDING;
            case EXTRACTING -> MessageFormat.format(x.ocrPages() > 0 ? messages.library_state_OCR
                    : messages.library_state_EXTRACTING, x.pagesDone(), x.pagesTotal());
            case EXTRACTED -> x.ocrPages() > 0 ? messages.library_state_OCR_DONE : messages.library_state_EXTRACTED;
            case FAILED -> MessageFormat.format(messages.library_state_FAILED, shortReason(x.reason()));
        };
    }

    /**
     * The reason's first sentence, for a table cell: the server's reasons are Japanese sentences with the English in
     * parentheses at the end (「「x.pdf」を読めません（壊れています）。 (CORRUPT …)」); the whole reason is in the
     * details.
     */
    static String shortReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "—";
        }
        String text = reason.strip();
        int end = text.indexOf('。');
        if (end > 0) {
            return text.substring(0, end);
        }
        int english = text.lastIndexOf(" (");
        return english > 0 ? text.substring(0, english) : text;
    }

    /** 令和8年度 (Japanese), FY2026 (English). */
    String fiscalYear(int year) {
        if (year <= 0) {
            return "";
        }
        return wareki ? Wareki.fiscalYear(LocalDate.of(year, 4, 1)) : "FY" + year;
    }

    /** 30年, 永年. */
    String retention(int years) {
        return years == 0 ? messages.library_detail_permanent : MessageFormat.format(messages.library_detail_years, years);
    }

    /** A day in 和暦 (Japanese) or ISO (English). */
    String day(LocalDate day) {
        return wareki ? Wareki.format(day) : day.toString();
    }
}
