package org.kairan.server.http;

import org.kairan.core.protocol.ApiError;
import org.kairan.core.protocol.ErrorCode;
import org.kairan.server.chat.ChatAccess;
import org.kairan.server.chat.ChatAccounts;
import org.kairan.server.chat.ChatServerException;
import org.kairan.server.login.AccountService;
import org.kairan.server.login.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Business chat ({@code /api/chat/*}): {@code GET /api/chat/credentials} hands the caller their own XMPP account and
 * password (made on demand), only with a session, which exists only after the password and the second factor.
 */
public final class ChatHandler extends RouteFamilyHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChatHandler.class);

    private final SessionService sessions;
    private final AccountService accounts;
    private final ChatAccess chat;

    public ChatHandler(ObjectMapper mapper, SessionService sessions, AccountService accounts, ChatAccess chat) {
        super(mapper, 0, "/api/chat");
        this.sessions = sessions;
        this.accounts = accounts;
        this.chat = chat;
    }

    @Override
    protected Reply route(ApiExchange exchange) {
        if (!exchange.path().equals("/api/chat/credentials")) {
            throw ApiException.notFound("no such route: " + exchange.path());
        }
        SessionService.Authenticated who = sessions.authenticate(exchange.bearerToken());
        requireMethod(exchange, "GET");
        ChatAccounts chatAccounts = chat.accounts().orElseThrow(() -> ApiException.notFound(
                "business chat is off on this server (kairan.chat.mode=off)"));
        String staffNo = who.user().staffNo();
        if (accounts.isLocked(staffNo)) {
            throw new ApiException(423, ApiError.of(ErrorCode.ACCOUNT_LOCKED,
                    "the account is locked after repeated failures; chat is closed to it until it is unlocked"));
        }
        try {
            return Reply.ok(chatAccounts.ensure(staffNo));
        } catch (ChatServerException e) {
            LOG.error("chat credentials for {}: {}", staffNo, e.getMessage(), e);
            throw new ApiException(503, ApiError.of(ErrorCode.SERVER_ERROR,
                    "the chat server cannot be reached now; try again later"));
        }
    }
}
