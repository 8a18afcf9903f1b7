package org.kairan.chat;

/** A chat action that could not be done; the message says why in the user's words. */
public class ChatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /** Why. */
    public enum Reason {
        /** Chat is not connected and the action cannot wait (a file, history). */
        NOT_CONNECTED,
        /** The message is longer than the limit. */
        TOO_LONG,
        /** The message is empty. */
        EMPTY,
        /** The file is larger than the chat server accepts. */
        FILE_TOO_LARGE,
        /** The file cannot be read. */
        FILE_UNREADABLE,
        /** The chat server refused (quota, permissions); the message carries its words. */
        REFUSED,
        /** Nothing to correct: the user has sent nothing in this conversation. */
        NOTHING_TO_CORRECT,
        /** Anything else (network). */
        FAILED
    }

    public ChatException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ChatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
