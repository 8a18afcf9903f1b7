package org.kairan.chat.internal;

import org.kairan.chat.ChatMessage;
import org.kairan.chat.ConversationKind;

/** What a message stanza means to the conversations here, as {@link StanzaReader} reads it. */
sealed interface Incoming {

    /** Where it belongs. */
    String conversation();

    /** A message to show. */
    record Posted(String conversation, ConversationKind kind, ChatMessage message) implements Incoming {
    }

    /** Its sender corrected an earlier message (XEP-0308). */
    record Correction(String conversation, ConversationKind kind, String sender, String originalId, String text)
            implements Incoming {
    }

    /** Someone displayed a message and those before it (XEP-0333). */
    record Displayed(String conversation, ConversationKind kind, String reader, String messageId) implements Incoming {
    }
}
