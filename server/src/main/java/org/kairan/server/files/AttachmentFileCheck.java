package org.kairan.server.files;

import java.net.URLConnection;
import java.nio.file.Path;

import org.kairan.core.files.FileRefusal;
import org.kairan.server.record.AttachmentCheck;

/**
 * The upload check of {@link FileStore}: {@link AttachmentCheck}'s verdict (PDFs by content: encrypted,
 * broken, page-less), with the media type of other files guessed from their name.
 */
public final class AttachmentFileCheck implements FileCheck {

    private final AttachmentCheck check;

    public AttachmentFileCheck(AttachmentCheck check) {
        this.check = check;
    }

    @Override
    public Inspection inspect(Path file, String name) throws java.io.IOException {
        AttachmentCheck.Result result = check.check(file, name);
        FileRefusal refusal = switch (result.reason()) {
            case ACCEPTED -> null;
            case EMPTY -> FileRefusal.EMPTY;
            case TOO_LARGE -> FileRefusal.TOO_LARGE;
            case PDF_ENCRYPTED -> FileRefusal.ENCRYPTED;
            case PDF_BROKEN -> FileRefusal.CORRUPT;
            case PDF_NO_PAGES -> FileRefusal.NO_PAGES;
        };
        if (refusal != null) {
            throw new FileRefusedException(refusal, result.message());
        }
        if (result.pdf()) {
            return new Inspection("application/pdf", result.pageCount());
        }
        String guessed = URLConnection.guessContentTypeFromName(name);
        return new Inspection(guessed == null ? "application/octet-stream" : guessed, 0);
    }
}
