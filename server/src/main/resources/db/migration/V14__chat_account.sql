-- Business chat's XMPP accounts, one per staff member, made and owned by the Kairan server (XEP-0133).
--
-- The password is stored as it is, not hashed: the server must hand it to the person's desktop after a Kairan
-- login with 2FA (GET /api/chat/credentials) so that Smack can log in with it; a hash could not be handed out.
-- It is a random 256-bit secret nobody types or reuses elsewhere, it opens only the chat account, and the
-- database already holds the rest of what chat would show (it is protected like the database itself).
-- disabled_at is set when the person's access ended (lock-out, sessions revoked): the XMPP password was then
-- changed to an unknown random one and password is NULL; the next credentials call after a new login sets a new one.
CREATE TABLE chat_account (
    staff_no    VARCHAR(32)  PRIMARY KEY REFERENCES staff (staff_no),
    jid         VARCHAR(320) NOT NULL UNIQUE,
    password    VARCHAR(128),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    disabled_at TIMESTAMP(6) WITH TIME ZONE
);
