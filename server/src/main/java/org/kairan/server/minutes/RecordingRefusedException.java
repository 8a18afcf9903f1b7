package org.kairan.server.minutes;

/** A recording that is not taken (not audio, a format without its converter, empty, too large); the message in Japanese first. */
public final class RecordingRefusedException extends Exception {

    /** Why a recording is refused. */
    public enum Refusal {
        /** Neither Java nor ffmpeg reads it as audio. */
        NOT_AUDIO,
        /** Not WAV, and ffmpeg, which would convert it, is not installed. */
        NO_CONVERTER,
        /** No sound in it (0 seconds). */
        EMPTY,
        /** Larger than kairan.stt.maxUploadBytes. */
        TOO_LARGE
    }

    private final Refusal refusal;

    public RecordingRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
