package org.kairan.app.nls;

import java.text.MessageFormat;
import java.time.Duration;

import org.kairan.client.AccountLockedException;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerAddress.InvalidServerAddressException;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.SessionExpiredException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.client.WrongTotpException;
import org.kairan.core.protocol.ErrorCode;

/** Turns what went wrong into a sentence a person can act on, in the UI language. */
public final class ErrorTexts {

    private final Messages messages;

    public ErrorTexts(Messages messages) {
        this.messages = messages;
    }

    /** A sentence for any failure of a server call; {@code server} names the server when it was not reached. */
    public String of(Exception failure, ServerAddress server) {
        return switch (failure) {
            case WrongCredentialsException e -> messages.error_wrongCredentials;
            case WrongTotpException e -> messages.error_wrongTotp;
            case AccountLockedException e -> MessageFormat.format(
                    e.lockedOut() ? messages.error_locked : messages.error_throttled, duration(e.retryAfter()));
            case SessionExpiredException e -> messages.error_sessionExpired;
            case ServerUnreachableException e -> MessageFormat.format(messages.error_unreachable,
                    server == null ? "" : server.toString());
            case RequestRejectedException e when e.code() == ErrorCode.FORBIDDEN -> messages.error_forbidden;
            case RequestRejectedException e when e.code() == ErrorCode.PAYLOAD_TOO_LARGE -> messages.error_tooLarge;
            case RequestRejectedException e when e.status() >= 500 ->
                MessageFormat.format(messages.error_server, e.status());
            case RequestRejectedException e -> MessageFormat.format(messages.error_rejected, e.getMessage());
            case InvalidServerAddressException e -> serverAddress(e);
            default -> MessageFormat.format(messages.error_rejected, String.valueOf(failure.getMessage()));
        };
    }

    /** Why the typed server address cannot be used. */
    public String serverAddress(InvalidServerAddressException e) {
        return switch (e.problem()) {
            case EMPTY -> messages.error_serverEmpty;
            case MALFORMED -> MessageFormat.format(messages.error_serverMalformed, e.text());
            case INSECURE_REMOTE -> messages.error_serverInsecure;
        };
    }

    /** 「15分」「30秒」/ "15 min", "30 s"; rounded up to whole minutes from two minutes on. */
    public String duration(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        if (seconds >= 120) {
            return MessageFormat.format(messages.duration_minutes, (seconds + 59) / 60);
        }
        return MessageFormat.format(messages.duration_seconds, seconds);
    }

    /** Validates an address as typed; null when fine, the sentence otherwise. */
    public String checkServerAddress(String text) {
        try {
            ServerAddress.parse(text);
            return null;
        } catch (InvalidServerAddressException e) {
            return serverAddress(e);
        }
    }
}
