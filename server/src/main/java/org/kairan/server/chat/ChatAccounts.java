package org.kairan.server.chat;

import java.util.Collection;

import org.kairan.core.protocol.ChatCredentials;

/**
 * Business chat's XMPP accounts, owned by the Kairan server: one per staff member, {@code <staffNo>@<domain>}, with a
 * random password kept by the server and handed to the person's desktop only after a Kairan login with 2FA.
 */
public interface ChatAccounts extends AutoCloseable {

    /**
     * The person's credentials, creating the account with a new random password if they have none, or giving a
     * disabled account a new password (the person logged in again).
     */
    ChatCredentials ensure(String staffNo) throws ChatServerException;

    /** Ends the person's XMPP access: a new random password nobody knows, and every live session ended. */
    void disable(String staffNo) throws ChatServerException;

    /** Makes sure each of these people has an account (existing ones are left as they are); returns how many were made. */
    int provision(Collection<String> staffNos) throws ChatServerException;

    /** Closes the administrator's connection; idempotent, never throws. */
    @Override
    void close();
}
