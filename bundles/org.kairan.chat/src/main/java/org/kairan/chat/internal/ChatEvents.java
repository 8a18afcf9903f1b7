package org.kairan.chat.internal;

/** Where the chat service announces changes: EventAdmin in the desktop, a recorder in tests. */
@FunctionalInterface
public interface ChatEvents {

    /** Announces {@code data} under one of {@link org.kairan.chat.ChatTopics}. */
    void post(String topic, Object data);
}
