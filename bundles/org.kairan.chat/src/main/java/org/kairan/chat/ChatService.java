package org.kairan.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Business chat for the logged-in user, over the office's XMPP server: it follows the Kairan session (logs in to
 * chat with the account the Kairan server hands out after the two-factor login, logs out with it), keeps the
 * connection through network drops (stream management: nothing lost, nothing twice), and announces every change
 * under {@link ChatTopics}. Every method may be called from any thread; none blocks on the network except where it
 * says so.
 */
public interface ChatService {

    /** Longest message, in characters; longer text is refused with {@link ChatException.Reason#TOO_LONG}. */
    int MAX_MESSAGE_LENGTH = 10_000;

    /**
     * How a message links to a 決裁: {@code kairan:kessai/<id>} in its text (a standard XMPP client shows it as
     * text); {@link ChatMessage#kessaiId()} carries the id.
     */
    String KESSAI_LINK = "kairan:kessai/";

    ChatState state();

    /** The user's own chat address, while logged in to chat. */
    Optional<String> me();

    /** Colleagues by 課 (the chat server's shared roster), with their presence; empty until connected. */
    List<ChatContact> contacts();

    /** The user's 課 rooms and the colleagues they have written with, most recent first. */
    List<Conversation> conversations();

    /** What is known of a conversation's messages, oldest first (the archive's latest page is read on opening). */
    List<ChatMessage> messages(String conversation);

    /**
     * Opens a conversation: reads its latest messages from the chat server's archive (XEP-0313) if they were not read
     * yet. Blocks on the network.
     */
    List<ChatMessage> open(String conversation) throws ChatException;

    /**
     * Reads up to {@code max} messages older than those known (scrolling back). Blocks on the network.
     *
     * @return whether there were any
     */
    boolean loadEarlier(String conversation, int max) throws ChatException;

    /**
     * Reads the chat history the user may read from the chat server's archives (XEP-0313) — their own, which holds
     * every 1:1 conversation, and each of their 課 rooms' — from where {@code after} says the last reading stopped
     * (the beginning when it says nothing), oldest first, handing each message to {@code sink} with its
     * conversation. A correction is handed over as the message it corrects, with the new text. Nothing is added to
     * the conversations shown here. Blocks on the network, a page of messages at a time.
     *
     * @return where this reading stopped, to start the next one from
     * @throws ChatException {@link ChatException.Reason#NOT_CONNECTED} when chat is not online; a failure part way
     *                       loses nothing: read again from the same marks, the messages come again, with the same
     *                       ids
     */
    ChatHistoryMarks readHistory(ChatHistoryMarks after, BiConsumer<Conversation, ChatMessage> sink)
            throws ChatException;

    /**
     * Sends a message. While the connection is down it waits and goes out once it is back.
     *
     * @throws ChatException {@link ChatException.Reason#EMPTY} or {@link ChatException.Reason#TOO_LONG}
     */
    ChatMessage send(String conversation, String text) throws ChatException;

    /**
     * Corrects the user's last message in the conversation (XEP-0308): everyone sees the new text in its place.
     *
     * @throws ChatException {@link ChatException.Reason#NOTHING_TO_CORRECT} when the user has sent nothing here
     */
    ChatMessage correctLast(String conversation, String text) throws ChatException;

    /**
     * Marks everything received in the conversation as read here, and tells the senders (XEP-0333 displayed) so
     * that they see 既読.
     */
    void markRead(String conversation);

    /**
     * Sends a file through the chat server's file sharing (XEP-0363), announcing progress under
     * {@link ChatTopics#FILE_PROGRESS}. Blocks until it is sent.
     *
     * @throws ChatException too large for the chat server, unreadable, refused, or not connected
     */
    ChatMessage sendFile(String conversation, Path file) throws ChatException;

    /**
     * Saves a shared file (received or sent) to {@code target}. Blocks until it is saved; a partial file is
     * removed when it fails.
     */
    void download(ChatFile file, Path target) throws ChatException;

    /** The largest file the chat server accepts, in bytes, or -1 when unknown (not connected). */
    long maxFileSize();

    /** Sets the user's own presence (在席, 離席, 取込中) as colleagues see it. */
    void setPresence(ChatPresence presence);

    /** 氏名 of an address as the directory or roster knows it, else the address's local part. */
    String nameOf(String address);
}
