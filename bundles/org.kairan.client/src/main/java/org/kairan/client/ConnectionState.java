package org.kairan.client;

/** What the desktop currently knows about its link to the server. */
public enum ConnectionState {
    /** No session: nobody is logged in (or the user logged out). */
    LOGGED_OUT,
    /** The last request reached the server with a valid session. */
    CONNECTED,
    /** The last request did not reach the server (network down, server stopped, timeout). */
    UNREACHABLE,
    /** The server no longer accepts the session (expired, revoked by an administrator). */
    SESSION_EXPIRED
}
