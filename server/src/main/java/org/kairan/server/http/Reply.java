package org.kairan.server.http;

/**
 * What a route answers: a status and a body serialised as JSON ({@code null} for no body).
 *
 * @param status HTTP status
 * @param body   the record to send, or {@code null}
 */
public record Reply(int status, Object body) {

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    public static Reply noContent() {
        return new Reply(204, null);
    }
}
