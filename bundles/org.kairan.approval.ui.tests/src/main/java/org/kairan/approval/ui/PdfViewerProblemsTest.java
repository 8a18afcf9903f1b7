package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents a city office meets that cannot be shown: each gives a sentence in the viewer (never a stack
 * trace, never a crash), the toolbar has nothing to page through, and the next good document opens.
 */
class PdfViewerProblemsTest {

    @TempDir
    static Path folder;
    private static TestPdfs pdfs;
    private static Path good;

    private ViewerScreen screen;
    private PdfViewer viewer;

    @BeforeAll
    static void writePdfs() throws Exception {
        pdfs = new TestPdfs(folder);
        good = pdfs.japanese("起案.pdf", 20);
    }

    @BeforeEach
    void setUp() {
        screen = new ViewerScreen();
        viewer = screen.viewer();
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws Exception {
        assertRefused(pdfs.empty(), "ファイルが空（0 バイト）のため表示できません。");
    }

    @Test
    void aFileThatIsNoPdfSaysSo() throws Exception {
        assertRefused(pdfs.notAPdf(), "PDFが壊れているか、PDF形式ではないため表示できません。");
    }

    @Test
    void aPdfCutOffHalfwaySaysItIsDamaged() throws Exception {
        assertRefused(pdfs.cutShort(good, 60, "途中まで.pdf"), "PDFが壊れているか、PDF形式ではないため表示できません。");
    }

    @Test
    void aPasswordProtectedPdfSaysItCannotBeShown() throws Exception {
        assertRefused(pdfs.passwordProtected(), "pdf-viewer-password-ja", "パスワードで保護されたPDFは表示できません。パスワードを解除したPDFを登録してください。");
    }

    @Test
    void aMissingFileSaysItWasNotFoundAndNamesIt() {
        assertRefused(folder.resolve("削除済み.pdf"), "ファイルが見つかりません（削除済み.pdf）。移動または削除された可能性があります。");
    }

    @Test
    void anEmptyDownloadSaysItIsEmpty() {
        viewer.open(new byte[0]);
        screen.waitUntil("the bytes are looked at", () -> viewer.getState() != PdfViewer.State.LOADING);
        assertEquals("ファイルが空（0 バイト）のため表示できません。", ViewerScreen.message(viewer),
                "an empty download says it is empty");
        openGoodDocument();
    }

    @Test
    void aPdfWithOnlyPrintingRestrictedOpensWithoutAPassword() throws Exception {
        screen.open(viewer, pdfs.restricted());
        assertEquals(PdfViewer.State.SHOWING, viewer.getState(),
                "a PDF with only an owner password (印刷禁止) is shown: " + ViewerScreen.message(viewer));
        assertEquals("1 / 3 ページ", ViewerScreen.pageIndicator(viewer), "its pages can be read");
        screen.waitUntilDrawn(viewer, 1);
    }

    @Test
    void aPdfMissingOnlyItsEndIsRepairedAndShown() throws Exception {
        screen.open(viewer, pdfs.withoutEnd(good, 120));
        assertEquals(PdfViewer.State.SHOWING, viewer.getState(),
                "PDFBox rebuilds a lost cross-reference table, so the document is shown: " + ViewerScreen.message(viewer));
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "all its pages are there");
        screen.waitUntilDrawn(viewer, 1);
    }

    /** The viewer shows exactly {@code expected} for the file, offers no paging, and opens a good file next. */
    private void assertRefused(Path file, String expected) {
        assertRefused(file, null, expected);
    }

    private void assertRefused(Path file, String screenshot, String expected) {
        screen.open(viewer, file);
        if (screenshot != null) {
            screen.screenshot(screen.window(), screenshot);
        }
        assertEquals(PdfViewer.State.FAILED, viewer.getState(), file.getFileName() + " cannot be shown");
        assertEquals(expected, ViewerScreen.message(viewer), "the viewer says why " + file.getFileName() + " cannot be shown");
        assertEquals(expected, viewer.getMessage(), "the embedding screen can read the same sentence");
        assertEquals("", ViewerScreen.pageIndicator(viewer), "without pages the toolbar shows no page number");
        assertFalse(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_PAGE_NUMBER, Text.class).isEnabled(),
                "without pages there is no page to go to");
        assertEquals(0, viewer.getPageCount(), "no pages are counted");
        openGoodDocument();
    }

    private void openGoodDocument() {
        screen.open(viewer, good);
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "after a refused file the viewer opens the next good one");
        assertTrue(ViewerScreen.message(viewer).isEmpty(), "and the sentence is gone");
        screen.waitUntilDrawn(viewer, 1);
    }
}
