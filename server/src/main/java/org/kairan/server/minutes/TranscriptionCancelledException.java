package org.kairan.server.minutes;

/** A transcription stopped because it was cancelled (or the server is stopping); it has no result. */
public final class TranscriptionCancelledException extends Exception {

    public TranscriptionCancelledException() {
        super("取り消されました (cancelled)");
    }
}
