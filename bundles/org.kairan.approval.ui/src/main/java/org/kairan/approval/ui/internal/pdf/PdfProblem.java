package org.kairan.approval.ui.internal.pdf;

import java.text.MessageFormat;

import org.kairan.approval.ui.nls.Messages;

/** Why a document cannot be shown, each with the sentence the viewer shows instead of pages. */
public enum PdfProblem {
    /** The file is not there (moved, deleted, a wrong path). */
    MISSING,
    /** The file has no bytes (an interrupted download or copy). */
    EMPTY,
    /** Not a PDF, or a PDF damaged or cut short beyond what PDFBox can repair. */
    DAMAGED,
    /** Opening needs a password (PDFs with only an owner password open without one). */
    ENCRYPTED,
    /** The file exists but cannot be read (access rights, a disk error). */
    UNREADABLE;

    /** The sentence for a person; {@code subject} names the file or the reason, where the text has room for it. */
    public String describe(Messages messages, String subject) {
        String pattern = switch (this) {
            case MISSING -> messages.pdf_errorMissing;
            case EMPTY -> messages.pdf_errorEmpty;
            case DAMAGED -> messages.pdf_errorDamaged;
            case ENCRYPTED -> messages.pdf_errorEncrypted;
            case UNREADABLE -> messages.pdf_errorUnreadable;
        };
        return MessageFormat.format(pattern, subject == null ? "" : subject);
    }
}
