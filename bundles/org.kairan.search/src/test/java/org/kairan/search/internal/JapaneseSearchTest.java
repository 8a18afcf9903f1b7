package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

/** What a Japanese office worker types, and what they must get: the analysis chain and the query syntax. */
class JapaneseSearchTest {

    @TempDir
    Path dir;

    private SearchIndex index;

    @BeforeEach
    void fill() throws IOException {
        index = SearchIndex.open(dir);
        put("k1", "東京都への出張報告について", "東京都の報告書を受け、担当者２名が都庁で協議した。", "令和8年度", 2026, 5, 10);
        put("k2", "京都市との連携協定", "京都市と観光振興の協定を結ぶ。", "", 2025, 7, 1);
        put("k3", "事務決裁規程の改正", "第三条に代決の順序を定める。課長が不在のときは課長補佐が代決する。", "", 2026, 4, 1);
        put("k4", "代決の取扱い", "代決した事案は後閲に回す。順番は問わない。", "", 2026, 4, 2);
        put("k5", "ＰＤＦ化の推進", "紙の文書をＰＤＦにして保存する。", "", 2026, 6, 1);
        put("k6", "ｺﾋﾟｰ用紙の購入", "ｺﾋﾟｰ用紙を五十万円で購入する。", "", 2026, 6, 2);
        put("k7", "庁舎清掃の委託", "委託料は500,000円とし、第3条により契約する。", "", 2026, 6, 3);
        put("k8", "北海道視察の報告", "佐藤主任が北海道の先進事例を視察した。", "", 2026, 8, 1);
        index.put(new IndexedItem(SearchKind.KESSAI, "k9", 0, "備品の修理", List.of("書庫の扉を修理する。"),
                List.of("たかはし", "けんじ", "たかはしけんじ"), "財政課", 2026, "財務", "決裁済",
                LocalDate.of(2026, 9, 1), "s"));
        index.commit();
    }

    private void put(String id, String title, String body, String extra, int year, int month, int day) throws IOException {
        index.put(new IndexedItem(SearchKind.KESSAI, id, 0, title, List.of(body, extra), List.of(), "財政課", year,
                "財務－契約", "回議中", LocalDate.of(year, month, day), "s"));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<String> ids(String text) throws IOException {
        return index.search(SearchQuery.of(text)).hits().stream().map(SearchHit::id).toList();
    }

    private Set<String> found(String text) throws IOException {
        return Set.copyOf(ids(text));
    }

    @Test
    void aWordIsFoundInsideACompoundButNotAnotherPlace() throws IOException {
        assertEquals(Set.of("k1"), found("東京"), "東京 inside 東京都の報告書, and not 京都市");
        assertEquals(Set.of("k3"), found("代決の順序"), "the phrase as typed, not 代決 and 順番 apart");
    }

    @Test
    void widthsAndCaseDoNotMatter() throws IOException {
        assertEquals(Set.of("k5"), found("pdf"), "pdf finds ＰＤＦ");
        assertEquals(Set.of("k5"), found("ＰＤＦ"));
        assertEquals(Set.of("k6"), found("コピー用紙"), "コピー finds 半角 ｺﾋﾟｰ");
        assertEquals(Set.of("k6"), found("ｺﾋﾟｰ"));
        assertEquals(Set.of("k1"), found("２名"), "全角 digits as typed …");
        assertEquals(Set.of("k1"), found("2名"), "… and 半角");
    }

    @Test
    void kanjiNumeralsAndDigitsAreOneNumber() throws IOException {
        assertEquals(Set.of("k6", "k7"), found("五十万円"), "五十万円 and 500,000円");
        assertEquals(Set.of("k6", "k7"), found("500000円"));
        assertEquals(Set.of("k3", "k7"), found("第3条"), "第三条 and 第3条");
        assertEquals(Set.of("k3", "k7"), found("第三条"));
    }

    @Test
    void numbersAtALineEndDatesInKanjiAndNameVariantsAreFoundToo() throws IOException {
        put("n1", "ナイトマルシェ", "事業名　駅前通りナイトマルシェ2026\n３　事業内容", "", 2026, 7, 1);
        put("n2", "規程の施行", "この規程は、令和８年４月１日から施行する。", "", 2026, 3, 1);
        put("n3", "危機管理課からの連絡", "担当は髙橋です。", "", 2026, 3, 2);
        index.commit();
        assertEquals(Set.of("n1"), found("２０２６"), "a number followed by a line break");
        assertEquals(Set.of("n2"), found("令和八年四月一日"), "四月 is 4 and 月");
        assertEquals(Set.of("n3"), found("高橋"), "髙橋 is found as 高橋");
        assertEquals(Set.of("n3", "k9"), found("たかはし"), "and read たかはし (k9: a 高橋 on the route)");
        assertEquals(Set.of("k1"), found("\"出張 報告\""), "a phrase typed with a space matches text without one");
    }

    @Test
    void aWordBrokenOverTwoLinesIsFoundWholeAndMarkedWhereItStands() throws IOException {
        put("b1", "例規の改正について", "伊織市事務決\n裁規程の一部を改正し、代決の\r\n順序を定める。", "", 2026, 4, 10);
        put("b2", "例規の一覧", "事務\n決裁規程 文書管理規程", "", 2026, 4, 11);
        index.commit();
        assertEquals(Set.of("k3", "b1", "b2"), found("事務決裁規程"), "a PDF's line break inside a word (b1, b2)");
        assertEquals(Set.of("k3", "b1"), found("\"代決の順序\""), "and inside a phrase");
        assertEquals(Set.of("b1"), found("\"伊織市 事務決裁規程\""), "a space typed inside a phrase is no break either");
        SearchHit hit = index.search(SearchQuery.of("事務決裁規程")).hits().stream().filter(h -> h.id().equals("b1"))
                .findFirst().orElseThrow();
        assertTrue(hit.snippet().contains(SearchHit.MARK_START + "事務決裁規程" + SearchHit.MARK_END), hit.snippet());
    }

    @Test
    void spacesOfEitherWidthAreAndOrIsOrMinusExcludesQuotesArePhrases() throws IOException {
        assertEquals(Set.of("k3"), found("代決　課長補佐"), "full-width space: both words");
        assertEquals(Set.of("k3"), found("代決 課長補佐"));
        assertEquals(Set.of("k3", "k4"), found("代決"));
        assertEquals(Set.of("k4"), found("代決 -課長補佐"), "minus excludes");
        assertEquals(Set.of("k4"), found("代決　－課長補佐"), "a full-width minus too");
        assertEquals(Set.of("k5", "k6"), found("ＰＤＦ OR 用紙"));
        assertEquals(Set.of("k5", "k6"), found("ＰＤＦ ＯＲ 用紙"), "ＯＲ typed in full width");
        assertEquals(Set.of("k3"), found("\"課長補佐が代決\""), "a phrase");
        assertEquals(Set.of(), found("\"代決が課長補佐\""), "in that order only");
        assertTrue(found("の").isEmpty() && found("   ").isEmpty(), "a particle or spaces alone find nothing");
    }

    @Test
    void kanaFindsTheNamesOfPeopleAndPlaces() throws IOException {
        assertEquals(Set.of("k9"), found("たかはし"), "the directory's reading of a person on the 決裁");
        assertEquals(Set.of("k9"), found("タカハシケンジ"), "the full name, in katakana too");
        assertEquals(Set.of("k8"), found("ほっかいどう"), "a place name in the text, by its reading");
        assertEquals(Set.of("k8"), found("さとう"), "a family name in the text");
    }

    @Test
    void theSnippetMarksWhatMatchedWhereItStands() throws IOException {
        SearchHit hit = index.search(SearchQuery.of("pdf")).hits().getFirst();
        assertTrue(hit.snippet().contains(SearchHit.MARK_START + "ＰＤＦ" + SearchHit.MARK_END), hit.snippet());
        SearchHit money = index.search(SearchQuery.of("500000円")).hits().stream().filter(h -> h.id().equals("k6"))
                .findFirst().orElseThrow();
        assertTrue(money.snippet().contains(SearchHit.MARK_START + "五十万"), "五十万 marked for 500000: " + money.snippet());
    }

    @Test
    void theTitleMarksWhatMatchedInsideItsCompounds() throws IOException {
        SearchHit copy = index.search(SearchQuery.of("コピー")).hits().stream().filter(h -> h.id().equals("k6"))
                .findFirst().orElseThrow();
        assertEquals("ｺﾋﾟｰ用紙の購入", copy.title(), "the title stays as written");
        assertEquals(SearchHit.MARK_START + "ｺﾋﾟｰ" + SearchHit.MARK_END + "用紙の購入", copy.markedTitle(),
                "the half-width ｺﾋﾟｰ is marked for コピー");
        SearchHit report = index.search(SearchQuery.of("出張")).hits().getFirst();
        assertEquals("東京都への" + SearchHit.MARK_START + "出張" + SearchHit.MARK_END + "報告について", report.markedTitle(),
                "a word inside the compound 出張報告 is marked");
        SearchHit none = index.search(SearchQuery.of("都庁")).hits().getFirst();
        assertEquals(none.title(), none.markedTitle(), "a title without the word is not marked");
    }

    @Test
    void newestFirstAndDatesAndFacetsNarrow() throws IOException {
        SearchQuery daiketsu = SearchQuery.of("代決");
        assertEquals(List.of("k4", "k3"), index.search(daiketsu.sorted(SearchQuery.Sort.NEWEST)).hits().stream()
                .map(SearchHit::id).toList());
        assertEquals(List.of("k3"), index.search(daiketsu.between(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 1)))
                .hits().stream().map(SearchHit::id).toList());
        assertTrue(index.search(daiketsu.narrowed(Facet.KIND, Set.of(SearchKind.CHAT.name()))).hits().isEmpty());
        assertEquals(Set.of("k3", "k4"), index.search(daiketsu.narrowed(Facet.KIND, Set.of(SearchKind.KESSAI.name())))
                .hits().stream().map(SearchHit::id).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void everyFacetIsCountedOverAllMatchesAndNarrowingCountsAgain() throws IOException {
        SearchResults all = index.search(new SearchQuery("報告 OR 購入 OR 代決 OR 連携", Map.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 1));
        assertEquals(1, all.hits().size(), "one hit shown …");
        assertEquals(6, all.total(), "… of six");
        assertEquals(List.of(new FacetCount("2026", 5), new FacetCount("2025", 1)), all.facet(Facet.FISCAL_YEAR),
                "counted over all six, most first");
        assertEquals(List.of(new FacetCount("財政課", 6)), all.facet(Facet.UNIT));
        assertEquals(List.of(new FacetCount("KESSAI", 6)), all.facet(Facet.KIND));
        SearchResults of2025 = index.search(SearchQuery.of("報告 OR 購入 OR 代決 OR 連携").narrowed(Facet.FISCAL_YEAR,
                Set.of("2025")));
        assertEquals(List.of("k2"), of2025.hits().stream().map(SearchHit::id).toList());
        assertEquals(List.of(new FacetCount("2025", 1)), of2025.facet(Facet.FISCAL_YEAR));
    }

    @Test
    void suggestionsAreTitleWordsStartingWithWhatIsTyped() throws IOException {
        assertEquals(List.of("代決"), index.suggest("代", 5), "代決 from the title 代決の取扱い");
        assertEquals(List.of("コピー"), index.suggest("ｺﾋﾟ", 5), "半角カナ typed");
        assertTrue(index.suggest("", 5).isEmpty());
    }

    @Test
    void aTitleMatchRanksFirst() throws IOException {
        assertEquals("k4", ids("代決").getFirst(), "代決 in the title of 代決の取扱い");
    }

    @Test
    void anItemPutAgainReplacesItselfAndADeletedOneIsGone() throws IOException {
        put("k5", "電子化の推進", "紙の文書をスキャンする。", "", 2026, 6, 1);
        index.delete(IndexedItem.key(SearchKind.KESSAI, "k6", 0));
        index.commit();
        assertFalse(found("ＰＤＦ").contains("k5"), "the old text is gone");
        assertEquals(Set.of("k5"), found("スキャン"));
        assertTrue(found("用紙").isEmpty(), "deleted");
        assertEquals(8, index.count());
    }

    @Test
    void anIndexWithNothingInItFindsNothing() throws IOException {
        try (SearchIndex empty = SearchIndex.open(dir.resolve("empty"))) {
            SearchResults none = empty.search(SearchQuery.of("報告"));
            assertTrue(none.hits().isEmpty(), "no hit before anything is indexed");
            assertEquals(0, none.total(), "「0件」");
            index.delete(IndexedItem.key(SearchKind.KESSAI, "k8", 0));
            index.commit();
            SearchResults left = index.search(SearchQuery.of("報告"));
            assertEquals(List.of("k1"), left.hits().stream().map(SearchHit::id).toList(), "a deleted item is gone");
            assertEquals(1, left.total(), "and counted no more");
        }
    }
}
