package org.kairan.chat.ui.nls;

/**
 * Every user-visible text of the チャット view. Filled by e4's message factory from
 * {@code OSGI-INF/l10n/bundle*.properties} of this bundle (Japanese by default, English for English locales);
 * get it with {@code @Inject @Translation Messages}. Texts with arguments are {@link java.text.MessageFormat}
 * patterns. Keep the fields in step with the properties files (the tests check).
 */
public class Messages {
    public String chat_conversations;
    public String chat_contacts;
    public String chat_countLabel;
    public String chat_mentionMark;
    public String chat_noGroup;
    public String chat_presence_AVAILABLE;
    public String chat_presence_AWAY;
    public String chat_presence_BUSY;
    public String chat_presence_OFFLINE;
    public String chat_contactLine;
    public String chat_state_OFF;
    public String chat_state_UNAVAILABLE;
    public String chat_state_CONNECTING;
    public String chat_state_ONLINE;
    public String chat_state_RECONNECTING;
    public String chat_presence;
    public String chat_send;
    public String chat_correct;
    public String chat_file;
    public String chat_noConversation;
    public String chat_inputHint;
    public String chat_correcting;
    public String chat_corrected;
    public String chat_waiting;
    public String chat_read;
    public String chat_readCount;
    public String chat_readers;
    public String chat_time;
    public String chat_save;
    public String chat_saveTitle;
    public String chat_saved;
    public String chat_saveFailed;
    public String chat_sizeBytes;
    public String chat_sizeKilo;
    public String chat_sizeMega;
    public String chat_sizeUnknown;
    public String chat_openKessai;
    public String chat_kessaiNotOpened;
    public String chat_earlier;
    public String chat_noEarlier;
    public String chat_foundNotLoaded;
    public String chat_fileTitle;
    public String chat_fileProgress;
    public String chat_fileSent;
    public String chat_error_NOT_CONNECTED;
    public String chat_error_TOO_LONG;
    public String chat_error_EMPTY;
    public String chat_error_FILE_TOO_LARGE;
    public String chat_error_FILE_UNREADABLE;
    public String chat_error_REFUSED;
    public String chat_error_NOTHING_TO_CORRECT;
    public String chat_error_FAILED;
    public String chat_openFailed;
    public String chat_notice_title;
    public String chat_notice_message;
    public String chat_notice_mention;
    public String chat_notice_file;
    public String chat_openJob;
    public String chat_earlierJob;
    public String chat_fileJob;
    public String chat_saveJob;
    public String chat_senderIn;
}
