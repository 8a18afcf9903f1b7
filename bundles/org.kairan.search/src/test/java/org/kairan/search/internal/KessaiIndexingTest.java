package org.kairan.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.TextPage;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Consent;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.kessai.KessaiWorkflow;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteStep;
import org.kairan.core.kessai.StepKind;
import org.kairan.core.organisation.StaffMember;
import org.kairan.search.Facet;
import org.kairan.search.FacetCount;
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;
import org.kairan.search.SearchResults;

/** 決裁 made by the real workflow, indexed as the replica changes, and an index that broke. */
class KessaiIndexingTest {

    private static final Instant T0 = Instant.parse("2026-05-11T00:30:00Z");
    private static final PostHolder SHUJI = new PostHolder("1203", "企画財政部 財政課", "主事", "120002", "佐藤　花子");
    private static final PostHolder KACHO = new PostHolder("1200", "企画財政部 財政課", "課長", "120001", "高橋　健二");
    private static final Map<String, StaffMember> STAFF = Map.of(
            "120002", new StaffMember("120002", "佐藤　花子", "さとう　はなこ", "", Set.of()),
            "120001", new StaffMember("120001", "高橋　健二", "たかはし　けんじ", "", Set.of()));

    @TempDir
    Path dir;

    private static Kessai drafted(String id, String title, String body) {
        ApprovalRoute route = new ApprovalRoute(SHUJI, LocalDate.of(2026, 5, 11),
                List.of(new RouteStep(StepKind.DELEGATED_DECISION, List.of(KACHO), Consent.ALL)), List.of());
        KessaiDraft draft = new KessaiDraft(id, title, "財務－契約－物品購入", body, "物品購入", 150_000, false,
                LocalDate.of(2026, 5, 11), route, List.of());
        return KessaiWorkflow.newDraft(draft, route, "1200", List.of(), T0);
    }

    private static Kessai act(Kessai k, ActionKind kind, PostHolder actor, String comment) {
        return KessaiWorkflow.act(k, KessaiAction.on(k, kind, comment), actor, T0.plusSeconds(60));
    }

    private static List<IndexedItem> items(List<Kessai> kessai) {
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        return kessai.stream().map(items::of).toList();
    }

    private static Set<String> found(SearchIndex index, String text) throws IOException {
        return Set.copyOf(index.search(SearchQuery.of(text)).hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void aKessaiIsFoundByItsTitleBodyCommentsNumberAndThePeopleOnItsRoute() throws IOException {
        Kessai submitted = act(drafted("a", "庁舎用プリンタの購入について", "情報政策課で使うプリンタを購入したい。"), ActionKind.SUBMIT,
                SHUJI, "");
        Kessai sentBack = act(submitted, ActionKind.SEND_BACK, KACHO, "見積書を2者から徴取してください。");
        try (SearchIndex index = SearchIndex.open(dir)) {
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items(List.of(sentBack)), n -> { });
            for (String query : List.of("プリンタ", "情報政策課", "見積書", "150,000円", "物品購入", "たかはし", "さとう はなこ")) {
                assertEquals(Set.of("a"), found(index, query), query);
            }
            SearchHit hit = index.search(SearchQuery.of("見積書")).hits().getFirst();
            assertEquals("財政課", hit.unit(), "counted under its 課, named as the directory names it");
            assertEquals(2026, KessaiItems.fiscalYear(hit.day()));
            assertEquals(sentBack.status().label(), hit.state());
        }
    }

    private static final ApprovalRoute ROUTE = new ApprovalRoute(SHUJI, LocalDate.of(2026, 5, 11),
            List.of(new RouteStep(StepKind.DELEGATED_DECISION, List.of(KACHO), Consent.ALL)), List.of());

    private static Attachment pdf(String id, String name) {
        return new Attachment(id, name, Attachment.PDF, 48_213, "ab".repeat(32), 2, 1, SHUJI.staffNo(), T0, false);
    }

    private static Kessai withFiles(String id, Attachment... files) {
        return KessaiWorkflow.newDraft(new KessaiDraft(id, "庁舎用複合機の購入について", "財務－契約－物品購入",
                "複合機を購入したい。", "物品購入", 150_000, false, LocalDate.of(2026, 5, 11), ROUTE, List.of()), ROUTE, "1200",
                List.of(files), T0);
    }

    private static final KessaiText ESTIMATE_TEXT = new KessaiText("a", "att-1", 1, 1, List.of(
            new TextPage(1, "御見積書", false), new TextPage(2, "保守内容　トナー交換・定期点検を含む", false)));

    private static List<SearchHit> hits(SearchIndex index, String text) throws IOException {
        return index.search(SearchQuery.of(text)).hits();
    }

    private static Set<String> attachments(List<SearchHit> hits) {
        return Set.copyOf(hits.stream().map(SearchHit::attachment).toList());
    }

    @Test
    void aWordOnlyInsideAnAttachedPdfFindsItsPageOnceItsTextArrives() throws IOException {
        Kessai k = withFiles("a", pdf("att-1", "見積書.pdf"));
        KessaiText ofAnotherFile = new KessaiText("a", "gone", 1, 1, List.of(new TextPage(1, "廃棄済みの古い資料", false)));
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        try (SearchIndex index = SearchIndex.open(dir)) {
            ReplicaIndexer indexer = new ReplicaIndexer(index);
            assertEquals(new ReplicaIndexer.Outcome(1, 0, 0), indexer.update(SearchKind.KESSAI, items.of(k, List.of()),
                    n -> { }), "before its text arrives the 決裁 is one item");
            assertTrue(found(index, "トナー").isEmpty(), "before its text arrives the attachment's words find nothing");

            List<IndexedItem> after = items.of(k, List.of(ESTIMATE_TEXT, ofAnotherFile));
            assertEquals(new ReplicaIndexer.Outcome(2, 0, 1), indexer.update(SearchKind.KESSAI, after, n -> { }),
                    "when the text arrives each page with text is indexed, the 決裁 itself is left as it was");
            List<SearchHit> toner = hits(index, "トナー");
            assertEquals(1, toner.size(), "a word only on page 2 of the attachment is one hit: " + toner);
            SearchHit hit = toner.getFirst();
            assertEquals(SearchKind.KESSAI, hit.kind());
            assertEquals("a", hit.id(), "the hit is the 決裁");
            assertEquals("att-1", hit.attachment(), "on the attachment");
            assertEquals(2, hit.page(), "at the page the word is on");
            assertEquals("庁舎用複合機の購入について", hit.title(), "shown under the 決裁's 件名");
            assertTrue(hit.snippet().contains(SearchHit.MARK_START + "トナー" + SearchHit.MARK_END), hit.snippet());
            assertEquals("財政課", hit.unit(), "counted under the 決裁's 課");
            assertEquals(k.status().label(), hit.state(), "in the 決裁's 状態");
            assertEquals(k.draftDate(), hit.day(), "dated by its 起案日");

            SearchHit own = hits(index, "物品購入").getFirst();
            assertEquals("", own.attachment(), "a hit in the 決裁 itself is on no attachment");
            assertEquals(0, own.page());
            assertEquals(Set.of("att-1"), attachments(hits(index, "複合機 トナー")),
                    "a word of the 件名 and one of the page find the page together");
            assertTrue(found(index, "廃棄済み").isEmpty(), "text of a file the 決裁 does not list is left out");
        }
    }

    @Test
    void aKessaiWhosePagesAllMatchIsListedOnceAtItsBestPage() throws IOException {
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        try (SearchIndex index = SearchIndex.open(dir)) {
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items.of(withFiles("a", pdf("att-1", "見積書.pdf")),
                    List.of(ESTIMATE_TEXT)), n -> { });
            SearchResults byTitle = index.search(SearchQuery.of("複合機"));
            assertEquals(1, byTitle.hits().size(), "the 件名 is on the 決裁 and on both pages of its attachment, but the"
                    + " 決裁 is listed once: " + byTitle.hits());
            assertEquals(1, byTitle.total(), "and counted once, as it is listed");
            assertEquals(List.of(new FacetCount("KESSAI", 1)), byTitle.facet(Facet.KIND), "under its 種別 too");
            assertEquals("", byTitle.hits().getFirst().attachment(), "as itself, not as a page of its attachment");
            SearchResults byName = index.search(SearchQuery.of("さとう"));
            assertEquals(1, byName.total(), "a person on the route is on the 決裁, not on its attachment's pages");
            assertEquals("", byName.hits().getFirst().attachment());
            SearchResults byPage = index.search(SearchQuery.of("複合機 トナー"));
            assertEquals(List.of("att-1"), byPage.hits().stream().map(SearchHit::attachment).toList(),
                    "listed once, at the page that matches best");
            assertEquals(2, byPage.hits().getFirst().page());
        }
    }

    @Test
    void facetsAndFiltersCountAndNarrowAnAttachmentsPagesAsTheirKessai() throws IOException {
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        try (SearchIndex index = SearchIndex.open(dir)) {
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items.of(withFiles("a", pdf("att-1", "見積書.pdf")),
                    List.of(ESTIMATE_TEXT)), n -> { });
            SearchResults results = index.search(SearchQuery.of("定期点検"));
            assertEquals(1, results.total(), "only the page with the word matches");
            assertEquals(List.of(new FacetCount("KESSAI", 1)), results.facet(Facet.KIND));
            assertEquals(List.of(new FacetCount("財政課", 1)), results.facet(Facet.UNIT));
            assertEquals(List.of(new FacetCount("2026", 1)), results.facet(Facet.FISCAL_YEAR));
            assertEquals(List.of(new FacetCount("財務－契約－物品購入", 1)), results.facet(Facet.CLASSIFICATION));
            assertEquals(1, index.search(SearchQuery.of("定期点検").narrowed(Facet.UNIT, Set.of("財政課"))).hits().size(),
                    "narrowing by the 決裁's 課 keeps the page");
            assertTrue(index.search(SearchQuery.of("定期点検").narrowed(Facet.UNIT, Set.of("総務課"))).hits().isEmpty(),
                    "narrowing by another 課 drops it");
            assertEquals(1, index.search(SearchQuery.of("定期点検").narrowed(Facet.KIND, Set.of("KESSAI"))).hits()
                    .size(), "and by 種別 決裁 keeps it");
        }
    }

    @Test
    void pagesOfAnAttachmentThatIsGoneOrShorterLeaveTheIndex() throws IOException {
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        KessaiText spec = new KessaiText("a", "att-2", 1, 1, List.of(new TextPage(1, "仕様書　カラー印刷に対応", false)));
        try (SearchIndex index = SearchIndex.open(dir)) {
            ReplicaIndexer indexer = new ReplicaIndexer(index);
            indexer.update(SearchKind.KESSAI, items.of(withFiles("a", pdf("att-1", "見積書.pdf"), pdf("att-2", "仕様書.pdf")),
                    List.of(ESTIMATE_TEXT, spec)), n -> { });
            assertEquals(4, index.count(), "the 決裁 and three pages");
            assertEquals(Set.of("att-2"), attachments(hits(index, "カラー印刷")));

            assertEquals(new ReplicaIndexer.Outcome(0, 1, 3), indexer.update(SearchKind.KESSAI, items.of(
                    withFiles("a", pdf("att-1", "見積書.pdf"), pdf("att-2", "仕様書.pdf")), List.of(spec,
                            new KessaiText("a", "att-1", 1, 1, List.of(new TextPage(1, "御見積書", false))))), n -> { }),
                    "a page whose text is gone leaves the index");
            assertTrue(found(index, "トナー").isEmpty(), "its words find nothing");

            Kessai without = withFiles("a", pdf("att-1", "見積書.pdf"));
            indexer.update(SearchKind.KESSAI, items.of(without, List.of(spec, ESTIMATE_TEXT)), n -> { });
            assertTrue(found(index, "カラー印刷").isEmpty(), "the pages of an attachment the 決裁 no longer lists are gone");
            assertEquals(Set.of("att-1"), attachments(hits(index, "トナー")),
                    "those of the one it lists are there");
            assertEquals(3, index.count(), "the 決裁 and the two pages of its one attachment");

            indexer.update(SearchKind.KESSAI, List.of(), n -> { });
            assertEquals(0, index.count(), "a 決裁 gone from the replica takes its pages with it");
        }
    }

    @Test
    void onlyWhatChangedIsIndexedAgainAndWhatLeftTheReplicaLeavesTheIndex() throws IOException {
        List<Kessai> replica = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            replica.add(drafted("k" + i, "消耗品の購入 その" + i, "事務用品を購入する。"));
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            ReplicaIndexer indexer = new ReplicaIndexer(index);
            assertEquals(new ReplicaIndexer.Outcome(30, 0, 0), indexer.update(SearchKind.KESSAI, items(replica), n -> { }));
            assertEquals(new ReplicaIndexer.Outcome(0, 0, 30), indexer.update(SearchKind.KESSAI, items(replica), n -> { }),
                    "nothing changed, nothing indexed");
            replica.set(3, act(replica.get(3), ActionKind.SUBMIT, SHUJI, "至急お願いします。"));
            replica.remove(7);
            assertEquals(new ReplicaIndexer.Outcome(1, 1, 28), indexer.update(SearchKind.KESSAI, items(replica), n -> { }));
            assertEquals(Set.of("k3"), found(index, "至急"), "the new comment is searchable");
            assertTrue(found(index, "その7").isEmpty(), "the one gone from the replica is gone from the index");
            assertEquals(29, index.count());
        }
    }

    @Test
    void aDamagedIndexIsNoticedAndStartsEmptyToBeBuiltAgain() throws IOException {
        try (SearchIndex index = SearchIndex.open(dir)) {
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items(List.of(drafted("a", "公用車の修理", "車検整備を行う。"))),
                    n -> { });
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(Math.max(0, raf.length() / 2)); // a crash in the middle of writing
                }
            }
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertTrue(index.wasRebuilt(), "the damage is noticed");
            assertEquals(0, index.count(), "and it starts empty");
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items(List.of(drafted("a", "公用車の修理", "車検整備を行う。"))),
                    n -> { });
            assertEquals(Set.of("a"), found(index, "車検"), "built again from the replica");
        }
    }

    @Test
    void anIndexWrittenByAnEarlierVersionIsMadeAgain() throws IOException {
        // what version 1 wrote: term vectors on the text fields, no layout in the commit data
        FieldType vectors = new FieldType(TextField.TYPE_NOT_STORED);
        vectors.setStoreTermVectors(true);
        vectors.setStoreTermVectorOffsets(true);
        try (FSDirectory old = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(old, new IndexWriterConfig(JapaneseAnalysis.words()))) {
            Document doc = new Document();
            doc.add(new StringField(Fields.KEY, "KESSAI:old", Field.Store.YES));
            doc.add(new Field(Fields.WORDS, "古い索引の文書", vectors));
            writer.addDocument(doc);
            writer.setLiveCommitData(Map.of(SearchIndex.PLACE_NAMES, "").entrySet());
            writer.commit();
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertTrue(index.wasRebuilt(), "an index of another layout is not used");
            assertEquals(0, index.count(), "it starts empty");
            new ReplicaIndexer(index).update(SearchKind.KESSAI, items(List.of(drafted("a", "公用車の修理", "車検整備を行う。"))),
                    n -> { });
            assertEquals(Set.of("a"), found(index, "車検"), "and is built again from the replica in today's layout");
        }
        try (SearchIndex index = SearchIndex.open(dir)) {
            assertFalse(index.wasRebuilt(), "once made again it is kept");
        }
    }
}
