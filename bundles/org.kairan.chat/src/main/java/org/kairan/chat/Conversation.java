package org.kairan.chat;

import java.time.Instant;

/**
 * A conversation in the list: a colleague or a 課 room.
 *
 * @param address    the colleague's or room's address (bare JID)
 * @param kind       1:1 or room
 * @param name       氏名 or the 課's name
 * @param unread     messages from others not yet read here
 * @param mentioned  whether an unread message names the user (@氏名)
 * @param lastText   the last message's text (or the file's name), for the list; empty when none
 * @param lastAt     when it was sent; {@code null} when none
 */
public record Conversation(String address, ConversationKind kind, String name, int unread, boolean mentioned,
        String lastText, Instant lastAt) {
}
