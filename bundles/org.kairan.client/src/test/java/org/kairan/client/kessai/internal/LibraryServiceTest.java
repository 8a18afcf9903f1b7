package org.kairan.client.kessai.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.kessai.FileUnavailableException;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.PageWords;
import org.kairan.core.files.FileRefusal;

/**
 * The 課 libraries on the desktop ({@code DefaultLibraryService}) against one real demo server for the class: the
 * 財政課 主事 files documents offline (listed at once as 送信待ち, sent and extracted when the network is back),
 * empty files are refused before anything is uploaded, a file the library does not take is refused by the server
 * with its reason and no document is made, new versions and metadata go through the queue, and versions open
 * from the cache — offline too — on another member's desktop. Lives beside the 決裁 tests to share their
 * {@link DemoCity} and {@link ServerDesktop}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryServiceTest {

    @TempDir
    static Path temp;

    private DemoCity city;
    private Path documents;
    private final List<ServerDesktop> desktops = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        city = DemoCity.start("library", temp, "--demo-library", "true"); // the demo 見積書 is a scan the server OCRs
    }

    @AfterAll
    void stopServer() throws Exception {
        city.close();
    }

    @BeforeEach
    void plugIn() throws Exception {
        city.cable.plugIn();
        documents = Files.createTempDirectory(temp, "documents-");
    }

    @AfterEach
    void closeDesktops() {
        desktops.forEach(ServerDesktop::close);
        desktops.clear();
    }

    private ServerDesktop desktopOf(String staffNo) throws Exception {
        ServerDesktop desktop = city.synced(staffNo);
        desktops.add(desktop);
        return desktop;
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(documents.resolve(name), content);
    }

    /** Syncs until the document's line satisfies {@code condition}. */
    private static LibraryEntry syncUntil(ServerDesktop desktop, String documentId, String expected,
            Predicate<LibraryEntry> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            desktop.syncNow();
            var line = desktop.library.entry(documentId);
            if (line.isPresent() && condition.test(line.get())) {
                return line.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(expected + " (not within 60 s; the line is " + line + ")");
            }
            Thread.sleep(200);
        }
    }

    private static String documentIdOf(ServerDesktop desktop, QueuedAction add) {
        return desktop.sync.payloadOf(add, AddDocument.class).documentId();
    }

    @Test
    void aFileAddedOfflineIsListedAtOnceThenSentAndExtractedWhenTheNetworkIsBack() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        assertEquals(ZAISEI_KA, shuji.library.units().getFirst().code(), "the 主事's own 課 comes first");
        city.cable.unplug();
        byte[] content = Pdfs.onePage("Yosan hensei hoshin 2026");
        QueuedAction add = shuji.library.add(ZAISEI_KA, file("予算編成方針.pdf", content));
        String id = documentIdOf(shuji, add);

        LibraryEntry queued = shuji.library.entries(ZAISEI_KA).getFirst();
        assertEquals(id, queued.documentId(), "the new document is listed first, at once");
        assertEquals(LibraryEntry.State.QUEUED, queued.state(), "送信待ち while offline");
        assertEquals("予算編成方針", queued.title(), "titled by the file's name");
        assertEquals("予算編成方針.pdf", queued.fileName());
        assertArrayEquals(content, Files.readAllBytes(shuji.library.open(id)), "and it opens offline from the outbox");
        int uploadsBefore = city.proxy.requestsFor(FILES);

        city.cable.plugIn();
        LibraryEntry extracted = syncUntil(shuji, id, "the document is filed and its text extracted",
                l -> l.state() == LibraryEntry.State.EXTRACTED);
        assertEquals(1, city.proxy.requestsFor(FILES) - uploadsBefore, "the file was uploaded once");
        assertTrue(shuji.sync.action(add.key()).map(a -> a.state() == ActionState.APPLIED).orElse(true),
                "document.add was applied");
        LibraryDocument filed = extracted.document();
        assertEquals(1, filed.versions().size());
        assertEquals(1, extracted.pages(), "its page was counted");
        assertEquals(ExtractionState.EXTRACTED, filed.current().orElseThrow().extraction().state());
        assertEquals(200, city.server.api.get("/api/documents/" + id, city.session(KACHO).token()).status(),
                "the 課長 sees it on the server");
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnythingIsSent() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        int uploadsBefore = city.proxy.requestsFor(FILES);
        int queuedBefore = shuji.sync.actions().size();
        FileNotAcceptedException empty = assertThrows(FileNotAcceptedException.class,
                () -> shuji.library.add(ZAISEI_KA, file("白紙.pdf", new byte[0])), "a 0-byte file is not filed");
        assertEquals(FileRefusal.EMPTY, empty.reason());
        assertTrue(empty.getMessage().contains("「白紙.pdf」") && empty.getMessage().contains("空"),
                "the message names the file and says it is empty: " + empty.getMessage());
        assertEquals(queuedBefore, shuji.sync.actions().size(), "nothing was queued");
        assertEquals(uploadsBefore, city.proxy.requestsFor(FILES), "nothing was uploaded");
    }

    @Test
    void aFileTheLibraryDoesNotTakeIsRefusedWithTheServersReasonAndNoDocumentIsMade() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        // an old-format Word file (OLE2 header): a library takes .docx, not .doc
        QueuedAction add = shuji.library.add(ZAISEI_KA, file("議事録.doc", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11,
                (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 }));
        String id = documentIdOf(shuji, add);
        shuji.syncNow();

        QueuedAction settled = shuji.sync.action(add.key()).orElseThrow();
        assertEquals(ActionState.REJECTED, settled.state(), "the server refuses a .doc for a library");
        assertEquals("UNSUPPORTED_TYPE", settled.code());
        assertTrue(settled.message().contains("「議事録.doc」") && settled.message().contains(".docx"),
                "the server's reason names the file and what a library takes: " + settled.message());
        LibraryEntry line = shuji.library.entry(id).orElseThrow();
        assertEquals(LibraryEntry.State.REFUSED, line.state(), "the line says it failed");
        assertEquals(settled.message(), line.reason(), "with the server's reason");
        assertNull(line.document(), "and no document was made");
        assertEquals(404, city.server.api.get("/api/documents/" + id, city.session(SHUJI).token()).status(),
                "the server has no document without a file");

        shuji.sync.dismiss(add.key());
        assertTrue(shuji.library.entry(id).isEmpty(), "dismissed, the line leaves the library");
    }

    @Test
    void aNewVersionAndTheMetadataGoThroughTheQueue() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        QueuedAction add = shuji.library.add(ZAISEI_KA, file("補助金交付要綱.pdf", Pdfs.onePage("Hojokin kofu yoko v1")));
        String id = documentIdOf(shuji, add);
        syncUntil(shuji, id, "the first version is filed", l -> l.document() != null);

        shuji.library.addVersion(id, file("補助金交付要綱（改正）.pdf", Pdfs.onePage("Hojokin kofu yoko v2")));
        LibraryEntry waiting = shuji.library.entry(id).orElseThrow();
        assertEquals(2, waiting.version(), "the new version shows at once");
        assertEquals(LibraryEntry.State.QUEUED, waiting.state());
        assertEquals("補助金交付要綱（改正）.pdf", waiting.fileName());

        String classification = shuji.library.classifications().stream().map(c -> c.name())
                .filter(c -> c.equals("例規・条例")).findFirst().orElseThrow();
        EditDocument edit = new EditDocument(id, "伊織市補助金交付要綱", classification, 2025, List.of("補助金", "要綱"), 0);
        shuji.library.edit(edit);
        assertEquals("伊織市補助金交付要綱", shuji.library.entry(id).orElseThrow().title(), "the edit shows at once");
        assertThrows(IllegalArgumentException.class, () -> shuji.library.edit(new EditDocument(id, "表題", "存在しない分類",
                2025, List.of(), null)), "a 文書分類 the city does not have is refused before sending");

        LibraryEntry done = syncUntil(shuji, id, "the new version and the edit are applied",
                l -> l.document() != null && l.document().versions().size() == 2 && l.action() == null);
        LibraryDocument d = done.document();
        assertEquals("伊織市補助金交付要綱", d.title());
        assertEquals(classification, d.classification());
        assertEquals(2025, d.fiscalYear());
        assertEquals(List.of("補助金", "要綱"), d.tags());
        assertEquals(LibraryDocument.PERMANENT, d.retentionYears(), "永年");
        assertEquals("補助金交付要綱.pdf", d.version(1).orElseThrow().fileName(), "the first version stays");
    }

    @Test
    void aVersionOpensOnAnotherMembersDesktopOnceAndThenOffline() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        byte[] content = Pdfs.onePage("Zaisei keikaku 2026-2030");
        String id = documentIdOf(shuji, shuji.library.add(ZAISEI_KA, file("中期財政計画.pdf", content)));
        syncUntil(shuji, id, "the document is filed", l -> l.document() != null);
        ServerDesktop kacho = desktopOf(KACHO);
        assertTrue(kacho.library.entries(ZAISEI_KA).stream().anyMatch(l -> l.documentId().equals(id)),
                "the 課長 has it in his replica");

        ServerApi.Answer list = city.server.api.get("/api/documents?unit=" + ZAISEI_KA, city.session(JOHO_KACHO).token());
        assertTrue(!ServerApi.text(list).contains(id), "another 課's 課長 does not see it");

        Path opened = kacho.library.open(id, 1);
        assertArrayEquals(content, Files.readAllBytes(opened), "the 課長 gets the file the 主事 filed");
        assertTrue(opened.getFileName().toString().endsWith(".pdf"), "kept as a .pdf");
        city.cable.unplug();
        assertEquals(opened, kacho.library.open(id), "opened once, it opens again offline from the cache");
        FileUnavailableException none = assertThrows(FileUnavailableException.class, () -> kacho.library.open(id, 7),
                "a version that does not exist cannot be opened");
        assertTrue(none.getMessage().contains("第7版"), none.getMessage());
    }

    @Test
    void whereOcrFoundTheWordsOfAScanIsFetchedOnceAndKeptForOffline() throws Exception {
        ServerDesktop kacho = desktopOf(KACHO);
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Optional<LibraryDocument> scan = Optional.empty();
        while (scan.isEmpty()) { // the demo library's 見積書 is a scan the server OCRs after it starts
            kacho.syncNow();
            scan = kacho.library.entries(ZAISEI_KA).stream().map(LibraryEntry::document).filter(Objects::nonNull)
                    .filter(d -> d.title().startsWith("庁舎清掃業務 見積書"))
                    .filter(d -> d.current().map(v -> v.extraction().state().finished()).orElse(false)).findFirst();
            if (scan.isEmpty() && System.nanoTime() > end) {
                throw new AssertionError("the demo 見積書 is not OCR'd within 90 s");
            }
            Thread.sleep(scan.isEmpty() ? 500 : 0);
        }
        String id = scan.get().id();
        int version = scan.get().current().orElseThrow().number();
        List<PageWords> words = kacho.library.scannedWords(id, version);
        assertFalse(words.isEmpty(), "the OCR'd page's words arrive");
        assertTrue(words.getFirst().words().stream().map(PageWords.Word::text).collect(Collectors.joining())
                .contains("清掃"), "with what the page says: " + words.getFirst().words());
        city.cable.unplug();
        assertEquals(words, kacho.library.scannedWords(id, version), "offline, from beside the cached file");
        assertEquals(List.of(), kacho.library.scannedWords(id, version + 1), "nothing for a version it does not have");
    }
}
