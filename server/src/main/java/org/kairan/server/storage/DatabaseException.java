package org.kairan.server.storage;

/** The database failed (not the client's fault): answered as a 500/503. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
