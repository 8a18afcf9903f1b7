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
import org.kairan.search.SearchHit;
import org.kairan.search.SearchKind;
import org.kairan.search.SearchQuery;

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

    @Test
    void aWordOnlyInsideAnAttachedPdfFindsTheKessaiOnceItsTextArrives() throws IOException {
        Attachment estimate = new Attachment("att-1", "見積書.pdf", Attachment.PDF, 48_213, "ab".repeat(32), 2, 1,
                SHUJI.staffNo(), T0, false);
        ApprovalRoute route = new ApprovalRoute(SHUJI, LocalDate.of(2026, 5, 11),
                List.of(new RouteStep(StepKind.DELEGATED_DECISION, List.of(KACHO), Consent.ALL)), List.of());
        Kessai k = KessaiWorkflow.newDraft(new KessaiDraft("a", "庁舎用複合機の購入について", "財務－契約－物品購入",
                "複合機を購入したい。", "物品購入", 150_000, false, LocalDate.of(2026, 5, 11), route, List.of()), route, "1200",
                List.of(estimate), T0);
        KessaiText text = new KessaiText("a", "att-1", 1, 1, List.of(new TextPage(1, "御見積書", false),
                new TextPage(2, "保守内容　トナー交換・定期点検を含む", false)));
        KessaiText ofAnotherFile = new KessaiText("a", "gone", 1, 1, List.of(new TextPage(1, "廃棄済みの古い資料", false)));
        KessaiItems items = new KessaiItems(STAFF, Map.of("1200", "財政課"));
        try (SearchIndex index = SearchIndex.open(dir)) {
            ReplicaIndexer indexer = new ReplicaIndexer(index);
            IndexedItem before = items.of(k, List.of());
            indexer.update(SearchKind.KESSAI, List.of(before), n -> { });
            assertTrue(found(index, "トナー").isEmpty(), "before its text arrives the attachment's words find nothing");

            IndexedItem after = items.of(k, List.of(text, ofAnotherFile));
            assertTrue(!after.stamp().equals(before.stamp()), "the stamp changes when the text arrives");
            assertEquals(new ReplicaIndexer.Outcome(1, 0, 0), indexer.update(SearchKind.KESSAI, List.of(after), n -> { }),
                    "so the 決裁 is indexed again");
            assertEquals(Set.of("a"), found(index, "トナー"), "a word only inside the attached PDF finds the 決裁");
            assertEquals(Set.of("a"), found(index, "定期点検"), "and another, on its second page");
            assertTrue(found(index, "廃棄済み").isEmpty(), "text of a file the 決裁 does not list is left out");
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
