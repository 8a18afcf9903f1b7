package org.kairan.chat;

/** Whom a conversation is with. */
public enum ConversationKind {
    /** One colleague (1:1). */
    DIRECT,
    /** A 課's room. */
    ROOM
}
