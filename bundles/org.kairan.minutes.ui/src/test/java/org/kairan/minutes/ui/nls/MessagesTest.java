package org.kairan.minutes.ui.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.ui.Translations;

/**
 * Every text of the minutes view exists in Japanese (the default) and English, is not empty, formats, and the
 * view's mnemonics do not clash ({@link Translations}).
 */
class MessagesTest {

    /** The texts shown at once in the view (the bar, the editor's buttons): one mnemonic each. */
    private static final List<String> VIEW_MNEMONICS = List.of("minutes_import", "minutes_transcribe",
            "minutes_editHead", "minutes_merge", "minutes_split", "minutes_speakers", "minutes_markDecision",
            "minutes_markAction", "minutes_removeDecision", "minutes_removeAction", "minutes_draftSummary", "minutes_save", "minutes_export",
            "minutes_send", "minutes_openKessai", "minutes_play", "minutes_stop", "minutes_attachRecording");

    @Test
    void everyTextIsInJapaneseAndEnglishAndFormatsAndTheViewsMnemonicsAreUnique() throws IOException {
        Translations.of(Path.of(".")).assertComplete(Messages.class, true, VIEW_MNEMONICS);
    }

    @Test
    void japaneseIsReallyJapaneseAndEnglishReallyEnglish() throws IOException {
        Translations texts = Translations.of(Path.of("."));
        assertEquals("決裁に回付", texts.japanese().getString("minutes_state_SENT"));
        assertEquals("取り込み(&I)…", texts.japanese().getString("minutes_import"));
        assertEquals("{0} 会議録", texts.japanese().getString("minutes_fileName"), "「<会議名> 会議録.docx」");
        assertEquals("Sent for approval", texts.english().getString("minutes_state_SENT"));
    }
}
