package org.kairan.server.http;

import org.kairan.core.protocol.LoginRequest;
import org.kairan.core.protocol.PasswordChangeRequest;
import org.kairan.core.protocol.TotpEnrolmentRequest;
import org.kairan.server.login.AccountService;
import org.kairan.server.login.LoginService;
import org.kairan.server.login.SessionService;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Login, second-factor enrolment, the current session, logout and password change
 * ({@code /api/auth/*}, {@code /api/session}).
 */
public final class AuthHandler extends RouteFamilyHandler {

    private final LoginService logins;
    private final SessionService sessions;
    private final AccountService accounts;

    public AuthHandler(ObjectMapper mapper, long maxBodyBytes, LoginService logins, SessionService sessions,
            AccountService accounts) {
        super(mapper, maxBodyBytes, "/api/auth", "/api/session");
        this.logins = logins;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        switch (exchange.path()) {
            case "/api/auth/login" -> {
                requireMethod(exchange, "POST");
                return Reply.ok(logins.login(exchange.readJson(LoginRequest.class)));
            }
            case "/api/auth/totp/enrol" -> {
                requireMethod(exchange, "POST");
                return Reply.ok(logins.confirmEnrolment(exchange.readJson(TotpEnrolmentRequest.class)));
            }
            case "/api/session" -> {
                SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
                requireMethod(exchange, "GET");
                return Reply.ok(who.user());
            }
            case "/api/auth/logout" -> {
                SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
                requireMethod(exchange, "POST");
                sessions.close(who);
                return Reply.noContent();
            }
            case "/api/auth/password" -> {
                SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
                requireMethod(exchange, "POST");
                accounts.changePassword(who, exchange.readJson(PasswordChangeRequest.class));
                return Reply.noContent();
            }
            default -> throw ApiException.notFound("no such route: " + exchange.path());
        }
    }
}
