package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;

/**
 * 議事録 are found utterance by utterance — the hit names who spoke and when and leads to that utterance — and by
 * what the minutes say of themselves (議題, 決定事項, 対応事項, 出席者), under their 課, 年度 and state.
 */
class MinutesIndexingTest {

    @TempDir
    Path dir;

    private static MinutesRecord meeting() throws Exception {
        MeetingHeader header = new MeetingHeader("令和8年度 第3回 財政課内会議", LocalDateTime.of(2026, 11, 27, 14, 0),
                LocalDateTime.of(2026, 11, 27, 15, 0), "第2会議室", List.of(new Attendee("120001", "野村 健一")),
                List.of("来年度予算の査定方針"));
        Minutes minutes = new Minutes("m-1", "120200", header, List.of(
                new MinutesUtterance("u1", "話者 1", Duration.ofSeconds(5), Duration.ofSeconds(11),
                        "それでは第3回財政課内会議を始めます。"),
                new MinutesUtterance("u2", "話者 2", Duration.ofSeconds(307), Duration.ofSeconds(330),
                        "各課の要求額は前年度比で５％増えています。シーリングは前年度と同じにすべきです。")),
                Map.of(), List.of(), List.of(), "", "");
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 2", new Attendee("466475", "佐藤 花子"));
        minutes = MinutesEdits.markDecision(minutes, "u2", "シーリングは前年度と同額とする。");
        minutes = MinutesEdits.addActionItem(minutes, "u2", "各課へ通知する", new Attendee("466475", "佐藤 花子"), null);
        return new MinutesRecord(minutes, 3, MinutesStatus.DRAFT, null, "120002", "120002", Instant.EPOCH);
    }

    @Test
    void anUtteranceIsFoundWithWhoSaidItAndWhen() throws Exception {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.putAll(MinutesItems.of(meeting(), Map.of("120200", "財政課"), NameReadings.NONE));
            index.commit();
            List<SearchHit> found = index.search(SearchQuery.of("要求額")).hits();
            assertEquals(1, found.size(), found.toString());
            SearchHit hit = found.get(0);
            assertEquals(SearchKind.MINUTES, hit.kind());
            assertEquals("m-1/u2", hit.id(), "the hit leads to the utterance");
            assertEquals("令和8年度 第3回 財政課内会議　○佐藤 花子（0:05:07）", hit.title(), "who spoke, and when");
            assertEquals("財政課", hit.unit());
            assertTrue(index.search(SearchQuery.of("佐藤")).hits().stream().anyMatch(h -> h.id().equals("m-1/u2")),
                    "the speaker's 氏名 finds what they said");

            List<SearchHit> decided = index.search(SearchQuery.of("同額")).hits();
            assertEquals(List.of("m-1"), decided.stream().map(SearchHit::id).toList(),
                    "a 決定事項 finds the minutes themselves");
            assertTrue(index.search(SearchQuery.of("査定方針")).hits().stream().anyMatch(h -> h.id().equals("m-1")),
                    "so does the 議題");
            assertEquals("作成中", decided.get(0).state());
        }
    }
}
