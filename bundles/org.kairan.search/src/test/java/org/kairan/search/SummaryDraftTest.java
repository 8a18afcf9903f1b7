package org.kairan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.MinutesUtterance;

/**
 * The draft 要旨 is extracted, never invented: the sentences densest in what the meeting dwelt on (予算, シーリング,
 * 要求額), in the order said, without greetings or repeats, then the 決定事項 and 対応事項.
 */
class SummaryDraftTest {

    private static final List<String> SAID = List.of(
            "それでは第3回財政課内会議を始めます。よろしくお願いします。",
            "本日の議題は来年度予算の査定方針と補正予算の日程です。",
            "各課の来年度予算の要求額は前年度比で5%増えています。",
            "特に扶助費の要求額が増えており、シーリングを超える課が三つあります。",
            "はい、承知しました。",
            "シーリングは前年度と同じ水準に据え置くべきだと考えます。",
            "各課の要求額がシーリングを超える場合は、査定で減額します。",
            "各課の要求額がシーリングを超える場合は、査定で減額することになります。",
            "補正予算の日程は12月議会に合わせて調整します。",
            "会議室の予約は総務課にお願いしてあります。",
            "ほかに何かありますか。なければ終わります。");

    private static Minutes meeting() throws Exception {
        List<MinutesUtterance> utterances = new ArrayList<>();
        for (int i = 0; i < SAID.size(); i++) {
            utterances.add(new MinutesUtterance("u" + (i + 1), "話者 " + (i % 2 + 1), Duration.ofSeconds(10L * i),
                    Duration.ofSeconds(10L * i + 9), SAID.get(i)));
        }
        Minutes minutes = new Minutes("m", "120200", new MeetingHeader("財政課内会議", LocalDateTime.of(2026, 11, 27, 14, 0),
                null, "", List.of(), List.of()), utterances, Map.of(), List.of(), List.of(), "", "");
        minutes = MinutesEdits.markDecision(minutes, "u6", "シーリングは前年度と同額とする。");
        return MinutesEdits.addActionItem(minutes, "u9", "補正予算の日程案を作成する", new Attendee("466475", "佐藤 花子"),
                LocalDate.of(2026, 12, 4));
    }

    @Test
    void keySentencesThenDecisionsAndActionItems() throws Exception {
        String draft = SummaryDraft.of(meeting(), 3);
        List<String> lines = draft.lines().toList();
        assertEquals(5, lines.size(), draft);
        List<String> key = lines.subList(0, 3);
        assertTrue(key.stream().allMatch(k -> indexOf(k) >= 0), "every key sentence was said: " + key);
        assertTrue(key.stream().anyMatch(s -> s.contains("シーリング")), "what the meeting dwelt on: " + key);
        assertTrue(key.stream().noneMatch(s -> s.contains("よろしく") || s.startsWith("はい")), "no greetings: " + key);
        assertFalse(key.contains("各課の要求額がシーリングを超える場合は、査定で減額します。")
                && key.contains("各課の要求額がシーリングを超える場合は、査定で減額することになります。"), "no repeats: " + key);
        List<Integer> order = key.stream().map(k -> indexOf(k)).toList();
        assertEquals(order.stream().sorted().toList(), order, "in the order said");
        assertEquals("（決定）シーリングは前年度と同額とする。", lines.get(3));
        assertEquals("（対応）補正予算の日程案を作成する（担当：佐藤 花子、期限：令和8年12月4日）", lines.get(4));
    }

    @Test
    void aMeetingOfGreetingsOnlyHasNoKeySentence() throws Exception {
        Minutes minutes = new Minutes("m", "120200", new MeetingHeader("朝礼", LocalDateTime.of(2026, 11, 27, 8, 30), null,
                "", List.of(), List.of()), List.of(new MinutesUtterance("u1", "", Duration.ZERO, Duration.ofSeconds(2),
                        "おはようございます。")), Map.of(), List.of(), List.of(), "", "");
        assertEquals("", SummaryDraft.of(minutes, 5), "nothing is invented");
    }

    private static int indexOf(String sentence) {
        for (int i = 0; i < SAID.size(); i++) {
            if (SAID.get(i).contains(sentence)) {
                return i;
            }
        }
        return -1;
    }
}
