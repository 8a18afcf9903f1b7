package org.kairan.minutes.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.kairan.client.minutes.ExportFormat;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.minutes.ui.nls.Messages;

/** The minutes view's words: 日時 in 和暦, times in the recording, typed times, file names. */
class MinutesTextsTest {

    private static Messages japanese() throws Exception {
        ResourceBundle bundle = new java.util.PropertyResourceBundle(java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("OSGI-INF/l10n/bundle.properties"), java.nio.charset.StandardCharsets.UTF_8));
        Messages m = new Messages();
        for (Field f : Messages.class.getFields()) {
            f.set(m, bundle.getString(f.getName()));
        }
        return m;
    }

    @Test
    void theMeetingIsDatedInWarekiWithItsTimes() throws Exception {
        MinutesTexts texts = new MinutesTexts(japanese(), Locale.JAPANESE);
        MeetingHeader h = new MeetingHeader("課内会議", LocalDateTime.of(2026, 11, 20, 10, 0),
                LocalDateTime.of(2026, 11, 20, 11, 5), "第2会議室", List.of(), List.of());
        assertEquals("令和8年11月20日（金） 10:00～11:05", texts.when(h));
        assertEquals("課内会議 会議録.docx", texts.fileName(h, ExportFormat.DOCX), "the server's name for the file");
    }

    @Test
    void offsetsAndTypedTimes() {
        assertEquals("0:05:09", MinutesTexts.offset(Duration.ofSeconds(309)));
        assertEquals("1:00:00", MinutesTexts.offset(Duration.ofHours(1)));
        assertEquals(LocalTime.of(9, 30), MinutesTexts.parseTime("９：３０"), "full-width digits and colon are read");
        assertNull(MinutesTexts.parseTime("朝"));
    }
}
