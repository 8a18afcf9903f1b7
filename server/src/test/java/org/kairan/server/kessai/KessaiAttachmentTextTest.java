package org.kairan.server.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.KAKARICHO;
import static org.kairan.server.testing.DemoDesks.SHIMIN_SHUNIN;
import static org.kairan.server.testing.DemoDesks.SHUJI;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.TextPage;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.KessaiText;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.SyncPages;

/**
 * The text of PDFs attached to 決裁, read by the server in the background and sent through the feed to exactly
 * those who see the 案件: the real server on H2 with the demo city.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KessaiAttachmentTextTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dataDir;

    DemoDesks desks;

    @BeforeAll
    void start() {
        desks = DemoDesks.start(dataDir, null);
    }

    @AfterAll
    void stop() {
        desks.close();
    }

    @Test
    void theTextOfAnAttachedPdfReachesTheDrafterThenTheRouteButNeverAnotherKa() {
        byte[] estimate = LibrarySamples.textPdf(List.of(
                List.of("御見積書", "伊織市財政課　御中"),
                List.of("品名　カラー複合機（賃貸借）", "保守内容　トナー交換・定期点検を含む", "合計金額　148,500円")));
        FileRef file = desks.uploaded(SHUJI, "見積書.pdf", estimate);
        String id = UUID.randomUUID().toString();
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, DemoDesks.purchase(id, null, List.of(file)));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), "the draft with its estimate is saved: " + saved);
        String textId = EntityTypes.KESSAI_TEXT + "/" + KessaiText.feedId(id, file.attachmentId(), 1);

        KessaiText text = awaitText(SHUJI, textId);
        assertEquals(List.of(1, 2), text.pages().stream().map(TextPage::page).toList(), "both pages, numbered as in the PDF");
        assertEquals("品名　カラー複合機（賃貸借）\n保守内容　トナー交換・定期点検を含む\n合計金額　148,500円",
                text.pages().get(1).text(), "page 2 reads exactly as it was written");
        assertNull(latest(KAKARICHO).get(textId), "while 起案中 only the drafter gets the text, like the 案件");

        assertEquals(CommandOutcome.APPLIED, desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "").outcome());
        SyncChange routed = latest(KAKARICHO).get(textId);
        assertNotNull(routed, "once submitted the 係長 on the route gets the text with the 案件");
        assertFalse(routed.deleted(), "as text, not a removal");
        assertFalse(latest(SHIMIN_SHUNIN).keySet().stream().anyMatch(k -> k.startsWith(EntityTypes.KESSAI_TEXT + "/" + id)),
                "a 市民課 主任 gets nothing of a 財政課 案件's attachment in the feed");

        FileRef again = desks.uploaded(SHUJI, "見積書（写し）.pdf", estimate);
        String other = UUID.randomUUID().toString();
        assertEquals(CommandOutcome.APPLIED, desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT,
                DemoDesks.purchase(other, null, List.of(again))).outcome());
        String otherText = EntityTypes.KESSAI_TEXT + "/" + KessaiText.feedId(other, again.attachmentId(), 1);
        assertNotNull(latest(SHUJI).get(otherText), "the same file attached to another 案件 has its text at once");
        assertEquals(1, SyncCommands.count(desks.running, "SELECT COUNT(*) FROM attachment_text WHERE sha256 = ?",
                file.sha256()), "a file is read once, whichever 案件 name it");

        assertEquals(CommandOutcome.APPLIED, desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT,
                DemoDesks.purchase(other, null, List.of())).outcome());
        assertTrue(latest(SHUJI).get(otherText).deleted(), "a file the draft no longer has takes its text with it");
    }

    @Test
    void aScannedEstimateWithoutATextLayerIsOcrdAndItsWordsTravelWithThe案件() {
        List<String> scanned = List.of("御見積書", "伊織市財政課　御中", "品名　公用車用スタッドレスタイヤ", "合計金額　96,800円",
                "株式会社伊織モータース");
        byte[] estimate = LibrarySamples.mixedPdf(List.of("見積依頼書", "公用車用タイヤの見積を依頼します。"),
                LibrarySamples.scannedPage(scanned, 14, false, 41));
        FileRef file = desks.uploaded(SHUJI, "見積書（スキャン）.pdf", estimate);
        String id = UUID.randomUUID().toString();
        assertEquals(CommandOutcome.APPLIED, desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT,
                DemoDesks.purchase(id, null, List.of(file))).outcome());

        KessaiText text = awaitText(SHUJI, EntityTypes.KESSAI_TEXT + "/" + KessaiText.feedId(id, file.attachmentId(), 1));
        assertEquals(2, text.pages().size(), "the typed page and the scanned one: " + text.pages());
        assertFalse(text.pages().get(0).ocr(), "page 1 has a text layer: read as it is");
        assertTrue(text.pages().get(1).ocr(), "page 2 is a scan: its text came from OCR");
        double cer = LibrarySamples.characterErrorRate(String.join("", scanned), text.pages().get(1).text());
        assertTrue(cer <= 0.05, "OCR of the 300 dpi scan misses at most 5 % of the characters, was "
                + Math.round(cer * 1000) / 10.0 + " %: " + text.pages().get(1).text());
        String found = LibrarySamples.squeezed(text.pages().get(1).text());
        for (String word : List.of("御見積書", "スタッドレスタイヤ", "伊織モータース")) {
            assertTrue(found.contains(word), "a search for 「" + word + "」 finds the scanned estimate: " + found);
        }
    }

    @Test
    void textKeptButNotYetSentWhenTheServerStoppedIsSentAfterTheRestart(@TempDir Path otherData) throws Exception {
        DemoDesks city = DemoDesks.start(otherData, null);
        try {
            FileRef file = city.uploaded(SHUJI, "仕様書.pdf", LibrarySamples.textPdf(List.of(
                    List.of("庁舎清掃業務仕様書", "日常清掃は平日の午前8時までに終える。"))));
            String id = UUID.randomUUID().toString();
            assertEquals(CommandOutcome.APPLIED, city.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT,
                    DemoDesks.purchase(id, null, List.of(file))).outcome());
            String feedId = KessaiText.feedId(id, file.attachmentId(), 1);
            awaitCount(city, 1, "SELECT COUNT(*) FROM attachment_text WHERE sha256 = ? AND published = TRUE",
                    file.sha256());
            long sent = SyncCommands.count(city.running, "SELECT COUNT(*) FROM change_feed WHERE entity_type = ?"
                    + " AND entity_id = ?", EntityTypes.KESSAI_TEXT, feedId);
            assertEquals(1, sent, "the text was put into the feed once");
            // as if the server had stopped after keeping the text and before putting it into the feed
            city.running.server.database().inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE attachment_text SET published = FALSE WHERE sha256 = ?")) {
                    ps.setString(1, file.sha256());
                    return ps.executeUpdate();
                }
            });

            city = city.restarted();

            awaitCount(city, 1, "SELECT COUNT(*) FROM attachment_text WHERE sha256 = ? AND published = TRUE",
                    file.sha256());
            assertEquals(2, SyncCommands.count(city.running, "SELECT COUNT(*) FROM change_feed WHERE entity_type = ?"
                    + " AND entity_id = ?", EntityTypes.KESSAI_TEXT, feedId),
                    "after the restart the text owed is put into the feed, once");
            assertEquals(1, SyncCommands.count(city.running, "SELECT COUNT(*) FROM attachment_text_page WHERE sha256 = ?",
                    file.sha256()), "and not read again");
        } finally {
            city.close();
        }
    }

    private static void awaitCount(DemoDesks city, long expected, String sql, Object... params)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (SyncCommands.count(city.running, sql, params) != expected) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(sql + " is not " + expected + " within " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private Map<String, SyncChange> latest(String staffNo) {
        return SyncPages.pullAll(desks.running, desks.session(staffNo), null, 500).latest();
    }

    private KessaiText awaitText(String staffNo, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            SyncChange change = latest(staffNo).get(key);
            if (change != null && !change.deleted()) {
                try {
                    return desks.running.json.readValue(change.data(), KessaiText.class);
                } catch (IOException e) {
                    throw new AssertionError("the feed's attachment text reads as JSON", e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the text", e);
            }
        }
        throw new AssertionError(staffNo + " gets the text of the attached PDF within " + WAIT.toSeconds() + " s");
    }
}
