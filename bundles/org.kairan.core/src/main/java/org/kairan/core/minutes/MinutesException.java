package org.kairan.core.minutes;

/** An edit the minutes cannot take (an utterance that is not there, a split outside the text); the message is Japanese. */
public final class MinutesException extends Exception {

    private static final long serialVersionUID = 1L;

    public MinutesException(String message) {
        super(message);
    }
}
