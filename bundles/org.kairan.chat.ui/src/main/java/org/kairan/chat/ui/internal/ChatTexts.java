package org.kairan.chat.ui.internal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.chat.ui.nls.Messages;
import org.kairan.ui.DateDisplay;

/**
 * The chat view's words, in the UI language, without widgets (so that they are tested without a display): presence
 * and connection states, a conversation's line with its unread count and @ mark, a message's time, day and 既読,
 * file sizes, and why something could not be sent.
 */
final class ChatTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Longest text of a message quoted in a notification. */
    static final int NOTICE_TEXT = 80;

    private final Messages messages;
    private final DateDisplay dates;
    private final Locale locale;

    ChatTexts(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.dates = new DateDisplay(locale);
    }

    Messages messages() {
        return messages;
    }

    String presence(ChatPresence presence) {
        return switch (presence) {
            case AVAILABLE -> messages.chat_presence_AVAILABLE;
            case AWAY -> messages.chat_presence_AWAY;
            case BUSY -> messages.chat_presence_BUSY;
            case OFFLINE -> messages.chat_presence_OFFLINE;
        };
    }

    String state(ChatState state) {
        return switch (state) {
            case OFF -> messages.chat_state_OFF;
            case UNAVAILABLE -> messages.chat_state_UNAVAILABLE;
            case CONNECTING -> messages.chat_state_CONNECTING;
            case ONLINE -> messages.chat_state_ONLINE;
            case RECONNECTING -> messages.chat_state_RECONNECTING;
        };
    }

    /** 「佐藤 花子　在席」. */
    String contact(ChatContact contact) {
        return MessageFormat.format(messages.chat_contactLine, contact.name(), presence(contact.presence()));
    }

    /** A 課 of the contact tree; contacts outside every 課 are listed under 「その他」. */
    String group(String group) {
        return group == null || group.isBlank() ? messages.chat_noGroup : group;
    }

    /** 「財政課 (3) @」: the name, the unread count when there is any, the @ mark when an unread message names the user. */
    String conversation(Conversation conversation) {
        String line = conversation.unread() > 0
                ? MessageFormat.format(messages.chat_countLabel, conversation.name(), conversation.unread())
                : conversation.name();
        return conversation.mentioned() ? line + " " + messages.chat_mentionMark : line;
    }

    /** The tab's label with the unread messages of every conversation: 「チャット (5)」. */
    String tab(String label, List<Conversation> conversations) {
        int unread = conversations.stream().mapToInt(Conversation::unread).sum();
        return unread == 0 ? label : MessageFormat.format(messages.chat_countLabel, label, unread);
    }

    /** 14:05, in the office's zone. */
    String time(Instant at, ZoneId zone) {
        return MessageFormat.format(messages.chat_time, TIME.format(at.atZone(zone)));
    }

    /** A day separator: 令和8年11月26日（木） in Japanese. */
    String day(LocalDate day) {
        return dates.withWeekday(day);
    }

    /**
     * What stands under a message of the user's: 送信待ち while it waits for the connection; in 1:1, 既読 once the
     * colleague read it; in a room, 既読 N. Empty for others' messages and for unread ones.
     */
    String delivery(ChatMessage message, ConversationKind kind) {
        if (!message.outgoing()) {
            return "";
        }
        if (message.delivery() == ChatMessage.Delivery.WAITING) {
            return messages.chat_waiting;
        }
        if (message.readBy().isEmpty()) {
            return "";
        }
        return kind == ConversationKind.ROOM
                ? MessageFormat.format(messages.chat_readCount, message.readBy().size())
                : messages.chat_read;
    }

    /** Who read a message, by 氏名 in order: 「既読：佐藤 花子、鈴木 一郎」; empty when nobody did. */
    String readers(ChatMessage message, UnaryOperator<String> nameOf) {
        if (message.readBy().isEmpty()) {
            return "";
        }
        List<String> names = message.readBy().stream().map(nameOf).sorted().toList();
        return MessageFormat.format(messages.chat_readers, String.join(separator(), names));
    }

    private String separator() {
        return "ja".equals(locale.getLanguage()) ? "、" : ", ";
    }

    /** A file's size as people read it: 812 バイト, 35 KB, 1.2 MB; 大きさ不明 when the sender did not say. */
    String size(long bytes) {
        if (bytes < 0) {
            return messages.chat_sizeUnknown;
        }
        if (bytes < 1024) {
            return MessageFormat.format(messages.chat_sizeBytes, bytes);
        }
        if (bytes < 1024 * 1024) {
            return MessageFormat.format(messages.chat_sizeKilo, (bytes + 1023) / 1024);
        }
        double mega = bytes / (1024.0 * 1024.0);
        return MessageFormat.format(messages.chat_sizeMega,
                String.format(Locale.ROOT, mega < 10 ? "%.1f" : "%.0f", mega));
    }

    /**
     * Why a message or file could not be sent, in the UI language.
     *
     * @param file     the file's name, or {@code null} for a message
     * @param fileSize its size, or -1
     * @param maxSize  the chat server's limit, or -1 when unknown
     * @param text     the text that was to be sent (for TOO_LONG), or {@code null}
     */
    String error(ChatException e, String file, long fileSize, long maxSize, String text) {
        String detail = e.getMessage() == null ? e.reason().name() : e.getMessage();
        return switch (e.reason()) {
            case NOT_CONNECTED -> messages.chat_error_NOT_CONNECTED;
            case EMPTY -> messages.chat_error_EMPTY;
            case TOO_LONG -> MessageFormat.format(messages.chat_error_TOO_LONG,
                    text == null ? "?" : Integer.toString(text.strip().length()),
                    Integer.toString(ChatService.MAX_MESSAGE_LENGTH));
            case FILE_TOO_LARGE -> MessageFormat.format(messages.chat_error_FILE_TOO_LARGE, nameOr(file),
                    size(fileSize), maxSize < 0 ? "?" : size(maxSize));
            case FILE_UNREADABLE -> MessageFormat.format(messages.chat_error_FILE_UNREADABLE, nameOr(file), detail);
            case REFUSED -> MessageFormat.format(messages.chat_error_REFUSED, detail);
            case NOTHING_TO_CORRECT -> messages.chat_error_NOTHING_TO_CORRECT;
            case FAILED -> MessageFormat.format(messages.chat_error_FAILED, detail);
        };
    }

    private static String nameOr(String file) {
        return file == null ? "" : file;
    }

    /**
     * A notification's line: 「鈴木 一郎（財政課）：今日の会議は…」 for a room, 「鈴木 一郎：…」 for 1:1, 「… からあなた宛て：…」
     * when it names the user; the text shortened to {@value #NOTICE_TEXT} characters, a file by its name.
     */
    String notice(Conversation conversation, ChatMessage message) {
        String sender = message == null ? conversation.name() : message.senderName();
        String who = conversation.kind() == ConversationKind.ROOM
                ? MessageFormat.format(messages.chat_senderIn, sender, conversation.name())
                : sender;
        String text = message == null ? conversation.lastText()
                : message.file() != null ? MessageFormat.format(messages.chat_notice_file, message.file().name())
                : message.body();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        if (text.length() > NOTICE_TEXT) {
            text = text.substring(0, NOTICE_TEXT - 1) + "…";
        }
        boolean mention = message != null ? message.mentionsMe() : conversation.mentioned();
        return MessageFormat.format(mention ? messages.chat_notice_mention : messages.chat_notice_message, who, text);
    }
}
