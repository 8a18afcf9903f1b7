package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.ExtractionStatus;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.TextPage;
import org.kairan.core.organisation.StaffMember;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

/** Library documents are found page by page, by their title and tags before their text arrives. */
class DocumentIndexingTest {

    private static final Instant ADDED = Instant.parse("2026-04-01T00:30:00Z");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    private static DocumentVersion version(int number, String fileName) {
        return new DocumentVersion(number, fileName, "%064d".formatted(number), "application/pdf", 1000, 3, "120002",
                "佐藤　美咲", ADDED, ExtractionStatus.pending(3, ADDED));
    }

    private static LibraryDocument document(String id, String title, List<String> tags, List<DocumentVersion> versions) {
        return new LibraryDocument(id, "1200", "財政課", title, "総務－例規－規程", 2026, tags, 10, versions, "120002",
                "佐藤　美咲", ADDED, "120002", "佐藤　美咲", ADDED);
    }

    private static DocumentText part(String id, int version, int part, int parts, TextPage... pages) {
        return new DocumentText(id, version, part, parts, List.of(pages));
    }

    private static List<SearchHit> hits(SearchIndex index, String text) throws IOException {
        return index.search(SearchQuery.of(text)).hits();
    }

    @Test
    void aHitIsThePageItIsOnAndTheTitleAndTagsFindEveryPage() throws IOException {
        LibraryDocument rules = document("r", "伊織市事務決裁規程", List.of("例規"), List.of(version(1, "事務決裁規程.pdf")));
        List<DocumentText> text = List.of(
                part("r", 1, 2, 2, new TextPage(3, "附則　この規程は、令和８年４月１日から施行する。", false)),
                part("r", 1, 1, 2, new TextPage(1, "第一条　この規程は、事務の決裁について定める。", false),
                        new TextPage(2, "第六条　代決の順序は、別表のとおりとする。", true)));
        LibraryDocument pending = document("p", "庁舎清掃業務仕様書", List.of("清掃", "委託"),
                List.of(version(1, "仕様書.pdf")));
        try (SearchIndex index = SearchIndex.open(dir)) {
            List<IndexedItem> items = new ArrayList<>(DocumentItems.of(rules, text, TOKYO, NameReadings.NONE));
            items.addAll(DocumentItems.of(pending, List.of(), TOKYO, NameReadings.NONE));
            new ReplicaIndexer(index).update(SearchKind.DOCUMENT, items, n -> { });
            List<SearchHit> found = hits(index, "代決の順序");
            assertEquals(1, found.size());
            assertEquals("r", found.getFirst().id());
            assertEquals(2, found.getFirst().page(), "the OCR'd page 2 holds it");
            assertEquals(SearchKind.DOCUMENT, found.getFirst().kind());
            assertEquals("財政課", found.getFirst().unit());
            SearchResults byTitle = index.search(SearchQuery.of("事務決裁規程"));
            assertEquals(List.of("r"), byTitle.hits().stream().map(SearchHit::id).toList(),
                    "the title is on every page, and the document is listed once, not once per page");
            assertEquals(1, byTitle.total(), "and counted once, as it is listed");
            assertEquals(List.of(3), hits(index, "令和八年四月一日").stream().map(SearchHit::page).toList());
            assertEquals(List.of("p"), hits(index, "委託").stream().map(SearchHit::id).toList(),
                    "a document still waiting for its text is found by a tag");
            assertEquals(List.of(0), hits(index, "仕様書.pdf").stream().map(SearchHit::page).toList(), "and its file name");
        }
    }

    @Test
    void namesInTheTextAreFoundByTheDirectorysReadingsTypedInKana() throws IOException {
        List<StaffMember> staff = List.of(
                new StaffMember("310004", "東海林　大輔", "しょうじ　だいすけ", null, null),
                new StaffMember("410002", "髙橋　遥", "たかはし　はるか", null, null),
                new StaffMember("120005", "林　優子", "はやし　ゆうこ", null, null));
        NameReadings names = new NameReadings(staff);
        LibraryDocument minutes = document("m", "建築確認事務の打合せ記録", List.of(), List.of(version(1, "打合せ.pdf")));
        List<DocumentText> text = List.of(part("m", 1, 1, 1,
                new TextPage(1, "出席者　建築住宅係長　東海林大輔、危機管理課　髙橋", false),
                new TextPage(2, "森林の保全について意見があった。差異が生じた場合は協議する。", false)));
        try (SearchIndex index = SearchIndex.open(dir)) {
            ReplicaIndexer indexer = new ReplicaIndexer(index);
            indexer.update(SearchKind.DOCUMENT, DocumentItems.of(minutes, text, TOKYO, names), names::complete, n -> { });
            assertEquals(List.of(1), pages(index, "しょうじ"), "東海林大輔 (no space) by the directory's reading");
            assertEquals(List.of(1), pages(index, "しょうじ だいすけ"));
            assertEquals(List.of(1), pages(index, "たかはし"), "the family name 髙橋 alone, which the dictionary cannot read");
            assertEquals(List.of(), pages(index, "はやし"), "林 alone in 森林 is not taken for 林 優子");

            NameReadings more = new NameReadings(List.of(staff.get(0), staff.get(1), staff.get(2),
                    new StaffMember("120009", "森林　太郎", "もりばやし　たろう", null, null)));
            ReplicaIndexer.Outcome again = indexer.update(SearchKind.DOCUMENT,
                    DocumentItems.of(minutes, text, TOKYO, more), more::complete, n -> { });
            assertEquals(2, again.indexed(), "a change of the directory's names indexes the pages again");
            assertEquals(List.of(2), pages(index, "もりばやし"));
        }
    }

    private static List<Integer> pages(SearchIndex index, String text) throws IOException {
        return hits(index, text).stream().map(SearchHit::page).sorted().toList();
    }

    @Test
    void theTextOfAVersionStillArrivingDoesNotReplaceTheWholeTextBefore() throws IOException {
        LibraryDocument twice = document("t", "予算編成方針", List.of(), List.of(version(1, "方針.pdf"), version(2, "方針v2.pdf")));
        List<DocumentText> text = List.of(
                part("t", 1, 1, 1, new TextPage(1, "歳出の見直しを徹底する。", false)),
                part("t", 2, 1, 2, new TextPage(1, "新しい方針の一部。", false)));
        try (SearchIndex index = SearchIndex.open(dir)) {
            new ReplicaIndexer(index).update(SearchKind.DOCUMENT, DocumentItems.of(twice, text, TOKYO, NameReadings.NONE), n -> { });
            assertEquals(List.of("t"), hits(index, "歳出").stream().map(SearchHit::id).toList(),
                    "version 1's complete text stays until version 2's has all its parts");
            assertTrue(hits(index, "新しい方針").isEmpty());
        }
    }
}
