package org.kairan.server.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.BUCHO;
import static org.kairan.server.testing.DemoDesks.JOHO_KACHO;
import static org.kairan.server.testing.DemoDesks.KACHO;
import static org.kairan.server.testing.DemoDesks.KAKARICHO;
import static org.kairan.server.testing.DemoDesks.SHIMIN_SHUNIN;
import static org.kairan.server.testing.DemoDesks.SHUJI;
import static org.kairan.server.testing.DemoDesks.ZAISEI_KA;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.DocumentFile;
import org.kairan.core.documents.DocumentText;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.TextPage;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.LibraryClient;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.SyncPages;

/**
 * The 課 document library through sync commands and the feed in the demo city, on each supported database
 * ({@link H2LibrarySyncTest}, {@link PostgresLibrarySyncTest}): adding, new versions and edits exactly once and
 * audited, who sees a 課's library (the 課 and those above it, nobody else — not in the feed, not through the API),
 * who may change it, and the text travelling in parts.
 */
abstract class LibrarySyncContractTest {

    /** 財政係 (a 係 of 財政課). */
    static final String ZAISEI_KAKARI = "120201";
    static final String SHIMIN_KA = "130100";

    @TempDir
    Path dataDir;

    DemoDesks desks;
    LibraryClient library;

    abstract DemoDesks startDemo(Path dataDir);

    @BeforeEach
    void start() {
        desks = startDemo(dataDir);
        library = new LibraryClient(desks.running);
    }

    @AfterEach
    void stop() {
        desks.close();
    }

    private static byte[] pdf(String... lines) {
        return LibrarySamples.textPdf(List.of(List.of(lines)));
    }

    private long count(String sql, Object... params) {
        return SyncCommands.count(desks.running, sql, params);
    }

    private Map<String, SyncChange> replicaOf(String staffNo) {
        return SyncPages.pullAll(desks.running, desks.session(staffNo), null, 500).latest();
    }

    private LibraryDocument fed(Map<String, SyncChange> replica, String id) {
        SyncChange change = replica.get(EntityTypes.DOCUMENT + "/" + id);
        return change == null || change.deleted() ? null : read(change.data(), LibraryDocument.class);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return desks.running.json.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError("the feed's record reads as JSON: " + json, e);
        }
    }

    @Test
    void aDocumentIsAddedGivenANewVersionAndEditedEachExactlyOnceAndAudited() {
        String shuji = desks.session(SHUJI);
        DocumentFile first = library.uploaded(shuji, "予算編成方針.pdf", LibrarySamples.textPdf(List.of(
                List.of("令和8年度 予算編成方針", "経常的経費は前年度の97％以内とする。"), List.of("日程", "市長査定　令和8年1月中旬"))));
        String id = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        AddDocument add = new AddDocument(id, ZAISEI_KAKARI, "令和8年度 予算編成方針", "予算・決算", 2026,
                List.of(" 予算 ", "予算", "ＰＦＩ", ""), null, first);
        CommandResult added = library.send(shuji, key, CommandTypes.ADD_DOCUMENT, add);
        assertEquals(CommandOutcome.APPLIED, added.outcome(), "a 財政係 主事 adds to 財政課's library: " + added);
        assertEquals(added, library.send(shuji, key, CommandTypes.ADD_DOCUMENT, add), "sent again, the same answer");
        assertEquals(1, count("SELECT COUNT(*) FROM library_version WHERE document_id = ?", id), "and nothing twice");

        byte[] revised = LibrarySamples.textPdf(List.of(List.of("令和8年度 予算編成方針（改訂）"), List.of("重点施策",
                "子育て支援の充実"), List.of("日程", "市長査定　令和8年1月下旬")));
        CommandResult version = library.addVersion(desks.session(KACHO), id, "予算編成方針（改訂）.pdf", revised);
        assertEquals(CommandOutcome.APPLIED, version.outcome(), "the 課長 adds a version: " + version);
        CommandResult same = library.addVersion(desks.session(KACHO), id, "同じ.pdf", revised);
        assertEquals(CommandOutcome.APPLIED, same.outcome(), "the same content again is no error");
        assertEquals(0, same.seq(), "but changes nothing");

        CommandResult edited = library.send(shuji, CommandTypes.EDIT_DOCUMENT, new EditDocument(id, "令和8年度 予算編成方針（確定）",
                "契約・財務", 2025, List.of("予算", "確定"), 10));
        assertEquals(CommandOutcome.APPLIED, edited.outcome(), "the metadata is edited: " + edited);

        library.awaitExtraction(shuji, id, 2, Duration.ofSeconds(60));
        Map<String, SyncChange> replica = replicaOf(SHUJI);
        LibraryDocument document = fed(replica, id);
        assertNotNull(document, "the document is in the drafter's replica");
        assertEquals(ZAISEI_KA, document.unitCode(), "a 係's code files it in its 課's library");
        assertEquals("財政課", document.unitName());
        assertEquals("令和8年度 予算編成方針（確定）", document.title());
        assertEquals("契約・財務", document.classification());
        assertEquals(2025, document.fiscalYear());
        assertEquals(10, document.retentionYears());
        assertEquals(java.time.LocalDate.of(2036, 3, 31), document.keptUntil(), "kept 10 years from the 1 April after 令和7年度");
        assertEquals(List.of("予算", "確定"), document.tags());
        assertEquals(List.of(1, 2), document.versions().stream().map(v -> v.number()).toList(), "both versions are kept");
        assertEquals("予算編成方針.pdf", document.versions().get(0).fileName());
        assertEquals(first.sha256(), document.versions().get(0).sha256());
        assertEquals(2, document.versions().get(0).pages());
        assertEquals(SHUJI, document.versions().get(0).uploadedBy());
        assertEquals(KACHO, document.versions().get(1).uploadedBy());
        assertEquals("野村　健一", document.versions().get(1).uploadedByName());
        assertEquals(SHUJI, document.createdBy());
        assertEquals("佐藤　美咲", document.createdByName());
        assertEquals(SHUJI, document.updatedBy(), "the last change was the 主事's edit");

        DocumentText text = read(replica.get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 1)).data(),
                DocumentText.class);
        assertEquals(2, text.version(), "the feed has the current version's text");
        assertEquals(List.of(1, 2, 3), text.pages().stream().map(TextPage::page).toList());
        assertEquals("重点施策\n子育て支援の充実", text.pages().get(1).text());

        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = '文書の登録' AND person_name = '佐藤　美咲'"
                + " AND position_name = '主事' AND unit = '企画財政部 財政課 財政係' AND detail LIKE ?", "%予算編成方針%"),
                "adding is audited with 所属・役職・氏名");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = '文書の版の追加' AND person_name = '野村　健一'"
                + " AND position_name = '課長' AND detail LIKE ?", "%第2版「予算編成方針（改訂）.pdf」%"), "the new version too");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = '文書の情報の変更' AND person_name = '佐藤　美咲'"
                + " AND detail LIKE ?", "%保存年限10年%"), "and the edit");
    }

    @Test
    void onlyTheKaAndThoseAboveItSeeItsLibraryInTheFeedAndThroughTheApi() {
        String shuji = desks.session(SHUJI);
        byte[] bytes = pdf("契約事務の手引き", "随意契約による場合は、2者以上から見積書を徴する。");
        String id = library.add(shuji, ZAISEI_KA, "契約事務の手引き", "契約事務の手引き.pdf", bytes);
        String sha = library.document(shuji, id).versions().getFirst().sha256();
        library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(60));

        for (String staffNo : List.of(KAKARICHO, KACHO, BUCHO)) {
            Map<String, SyncChange> replica = replicaOf(staffNo);
            assertNotNull(fed(replica, id), staffNo + " (財政課 or above it) has the document");
            assertNotNull(replica.get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 1)), "and its text");
            HttpResponse<byte[]> file = download(staffNo, "/api/documents/" + id + "/versions/1/file");
            assertEquals(200, file.statusCode(), staffNo + " downloads the file");
            assertArrayEquals(bytes, file.body(), "byte for byte");
            assertEquals("application/pdf", file.headers().firstValue("Content-Type").orElse(""));
            assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(
                    "filename*=UTF-8''%E5%A5%91%E7%B4%84"), "under its Japanese name");
            assertEquals(200, download(staffNo, "/api/files/" + sha).statusCode(), "also by its hash, as 決裁 files are");
        }

        for (String staffNo : List.of(SHIMIN_SHUNIN, JOHO_KACHO)) {
            Map<String, SyncChange> replica = replicaOf(staffNo);
            assertTrue(replica.keySet().stream().noneMatch(k -> k.startsWith(EntityTypes.DOCUMENT + "/")
                    || k.startsWith(EntityTypes.DOCUMENT_TEXT + "/")), staffNo + " of another 課 gets nothing of it in the feed");
            String token = desks.session(staffNo);
            HttpResponse<String> guessed = desks.running.get("/api/documents/" + id, token);
            HttpResponse<String> unknown = desks.running.get("/api/documents/" + UUID.randomUUID(), token);
            assertEquals(404, guessed.statusCode(), "guessing the id gives 404");
            assertEquals(unknown.body().replaceAll("[0-9a-f-]{36}", "?"), guessed.body().replaceAll("[0-9a-f-]{36}", "?"),
                    "exactly the answer for a document that does not exist");
            assertEquals(404, desks.running.get("/api/documents/" + id + "/text", token).statusCode(), "no text");
            assertEquals(404, download(staffNo, "/api/documents/" + id + "/versions/1/file").statusCode(), "no file");
            assertEquals(404, desks.running.get("/api/documents/" + id + "/versions/1/words", token).statusCode(),
                    "no OCR'd words");
            assertEquals(404, download(staffNo, "/api/files/" + sha).statusCode(), "not by its hash either");
            assertEquals("[]", desks.running.get("/api/documents?unit=" + ZAISEI_KA, token).body(),
                    "財政課's library lists nothing for them");
        }
        List<?> listed = desks.running.read(desks.running.get("/api/documents?unit=" + ZAISEI_KA, shuji), List.class);
        assertEquals(1, listed.size(), "the 課's own staff list its library");
    }

    private HttpResponse<byte[]> download(String staffNo, String path) {
        return desks.running.send(HttpRequest.newBuilder(desks.running.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + desks.session(staffNo)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void onlyMembersOfTheKaChangeItsLibraryAndBadCommandsLeaveNothing() {
        String shuji = desks.session(SHUJI);
        String id = library.add(shuji, ZAISEI_KA, "財政課 事務分掌", "事務分掌.pdf", pdf("財政課 事務分掌", "財政係", "契約管財係"));

        assertCode(CommandCodes.NOT_PERMITTED, library.addVersion(desks.session(BUCHO), id, "部長版.pdf", pdf("部長の版")),
                "the 部長 sees 財政課's library but does not file in it");
        assertCode(CommandCodes.NOT_FOUND, library.addVersion(desks.session(SHIMIN_SHUNIN), id, "市民課.pdf", pdf("市民課")),
                "to another 課 it does not exist");
        assertCode(CommandCodes.NOT_FOUND, library.send(desks.session(SHIMIN_SHUNIN), CommandTypes.EDIT_DOCUMENT,
                new EditDocument(id, "書き換え", "一般庶務", 2026, List.of(), null)), "nor can they edit it");

        DocumentFile own = library.uploaded(shuji, "手引き.pdf", pdf("手引き"));
        assertCode(CommandCodes.NOT_PERMITTED, addTo(shuji, SHIMIN_KA, "市民課の文書", own), "nobody files in another 課's library");
        assertCode(CommandCodes.UNIT_GONE, addTo(shuji, "999999", "ない組織", own), "nor in a unit that does not exist");
        assertEquals(CommandOutcome.REJECTED, addTo(shuji, "120000", "部の文書", own).outcome(), "libraries are per 課, not 部");
        DocumentFile kachos = library.uploaded(desks.session(KACHO), "課長の.pdf", pdf("課長のファイル"));
        assertCode(CommandCodes.FILE_MISSING, addTo(shuji, ZAISEI_KA, "他人のファイル", kachos),
                "knowing the hash of someone else's upload is not enough");
        HttpResponse<String> memo = desks.upload(SHUJI, "メモ.txt", "打合せメモ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, memo.statusCode(), "a text file is a 決裁 attachment: " + memo.body());
        String memoSha = desks.running.read(memo, org.kairan.core.files.StoredFile.class).sha256();
        assertCode(CommandCodes.FILE_NOT_ACCEPTED, addTo(shuji, ZAISEI_KA, "メモ", new DocumentFile("メモ.txt", memoSha)),
                "but not a library document");

        for (AddDocument invalid : List.of(
                new AddDocument(UUID.randomUUID().toString(), ZAISEI_KA, "分類なし", "不明な分類", 2026, List.of(), null, own),
                new AddDocument(UUID.randomUUID().toString(), ZAISEI_KA, "長".repeat(201), "一般庶務", 2026, List.of(), null, own),
                new AddDocument(UUID.randomUUID().toString(), ZAISEI_KA, "年限", "一般庶務", 2026, List.of(), 7, own),
                new AddDocument(UUID.randomUUID().toString(), ZAISEI_KA, "年度", "一般庶務", 1800, List.of(), null, own),
                new AddDocument(UUID.randomUUID().toString(), ZAISEI_KA, "タグ", "一般庶務", 2026,
                        Collections.nCopies(21, "x").stream().map(t -> t + UUID.randomUUID()).toList(), null, own))) {
            CommandResult result = library.send(shuji, CommandTypes.ADD_DOCUMENT, invalid);
            assertEquals(CommandOutcome.REJECTED, result.outcome(), "a bad payload is rejected: " + invalid.title());
            assertEquals(CommandCodes.INVALID, result.code());
        }
        assertCode(CommandCodes.ALREADY_EXISTS, library.send(shuji, CommandTypes.ADD_DOCUMENT, new AddDocument(id, ZAISEI_KA,
                "同じid", "一般庶務", 2026, List.of(), null, own)), "an id is never taken twice");
        assertEquals(1, count("SELECT COUNT(*) FROM library_document"), "nothing refused was written");
        assertEquals(1, count("SELECT COUNT(*) FROM library_version"));

        DocumentFile encrypted = library.uploaded(shuji, "暗号化.pdf", LibrarySamples.passwordProtected(List.of(List.of("秘"))));
        CommandResult draft = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(UUID.randomUUID().toString(),
                null, List.of(new FileRef(UUID.randomUUID().toString(), "暗号化.pdf", encrypted.sha256()))));
        assertCode(CommandCodes.FILE_NOT_ACCEPTED, draft, "an encrypted PDF a library kept can never be a 決裁's attachment");
        assertTrue(draft.message().contains("暗号化されたPDF"), "and the 主事 is told why: " + draft.message());
    }

    private CommandResult addTo(String token, String unitCode, String title, DocumentFile file) {
        return library.send(token, CommandTypes.ADD_DOCUMENT, new AddDocument(UUID.randomUUID().toString(), unitCode, title,
                "一般庶務", 2026, List.of(), null, file));
    }

    private static void assertCode(String code, CommandResult result, String behaviour) {
        assertEquals(CommandOutcome.CONFLICT, result.outcome(), behaviour + ": " + result);
        assertEquals(code, result.code(), behaviour + ": " + result.message());
    }

    @Test
    void aLongTextTravelsInPartsAndAShorterVersionRemovesThePartsItNoLongerHas() {
        String shuji = desks.session(SHUJI);
        List<List<String>> pages = new ArrayList<>();
        for (int page = 1; page <= 180; page++) {
            List<String> lines = new ArrayList<>();
            for (int line = 1; line <= 40; line++) {
                lines.add(String.format("第%d頁%02d行　公共施設の点検結果と修繕の優先順位を記録する。", page, line));
            }
            pages.add(lines);
        }
        String id = library.add(shuji, ZAISEI_KA, "公共施設点検記録（180ページ）", "点検記録.pdf", LibrarySamples.textPdf(pages));
        library.awaitExtraction(shuji, id, 1, Duration.ofSeconds(120));

        SyncPages.Pulled pulled = SyncPages.pullAll(desks.running, shuji, null, 500);
        DocumentText one = read(pulled.latest().get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 1)).data(),
                DocumentText.class);
        DocumentText two = read(pulled.latest().get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 2)).data(),
                DocumentText.class);
        assertEquals(2, one.parts(), "a text over 200,000 characters travels in two parts");
        assertEquals(List.of(1, 2), List.of(one.part(), two.part()));
        assertEquals(180, one.pages().size() + two.pages().size(), "together every page");
        assertEquals(one.pages().size() + 1, two.pages().getFirst().page(), "the second part goes on where the first ends");
        assertTrue(one.pages().stream().mapToInt(p -> p.text().length()).sum() <= DocumentText.MAX_PART_CHARS,
                "each part within the limit");
        assertEquals(pages.get(179).getLast(), two.pages().getLast().text().lines().toList().getLast(),
                "the last page is complete");

        assertEquals(CommandOutcome.APPLIED, library.addVersion(shuji, id, "点検記録（要約）.pdf",
                pdf("公共施設点検記録（要約）", "修繕の優先順位は別表のとおり。")).outcome());
        library.awaitExtraction(shuji, id, 2, Duration.ofSeconds(60));
        SyncPages.Pulled after = SyncPages.pullAll(desks.running, shuji, pulled.cursor(), 500);
        SyncChange removed = after.latest().get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 2));
        assertNotNull(removed, "the second part is in the next pull");
        assertTrue(removed.deleted(), "as a removal: the new version's text is shorter");
        DocumentText current = read(after.latest().get(EntityTypes.DOCUMENT_TEXT + "/" + DocumentText.feedId(id, 1)).data(),
                DocumentText.class);
        assertEquals(new DocumentText(id, 2, 1, 1, List.of(new TextPage(1, "公共施設点検記録（要約）\n修繕の優先順位は別表のとおり。",
                false))), current, "the first part now holds version 2's text, all of it");
    }
}
