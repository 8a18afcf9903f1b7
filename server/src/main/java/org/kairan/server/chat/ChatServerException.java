package org.kairan.server.chat;

/** The chat server cannot be started; the message says what is missing or what went wrong. */
public final class ChatServerException extends Exception {

    public ChatServerException(String message) {
        super(message);
    }

    public ChatServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
