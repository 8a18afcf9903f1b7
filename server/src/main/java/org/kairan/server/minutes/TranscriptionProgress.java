package org.kairan.server.minutes;

/** What a transcription tells its caller as it goes, and how the caller stops it. */
public interface TranscriptionProgress {

    /** How many bytes of the PCM stream the engine has been fed so far. */
    void fed(long bytes);

    /** Whether to stop: the engine checks it before every chunk and throws {@link TranscriptionCancelledException}. */
    boolean cancelled();

    /** No progress wanted, never cancelled. */
    TranscriptionProgress NONE = new TranscriptionProgress() {
        @Override
        public void fed(long bytes) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
