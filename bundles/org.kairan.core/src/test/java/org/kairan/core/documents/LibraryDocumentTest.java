package org.kairan.core.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LibraryDocumentTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static DocumentVersion version(int number) {
        return new DocumentVersion(number, "計画" + number + ".pdf", "a".repeat(64), null, 10, 1, "120002", "佐藤　美咲", NOW,
                ExtractionStatus.pending(1, NOW));
    }

    private static LibraryDocument document(int retentionYears, int fiscalYear, List<DocumentVersion> versions) {
        return new LibraryDocument("d", "120200", "財政課", "計画", "事業計画", fiscalYear, null, retentionYears, versions,
                "120002", "佐藤　美咲", NOW, "120002", "佐藤　美咲", NOW);
    }

    @Test
    void theRetentionCountsFromTheAprilAfterTheFiscalYear() {
        assertEquals(LocalDate.of(2032, 3, 31), document(5, 2026, List.of()).keptUntil(),
                "a 5年 document of 令和8年度 is kept until 31 March 令和14年");
        assertEquals("5年", document(5, 2026, List.of()).retentionLabel());
        assertNull(document(LibraryDocument.PERMANENT, 2026, List.of()).keptUntil(), "永年 has no end");
        assertEquals("永年", document(LibraryDocument.PERMANENT, 2026, List.of()).retentionLabel());
        assertTrue(LibraryDocument.isRetention(30) && LibraryDocument.isRetention(0), "30年 and 永年 are retentions");
        assertFalse(LibraryDocument.isRetention(7), "7 years is not one");
    }

    @Test
    void theCurrentVersionIsTheNewest() {
        LibraryDocument document = document(1, 2026, List.of(version(1), version(2)));
        assertEquals(2, document.current().orElseThrow().number(), "the newest version is what the document is now");
        assertEquals("計画1.pdf", document.version(1).orElseThrow().fileName(), "older versions stay reachable");
        assertEquals(Optional.empty(), document.version(3));
        assertEquals("application/octet-stream", version(1).mediaType(), "an unknown type is said so");
        assertEquals(List.of(), document.tags(), "no tags is an empty list");
    }

    @Test
    void aLibraryTakesPdfsAndScannedImagesByTheirExtension() {
        assertEquals(Optional.of(LibraryFiles.PDF), LibraryFiles.mediaTypeOfName("予算書.PDF"));
        assertEquals(Optional.of(LibraryFiles.JPEG), LibraryFiles.mediaTypeOfName("scan.jpeg"));
        assertEquals(Optional.of(LibraryFiles.TIFF), LibraryFiles.mediaTypeOfName("会議録.tif"));
        assertEquals(Optional.of(LibraryFiles.DOCX), LibraryFiles.mediaTypeOfName("議事録.docx"), "a Word file");
        assertEquals(Optional.of(LibraryFiles.XLSX), LibraryFiles.mediaTypeOfName("予算要求一覧.XLSX"), "an Excel file");
        assertEquals(Optional.empty(), LibraryFiles.mediaTypeOfName("議事録.doc"), "not an old binary Word file");
        assertEquals(Optional.empty(), LibraryFiles.mediaTypeOfName("予算.xls"), "nor an old Excel file");
        assertEquals(Optional.empty(), LibraryFiles.mediaTypeOfName("README"), "nor a name without extension");
        assertTrue(LibraryFiles.accepts("image/png"));
        assertFalse(LibraryFiles.accepts("text/plain"));
        assertEquals("ed/1", DocumentText.feedId("ed", 1), "a text part's feed id is the document's and the part's");
    }
}
