package org.kairan.client.minutes;

/** A recording cannot be played here; the message says why in Japanese (with the cause in English after it). */
public final class PlaybackException extends Exception {

    private static final long serialVersionUID = 1L;

    public PlaybackException(String message, Throwable cause) {
        super(message, cause);
    }
}
