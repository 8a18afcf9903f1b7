package org.kairan.server.chat;

/**
 * The XMPP server business chat runs on, as far as the Kairan server's lifecycle is concerned: started after the
 * database, closed with the server.
 */
public interface ChatServer extends AutoCloseable {

    /** Starts the server and returns once clients can connect. */
    void start() throws ChatServerException;

    /** Whether it is running (started, not yet closed, not died). */
    boolean isRunning();

    /** Where clients connect; only meaningful while running. */
    ChatAddress address();

    /** Stops the server; idempotent, never throws. */
    @Override
    void close();
}
