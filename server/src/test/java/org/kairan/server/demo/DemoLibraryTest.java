package org.kairan.server.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.documents.ExtractionState;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.sync.EntityTypes;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.LibraryClient;
import org.kairan.server.testing.LibrarySamples;
import org.kairan.server.testing.SyncCommands;
import org.kairan.server.testing.SyncPages;

import com.fasterxml.jackson.core.type.TypeReference;

/** The demo city's 課 document libraries: something to search in every 課, scans that only OCR can read. */
class DemoLibraryTest {

    @TempDir
    Path dataDir;

    @Test
    void everyKaHasDocumentsAndTheScansAreOcrdInTheBackground() {
        try (DemoDesks desks = DemoDesks.startWithLibraries(dataDir)) {
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (SyncCommands.count(desks.running, "SELECT COUNT(*) FROM library_version") < 80) {
                assertTrue(System.nanoTime() - deadline < 0, "the demo libraries are filled in the background after start-up");
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            long withFewer = SyncCommands.count(desks.running, "SELECT COUNT(*) FROM org_unit u WHERE u.kind = 'DIVISION'"
                    + " AND (SELECT COUNT(*) FROM library_document d WHERE d.unit_code = u.code) < 2");
            assertEquals(0, withFewer, "every 課 has at least its 事務分掌 and 業務計画");
            String shuji = desks.session(DemoDesks.SHUJI);
            LibraryClient library = new LibraryClient(desks.running);
            List<LibraryDocument> zaisei = desks.running.read(desks.running.get("/api/documents?unit=" + DemoDesks.ZAISEI_KA,
                    shuji), new TypeReference<List<LibraryDocument>>() { });
            assertTrue(zaisei.size() >= 5, "財政課 has its own documents besides: " + zaisei.size());
            assertTrue(zaisei.stream().anyMatch(d -> d.title().equals("契約事務の手引き") && d.versions().size() == 2),
                    "one of them with a second version");

            LibraryDocument scan = zaisei.stream().filter(d -> d.title().contains("スキャン")).findFirst().orElseThrow();
            LibraryDocument done = library.awaitExtraction(shuji, scan.id(), 1, Duration.ofMinutes(3));
            assertEquals(ExtractionState.EXTRACTED, done.current().orElseThrow().extraction().state(),
                    "the scanned 見積書 is OCR'd after start-up");
            assertEquals(1, done.current().orElseThrow().extraction().ocrPages());
            String text = LibrarySamples.squeezed(library.text(shuji, scan.id()).pages().getFirst().text());
            assertTrue(text.contains("清掃業務委託") && text.contains("伊織ビルサービス"),
                    "and what it says can be searched: " + text);

            assertTrue(SyncPages.pullAll(desks.running, desks.session(DemoDesks.SHIMIN_SHUNIN), null, 500).latest().values()
                    .stream().filter(c -> c.type().equals(EntityTypes.DOCUMENT)).map(c -> c.data())
                    .allMatch(data -> data.contains("\"unitCode\":\"130100\"")),
                    "a 市民課 主任 has 市民課's library, no other");
        }
    }
}
