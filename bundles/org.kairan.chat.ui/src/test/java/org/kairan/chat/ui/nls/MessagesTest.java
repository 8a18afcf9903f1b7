package org.kairan.chat.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text of the chat view exists in Japanese (the default) and English, is not empty, formats, and the view's
 * mnemonics do not clash ({@link Translations}).
 */
class MessagesTest {

    /** The texts shown at once in the view (under the messages): one mnemonic each. */
    private static final List<String> VIEW_MNEMONICS = List.of("chat_presence", "chat_send", "chat_correct",
            "chat_file");

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormatsAndTheViewsMnemonicsAreUnique() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, true, VIEW_MNEMONICS);
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertEquals("在席", texts.japanese().getString("chat_presence_AVAILABLE"));
        assertEquals("取込中", texts.japanese().getString("chat_presence_BUSY"));
        assertEquals("再接続中…（送信待ちはつながり次第送ります）", texts.japanese().getString("chat_state_RECONNECTING"));
        assertEquals("チャットは使えません", texts.japanese().getString("chat_state_UNAVAILABLE"));
        assertEquals("（訂正済み）", texts.japanese().getString("chat_corrected"));
        assertEquals("既読 {0}", texts.japanese().getString("chat_readCount"));
        assertEquals("Read", texts.english().getString("chat_read"), "the English texts are English");
    }
}
