package org.kairan.chat;

/** Where the desktop's chat connection stands. */
public enum ChatState {
    /** Nobody is logged in to Kairan, or the user logged out. */
    OFF,
    /** The office runs Kairan without chat (the server has none). */
    UNAVAILABLE,
    /** Fetching the chat account from the Kairan server and logging in to the chat server. */
    CONNECTING,
    /** Logged in: messages go out at once. */
    ONLINE,
    /**
     * The connection dropped (network, chat server restarting): messages typed now wait and go out, each once,
     * when it is back; the stream is resumed so nothing sent to the user meanwhile is lost.
     */
    RECONNECTING
}
