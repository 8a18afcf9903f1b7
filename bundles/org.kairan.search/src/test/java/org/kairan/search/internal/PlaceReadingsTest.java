package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.search.PlaceNames;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;

/** The city's own readings of its place names: かみさと finds 上里 where the dictionary reads うえさと. */
class PlaceReadingsTest {

    private static final PlaceNames IORI = PlaceNames.parse("""
            # 伊織市
            上里,かみさと
            大字上里,おおあざかみさと
            水無瀬,みなせ
            字東原,あざひがしばら
            """);

    @TempDir
    Path dir;

    private static void fill(SearchIndex index) throws IOException {
        put(index, "k1", "上里地区の農道補修", "上里地区の農道を補修する。");
        put(index, "k2", "水無瀬川の護岸点検", "水無瀬川の護岸を点検した。");
        put(index, "k3", "境界の確定", "大字上里字東原の土地の境界を確定する。");
        put(index, "k4", "上里小学校の給食", "上里小学校の給食室を改修する。");
        put(index, "k5", "里山の保全", "上の里山を保全する。");
        index.commit();
    }

    private static void put(SearchIndex index, String id, String title, String text) throws IOException {
        index.put(new IndexedItem(SearchKind.KESSAI, id, 0, title, List.of(text), List.of(), "農林課", 2026, "農林",
                "回議中", LocalDate.of(2026, 5, 1), "s"));
    }

    private static Set<String> found(SearchIndex index, String text) throws IOException {
        return index.search(SearchQuery.of(text)).hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    }

    @Test
    void theCitysReadingFindsThePlaceOnlyWithTheList() throws IOException {
        try (SearchIndex without = SearchIndex.open(dir.resolve("without"))) {
            fill(without);
            assertEquals(Set.of(), found(without, "かみさと"), "without a list the dictionary reads 上里 うえさと");
            assertEquals(Set.of("k2"), found(without, "みなせ"), "the dictionary knows 水無瀬");
        }
        try (SearchIndex with = SearchIndex.open(dir.resolve("with"), new PlaceReadings(IORI))) {
            fill(with);
            assertEquals(Set.of("k1", "k3", "k4"), found(with, "かみさと"), "上里地区, 大字上里 and 上里小学校 by the city's"
                    + " reading, not 上の里山");
            assertEquals(Set.of("k1", "k3", "k4"), found(with, "カミサト"), "typed in katakana too");
            assertEquals(Set.of("k2"), found(with, "みなせ"), "みなせ still finds 水無瀬");
            assertEquals(Set.of("k3"), found(with, "ひがしばら"), "a 字 name (字東原) by the reading of its place");
        }
    }

    @Test
    void aListedNameIsStillFoundAsWrittenAndInsideCompounds() throws IOException {
        try (SearchIndex with = SearchIndex.open(dir, new PlaceReadings(IORI))) {
            fill(with);
            assertEquals(Set.of("k1", "k3", "k4"), found(with, "上里"), "上里 as 漢字");
            assertEquals(Set.of("k1"), found(with, "里地区"), "bigrams across the listed name and what follows");
            assertEquals(Set.of("k5"), found(with, "里山"), "a character of the name in another word");
            assertEquals(Set.of("k4"), found(with, "上里小学校"), "a compound with the name");
            SearchHit hit = with.search(SearchQuery.of("かみさと")).hits().stream().filter(h -> h.id().equals("k1"))
                    .findFirst().orElseThrow();
            assertEquals(SearchHit.MARK_START + "上里" + SearchHit.MARK_END + "地区の農道補修", hit.markedTitle(),
                    "the place is marked in the title for its reading");
            assertTrue(hit.snippet().contains(SearchHit.MARK_START + "上里" + SearchHit.MARK_END), hit.snippet());
        }
    }

    @Test
    void anIndexMadeWithOtherPlaceNamesIsMadeAgain() throws IOException {
        try (SearchIndex first = SearchIndex.open(dir)) {
            fill(first);
        }
        try (SearchIndex same = SearchIndex.open(dir)) {
            assertFalse(same.wasRebuilt(), "no list before, no list now: the index is kept");
            assertEquals(5, same.count());
        }
        PlaceReadings iori = new PlaceReadings(IORI);
        try (SearchIndex listed = SearchIndex.open(dir, iori)) {
            assertTrue(listed.wasRebuilt(), "a list now: the index is made again (the stamps do not cover analysis)");
            assertEquals(0, listed.count(), "emptied, for the replica to be indexed again");
            fill(listed);
        }
        try (SearchIndex again = SearchIndex.open(dir, new PlaceReadings(PlaceNames.parse(IORI.entries())))) {
            assertFalse(again.wasRebuilt(), "the same list: kept");
            assertEquals(Set.of("k1", "k3", "k4"), found(again, "かみさと"));
        }
        PlaceReadings changed = new PlaceReadings(PlaceNames.parse(IORI.entries() + "北山,きたやま\n"));
        assertNotEquals(iori.version(), changed.version());
        try (SearchIndex other = SearchIndex.open(dir, changed)) {
            assertTrue(other.wasRebuilt(), "another list: made again");
        }
        try (SearchIndex none = SearchIndex.open(dir)) {
            assertTrue(none.wasRebuilt(), "the list withdrawn: made again as without one");
        }
    }
}
