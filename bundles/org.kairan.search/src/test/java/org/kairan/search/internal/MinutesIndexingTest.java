package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

/**
 * 議事録 are found utterance by utterance — the hit names who spoke and when and leads to that utterance — and by
 * what the minutes say of themselves (議題, 決定事項, 対応事項, 出席者), under their 課, 年度 and state; a meeting is
 * listed and counted once, however many of its utterances match.
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

    /** 田中 chairs: 225 of the meeting's 300 utterances are his, as in a real 課内会議 of two hours. */
    private static MinutesRecord longMeeting() throws Exception {
        List<MinutesUtterance> utterances = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean chair = i % 4 != 3;
            String text = chair ? "次の議題に移ります。資料の" + (i + 1) + "ページをご覧ください。" + "補足します。".repeat(i % 7)
                    : "承知しました。担当で確認いたします。";
            utterances.add(new MinutesUtterance("u" + (i + 1), chair ? "話者 1" : "話者 2", Duration.ofSeconds(20L * i),
                    Duration.ofSeconds(20L * i + 15), text));
        }
        MeetingHeader header = new MeetingHeader("令和8年度 第5回 財政課内会議", LocalDateTime.of(2026, 11, 30, 10, 0),
                LocalDateTime.of(2026, 11, 30, 12, 0), "第1会議室", List.of(new Attendee("120010", "田中 一郎"),
                        new Attendee("120011", "佐藤 花子")), List.of("補正予算の編成"));
        Minutes minutes = new Minutes("m-5", "120200", header, utterances, Map.of(), List.of(), List.of(), "", "");
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 1", new Attendee("120010", "田中 一郎"));
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 2", new Attendee("120011", "佐藤 花子"));
        return new MinutesRecord(minutes, 1, MinutesStatus.DRAFT, null, "120002", "120002", Instant.EPOCH);
    }

    /** The meeting's items put in two commits (so in several segments), with a 決裁 and a document naming 田中. */
    private static void indexMeetingKessaiAndDocument(SearchIndex index) throws Exception {
        List<IndexedItem> meeting = MinutesItems.of(longMeeting(), Map.of("120200", "財政課"), NameReadings.NONE);
        assertEquals(301, meeting.size(), "the minutes and their 300 utterances");
        index.putAll(meeting.subList(0, 150));
        index.commit();
        index.putAll(meeting.subList(150, meeting.size()));
        index.put(new IndexedItem(SearchKind.KESSAI, "k-1", 0, "田中議員からの道路補修要望への回答について",
                List.of("市議会の田中議員から寄せられた市道３号線の補修要望について、別紙のとおり回答してよろしいか伺います。"),
                List.of(), "財政課", 2026, "総務－議会－要望", "決裁済", LocalDate.of(2026, 10, 1), "s"));
        index.put(new IndexedItem(SearchKind.KESSAI, "k-1", 1, "att-1", "", "田中議員からの道路補修要望への回答について",
                List.of("回答書　田中議員　様　市道３号線の補修は来年度に実施します。"), List.of(), "財政課", 2026,
                "総務－議会－要望", "決裁済", LocalDate.of(2026, 10, 1), "s"));
        for (int page = 1; page <= 3; page++) {
            index.put(new IndexedItem(SearchKind.DOCUMENT, "d-1", page, "財政課　事務分担表",
                    List.of("予算担当　田中　一郎（係長）　第" + page + "表"), List.of(), "財政課", 2026, "総務－人事－分担",
                    "", LocalDate.of(2026, 4, 1), "s"));
        }
        index.commit();
    }

    @Test
    void aMeetingWhereTheNameIsSaidHundredsOfTimesIsListedOnceAndLeavesRoomForTheRest() throws Exception {
        try (SearchIndex index = SearchIndex.open(dir)) {
            indexMeetingKessaiAndDocument(index);
            for (String name : List.of("たなか", "田中")) {
                for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
                    SearchResults results = index.search(SearchQuery.of(name).sorted(sort));
                    List<SearchHit> hits = results.hits();
                    List<SearchHit> meeting = hits.stream().filter(h -> h.kind() == SearchKind.MINUTES).toList();
                    assertEquals(1, meeting.size(), name + " (" + sort + "): the meeting is listed once: " + hits);
                    SearchHit at = meeting.getFirst();
                    assertTrue(at.id().startsWith("m-5/u"), name + " (" + sort
                            + "): at an utterance, which the minutes open at: " + at.id());
                    assertTrue(at.title().contains("○田中 一郎"), name + " (" + sort + "): one 田中 said: " + at.title());
                    assertEquals(List.of("m-5", "k-1", "d-1"), hits.stream().map(h -> h.id().replaceFirst("/.*", ""))
                            .sorted((a, b) -> order(a) - order(b)).toList(), name + " (" + sort
                            + "): the 決裁 and the document are listed beside it, once each: " + hits);
                    assertEquals(3, results.total(), name + " (" + sort + "): 「3件」, as listed, not one per"
                            + " utterance or page");
                    assertEquals(Set.of(new FacetCount("MINUTES", 1), new FacetCount("KESSAI", 1),
                            new FacetCount("DOCUMENT", 1)), Set.copyOf(results.facet(Facet.KIND)),
                            name + ": each counted once under its 種別");
                    assertEquals(List.of(new FacetCount("財政課", 3)), results.facet(Facet.UNIT),
                            name + ": and under its 課");
                    assertEquals(List.of(new FacetCount("作成中", 1), new FacetCount("決裁済", 1)),
                            results.facet(Facet.STATE), name + ": the meeting once under its state");
                }
            }
            SearchResults newest = index.search(SearchQuery.of("たなか").sorted(SearchQuery.Sort.NEWEST));
            assertEquals(List.of(SearchKind.MINUTES, SearchKind.KESSAI, SearchKind.DOCUMENT), newest.hits().stream()
                    .map(SearchHit::kind).toList(), "newest first: the meeting of 11月30日, the 決裁, the document");
            SearchResults minutesOnly = index.search(SearchQuery.of("田中").narrowed(Facet.KIND, Set.of("MINUTES")));
            assertEquals(1, minutesOnly.hits().size(), "narrowed to 議事録, the one meeting: " + minutesOnly.hits());
            assertEquals(1, minutesOnly.total());
        }
    }

    @Test
    void theMeetingsUtterancesDoNotUseUpTheHitsLookedAtWhenFewAreAskedFor() throws Exception {
        try (SearchIndex index = SearchIndex.open(dir)) {
            indexMeetingKessaiAndDocument(index);
            for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
                SearchQuery three = new SearchQuery("たなか", Map.of(), null, null, sort, 3);
                List<SearchHit> hits = index.search(three).hits();
                assertEquals(Set.of(SearchKind.MINUTES, SearchKind.KESSAI, SearchKind.DOCUMENT), hits.stream()
                        .map(SearchHit::kind).collect(java.util.stream.Collectors.toSet()), sort + ": three asked, "
                        + "three things listed, though 225 utterances match before them: " + hits);
                SearchQuery one = new SearchQuery("たなか", Map.of(), null, null, sort, 1);
                assertEquals(1, index.search(one).hits().size(), sort + ": one asked, one listed");
            }
        }
    }

    @Test
    void theMinutesThemselvesAreListedWhenTheyRankFirst() throws Exception {
        try (SearchIndex index = SearchIndex.open(dir)) {
            indexMeetingKessaiAndDocument(index);
            List<SearchHit> hits = index.search(SearchQuery.of("補正予算の編成")).hits();
            assertEquals(List.of("m-5"), hits.stream().map(SearchHit::id).toList(),
                    "the 議題 is on the minutes themselves: listed as the minutes, once");
        }
    }

    private static int order(String id) {
        return List.of("m-5", "k-1", "d-1").indexOf(id);
    }
}
