package org.kairan.chat.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kairan.chat.ChatMessage;

class MessageRowsTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static ChatMessage at(String id, String instant) {
        return new ChatMessage(id, "c", "a@kairan", "鈴木 一郎", "本文 " + id, Instant.parse(instant), false, false,
                false, null, null, Set.of(), ChatMessage.Delivery.RECEIVED);
    }

    @Test
    void aDaySeparatorStandsBeforeTheFirstMessageOfEachOfficeDay() {
        ChatMessage a = at("a", "2026-11-25T10:00:00Z"); // 19:00 on the 25th in Tokyo
        ChatMessage b = at("b", "2026-11-25T16:00:00Z"); // 01:00 on the 26th in Tokyo, still the 25th in UTC
        ChatMessage c = at("c", "2026-11-26T02:00:00Z");
        assertEquals(List.of(new MessageRows.Day(LocalDate.of(2026, 11, 25)), new MessageRows.Line(a),
                new MessageRows.Day(LocalDate.of(2026, 11, 26)), new MessageRows.Line(b), new MessageRows.Line(c)),
                MessageRows.of(List.of(a, b, c), TOKYO));
        assertEquals(List.of(), MessageRows.of(List.of(), TOKYO));
    }

    @Test
    void mentionsOfKnownNamesAreFoundWithOrWithoutTheSpaceAndOthersUpToTheNextSpace() {
        List<String> names = List.of("佐藤 花子", "佐藤 一", "鈴木 一郎");
        assertEquals(List.of(new MessageRows.Span(0, 6)), MessageRows.mentions("@佐藤 花子 さん、確認を", names));
        assertEquals(List.of(new MessageRows.Span(2, 5)), MessageRows.mentions("至急＠佐藤花子", names),
                "full-width ＠ and the name without its space");
        assertEquals(List.of(new MessageRows.Span(0, 7)), MessageRows.mentions("@120001、お願いします", names),
                "a 職員番号 up to the punctuation");
        assertEquals(List.of(new MessageRows.Span(0, 6), new MessageRows.Span(7, 6)),
                MessageRows.mentions("@鈴木 一郎 @佐藤 花子", names));
        assertEquals(List.of(), MessageRows.mentions("末尾の@ だけ", names), "a lone @ names nobody");
        assertEquals(List.of(), MessageRows.mentions("<b>太字</b> はそのまま", names), "markup is text, no mention");
    }
}
