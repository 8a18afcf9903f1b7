package org.kairan.client;

/** The server did not answer: connection refused, name unknown, TLS failure or timeout. */
public final class ServerUnreachableException extends KairanClientException {
    private static final long serialVersionUID = 1L;

    public ServerUnreachableException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
