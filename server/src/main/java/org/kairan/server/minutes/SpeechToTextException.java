package org.kairan.server.minutes;

/** A transcription cannot be done: no model for the language, a model that does not load…; the message in Japanese first. */
public final class SpeechToTextException extends Exception {

    public SpeechToTextException(String message) {
        super(message);
    }

    public SpeechToTextException(String message, Throwable cause) {
        super(message, cause);
    }
}
