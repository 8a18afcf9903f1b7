package org.kairan.chat.ui;

/**
 * Ids of the チャット view: its part in the application model and widget ids for UI tests and accessibility tools.
 */
public interface ChatUiConstants {

    String PLUGIN_ID = "org.kairan.chat.ui";

    // --- e4 model ids (Application.e4xmi)
    /** The chat part (tab チャット, after 文書庫). */
    String PART_CHAT = "org.kairan.app.part.chat";

    // --- widget ids (Widget.setData(WIDGET_ID, ...)), for UI tests and accessibility tools
    /** The key under which every Kairan bundle stores a widget's id (the same key as org.kairan.app's). */
    String WIDGET_ID = "org.kairan.widgetId";
    /** The conversations (a Table: the user's 課 rooms, then 1:1 by recency; each TableItem's data its Conversation). */
    String ID_CONVERSATIONS = "chat.conversations";
    /** The contacts (a Tree: one item per 課, its children the colleagues; a child's data its ChatContact). */
    String ID_CONTACTS = "chat.contacts";
    /** The open conversation's name above the messages (a Label). */
    String ID_TITLE = "chat.title";
    /** The messages (a ScrolledComposite; each message a Composite whose data under DATA_MESSAGE is the ChatMessage). */
    String ID_MESSAGES = "chat.messages";
    /** The text of a message (a StyledText, one per message). */
    String ID_MESSAGE_TEXT = "chat.message.text";
    /** Under a message of the user's: 送信待ち, 既読, 既読 N (a Label; in rooms its tooltip names the readers). */
    String ID_MESSAGE_STATE = "chat.message.state";
    /** A shared file's 「保存…」 (a Button, one per file message). */
    String ID_MESSAGE_SAVE = "chat.message.save";
    /** A linked 決裁's 「決裁を開く」 (a Link). */
    String ID_MESSAGE_KESSAI = "chat.message.kessai";
    /** A date separator between the messages of two days (a Label, 和暦 in Japanese). */
    String ID_DAY = "chat.day";
    /** The input (a multi-line Text: Enter sends, Shift+Enter breaks the line, ↑ when empty corrects). */
    String ID_INPUT = "chat.input";
    /** 「送信」. */
    String ID_SEND = "chat.send";
    /** 「訂正」: puts the user's last message into the input to correct it. */
    String ID_CORRECT = "chat.correct";
    /** 「ファイル…」. */
    String ID_FILE = "chat.file";
    /** The user's own presence (a read-only Combo: 在席, 離席, 取込中). */
    String ID_PRESENCE = "chat.presence";
    /** Where the chat connection stands (a Label). */
    String ID_STATE = "chat.state";
    /** What went wrong, or a file's progress (a Label, shown only then). */
    String ID_MESSAGE = "chat.message";

    // --- widget data keys
    /** On a message's Composite: the ChatMessage it shows. */
    String DATA_MESSAGE = "org.kairan.chat.message";
    /** On the Composite of the message a search hit led to: {@code Boolean.TRUE}. */
    String DATA_FOUND = "org.kairan.chat.found";
}
