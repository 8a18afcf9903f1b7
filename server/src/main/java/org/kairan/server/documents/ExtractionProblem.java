package org.kairan.server.documents;

import java.util.Objects;

import org.kairan.core.documents.ExtractionFailure;

/** Why a file, or one of its pages, could not be read: the code and the reason in Japanese (English in brackets). */
final class ExtractionProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final ExtractionFailure failure;

    ExtractionProblem(ExtractionFailure failure, String reason) {
        super(reason, null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    ExtractionFailure failure() {
        return failure;
    }

    /** The reason for the person who added the file. */
    String reason() {
        return getMessage();
    }
}
