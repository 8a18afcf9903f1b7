package org.kairan.chat;

/**
 * Event topics of the chat service, posted through OSGi EventAdmin with the payload under
 * {@code org.kairan.client.ClientTopics#DATA} (e4's {@code IEventBroker.DATA}), so parts observe them with
 * {@code @UIEventTopic}.
 */
public interface ChatTopics {

    /** The connection changed; payload the {@link ChatState}. */
    String STATE = "kairan/chat/state";

    /** A message arrived, was sent, corrected or read by someone; payload the {@link ChatMessage} as it is now. */
    String MESSAGE = "kairan/chat/message";

    /** Older messages of a conversation came from the archive; payload the conversation's address. */
    String HISTORY = "kairan/chat/history";

    /** A colleague's presence changed or the contact list was (re)read; payload the {@link ChatContact} or "*". */
    String CONTACTS = "kairan/chat/contacts";

    /** A conversation's unread count changed; payload the {@link Conversation}. */
    String CONVERSATION = "kairan/chat/conversation";

    /** An upload's progress; payload a {@link FileProgress}. */
    String FILE_PROGRESS = "kairan/chat/file-progress";

    /**
     * An upload's progress.
     *
     * @param conversation where it goes
     * @param name         the file's name
     * @param sent         bytes sent so far
     * @param size         the file's size
     */
    record FileProgress(String conversation, String name, long sent, long size) {
    }
}
