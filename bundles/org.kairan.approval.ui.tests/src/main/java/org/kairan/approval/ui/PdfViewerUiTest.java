package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.approval.ui.internal.pdf.PageLayout;
import org.kairan.approval.ui.nls.Messages;

/**
 * The PDF viewer embedded in an e4 part (the tests run with -nl ja): a 20-page Japanese 起案 opens at
 * 「1 / 20 ページ」, Page Down, the scroll bar, the page field and Home/End move through it, the Japanese
 * heading is drawn where the PDF puts it, and zooming changes the size of the page on screen.
 */
class PdfViewerUiTest {

    @TempDir
    static Path folder;
    private static Path twentyPages;

    private ViewerScreen screen;
    private PdfViewer viewer;

    @BeforeAll
    static void writePdfs() throws Exception {
        twentyPages = new TestPdfs(folder).japanese("起案_20頁.pdf", 20);
    }

    @BeforeEach
    void setUp() {
        screen = new ViewerScreen();
        viewer = screen.viewer();
        viewer.setZoom(Zoom.FIT_WIDTH);
    }

    @Test
    void theTextsOfTheViewerAreInjectedInJapanese() throws IllegalAccessException {
        Messages messages = screen.part().messages();
        for (Field field : Messages.class.getFields()) {
            String text = (String) field.get(messages);
            assertNotNull(text, "Messages." + field.getName() + " is filled by e4's @Translation");
            assertFalse(text.startsWith("!"), "Messages." + field.getName() + " has a text, not e4's !key! marker: " + text);
        }
        viewer.clear();
        assertEquals("文書が選択されていません。", ViewerScreen.message(viewer),
                "without a document the viewer says, in Japanese, that none is selected");
        assertEquals(PdfViewer.State.EMPTY, viewer.getState(), "the viewer is in its empty state");
    }

    @Test
    void aTwentyPageJapanesePdfOpensAtPageOneOfTwenty() {
        screen.open(viewer, twentyPages);
        assertEquals(PdfViewer.State.SHOWING, viewer.getState(), "a good PDF is shown, not a message");
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "the toolbar reads 「1 / 20 ページ」");
        assertEquals(20, viewer.getPageCount(), "the viewer counts 20 pages");
        assertEquals("幅に合わせる", ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_ZOOM, Combo.class).getText(),
                "a document opens fitted to the width");
        assertFalse(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_PREVIOUS, Button.class).isEnabled(),
                "there is no page before the first");
        assertTrue(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_NEXT, Button.class).isEnabled(),
                "the next page can be reached with the button");
    }

    @Test
    void pageDownTheScrollBarThePageFieldAndHomeEndMoveThroughTheDocument() {
        screen.open(viewer, twentyPages);
        int presses = 0;
        while (viewer.getPage() == 1 && presses < 5) {
            int before = viewer.pages().scrollY();
            screen.press(viewer, SWT.PAGE_DOWN, 0);
            int moved = viewer.pages().scrollY() - before;
            assertTrue(moved > 0 && moved <= viewer.pages().control().getClientArea().height,
                    "Page Down moves on by at most one screen, so no line of the page is skipped (moved " + moved + ")");
            presses++;
        }
        assertEquals("2 / 20 ページ", ViewerScreen.pageIndicator(viewer), "Page Down reaches page 2 (after " + presses + ")");
        assertTrue(presses <= 2, "a fitted A4 page takes at most two Page Downs, took " + presses);

        viewer.setZoom(Zoom.FIT_PAGE);
        screen.press(viewer, SWT.HOME, 0);
        screen.press(viewer, SWT.PAGE_DOWN, 0);
        assertEquals("2 / 20 ページ", ViewerScreen.pageIndicator(viewer), "with whole pages in view one Page Down shows page 2");
        screen.press(viewer, SWT.PAGE_UP, 0);
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "Page Up goes back to page 1");

        Canvas pages = viewer.pages().control();
        PageLayout layout = viewer.pages().layout();
        pages.getVerticalBar().setSelection(layout.topOf(2) + 5);
        pages.getVerticalBar().notifyListeners(SWT.Selection, new Event());
        screen.settle();
        assertEquals("3 / 20 ページ", ViewerScreen.pageIndicator(viewer), "dragging the scroll bar to page 3 shows 「3 / 20」");

        Text field = ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_PAGE_NUMBER, Text.class);
        field.setFocus();
        field.setText("１２");
        field.notifyListeners(SWT.DefaultSelection, new Event());
        screen.settle();
        assertEquals("12 / 20 ページ", ViewerScreen.pageIndicator(viewer), "typing 12 (even in full-width digits) and Enter goes to page 12");

        screen.press(viewer, SWT.END, 0);
        assertEquals("20 / 20 ページ", ViewerScreen.pageIndicator(viewer), "End goes to the last page");
        assertFalse(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_NEXT, Button.class).isEnabled(),
                "there is no page after the last");
        screen.press(viewer, SWT.HOME, 0);
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "Home goes back to the first page");
    }

    @Test
    void theMouseWheelScrollsThePages() throws Exception {
        screen.open(viewer, twentyPages);
        screen.wheelDown(viewer.pages().control(), 5);
        screen.waitUntil("the wheel has scrolled the pages", () -> viewer.pages().scrollY() > 0);
        assertTrue(viewer.pages().scrollY() < viewer.pages().layout().contentHeight() / 4,
                "five notches of the wheel scroll a little way down, not through the document ("
                        + viewer.pages().scrollY() + " px)");
    }

    @Test
    void theJapaneseHeadingIsDrawnInDarkPixelsWhereThePdfPutsIt() {
        screen.open(viewer, twentyPages);
        screen.waitUntilDrawn(viewer, 1);
        screen.screenshot(screen.window(), "pdf-viewer-ja");
        assertHeadingDrawn("the heading in the embedded IPA font");
    }

    @Test
    void aJapaneseFontThatIsNotEmbeddedIsReplacedByAnInstalledOne() throws Exception {
        screen.open(viewer, new TestPdfs(folder).withoutEmbeddedFont());
        assertEquals("1 / 1 ページ", ViewerScreen.pageIndicator(viewer), "the page with MS 明朝 not embedded opens");
        screen.waitUntilDrawn(viewer, 1); // the first time, PDFBox looks through the installed fonts
        assertHeadingDrawn("the heading in MS 明朝, not embedded, drawn with an installed Japanese font");
    }

    private void assertHeadingDrawn(String what) {
        ImageData shown = ViewerScreen.pixels(viewer.pages().control());
        PageLayout.Box page = viewer.pages().layout().box(0);
        double scale = viewer.pages().layout().pixelsPerPoint();
        int top = page.y() - viewer.pages().scrollY();
        int left = page.x() + (int) (TestPdfs.HEADING_LEFT * scale);
        int width = (int) (10 * TestPdfs.HEADING_SIZE * scale); // the first ten characters
        int headingTop = top + (int) ((TestPdfs.HEADING_BASELINE - TestPdfs.HEADING_SIZE * 0.85) * scale);
        int headingHeight = (int) (TestPdfs.HEADING_SIZE * scale);
        double heading = ViewerScreen.darkShare(shown, left, headingTop, width, headingHeight);
        assertTrue(heading > 0.05, what + " 「" + TestPdfs.heading(1) + "」 leaves dark pixels where it is ("
                + Math.round(heading * 100) + " % dark)");
        // real glyphs, not the same empty box for every character a missing font would leave: 電子決裁の起
        // (characters 5 to 10, one em each) each darken their square differently
        int em = (int) (TestPdfs.HEADING_SIZE * scale);
        Set<Long> inkPerCharacter = new TreeSet<>();
        for (int c = 4; c < 10; c++) {
            inkPerCharacter.add(Math.round(ViewerScreen.darkShare(shown, left + c * em, headingTop, em, headingHeight) * 50));
        }
        assertTrue(inkPerCharacter.size() >= 4, what + ": 電子決裁の起 are drawn as different glyphs (ink per character "
                + inkPerCharacter + ")");
        double margin = ViewerScreen.darkShare(shown, left, top + (int) (30 * scale), width, (int) (60 * scale));
        assertEquals(0.0, margin, "the blank top margin above the heading stays white");
        double rightMargin = ViewerScreen.darkShare(shown, page.x() + page.width() - (int) (50 * scale),
                top + (int) (200 * scale), (int) (40 * scale), (int) (300 * scale));
        assertEquals(0.0, rightMargin, "the blank right margin stays white");
        assertTrue(ViewerScreen.luminance(shown, 2, 2) < 160, "around the pages lies the grey desk, not white");
    }

    @Test
    void aSearchHitOpensAtItsPageWithTheWordsHighlightedEvenWhenTypedInHalfWidth() {
        viewer.open(twentyPages, 7, List.of("電子決裁", "ネットワーク 更新", "第7頁", "見つからない語"));
        screen.waitUntil("the viewer has opened the hit", () -> viewer.getState() != PdfViewer.State.LOADING);
        assertEquals(7, viewer.getPage(), "the document opens at the hit's page");
        screen.waitUntil("the words are highlighted on page 7", () -> viewer.getHighlightCount(7) > 0);
        // the heading 「第７頁　電子決裁の起案文書」 holds 第７頁 (full-width, typed half-width) and 電子決裁; each of
        // the 30 lines holds ネットワーク更新 (typed with a space)
        assertEquals(32, viewer.getHighlightCount(7), "every occurrence on the page, one area each");
        screen.waitUntil("the pages on either side are highlighted too, without 第7頁 (their headings say 第６頁, 第８頁)",
                () -> viewer.getHighlightCount(6) == 31 && viewer.getHighlightCount(8) == 31);
        screen.waitUntilDrawn(viewer, 7);
        screen.screenshot(screen.window(), "pdf-viewer-highlight-ja");

        ImageData shown = ViewerScreen.pixels(viewer.pages().control());
        PageLayout.Box page = viewer.pages().layout().box(6);
        double scale = viewer.pages().layout().pixelsPerPoint();
        int em = (int) (TestPdfs.HEADING_SIZE * scale);
        int top = page.y() - viewer.pages().scrollY()
                + (int) ((TestPdfs.HEADING_BASELINE - TestPdfs.HEADING_SIZE * 0.8) * scale);
        int left = page.x() + (int) (TestPdfs.HEADING_LEFT * scale);
        double words = ViewerScreen.yellowShare(shown, left + 4 * em + em / 4, top, 3 * em, em / 2);
        assertTrue(words > 0.3, "電子決裁 is drawn under highlighter yellow (" + Math.round(words * 100) + " %)");
        double rest = ViewerScreen.yellowShare(shown, left + 9 * em, top, 3 * em, em / 2);
        assertEquals(0.0, rest, "起案文書 after it is not highlighted");
    }

    @Test
    void zoomingChangesTheWidthOfThePageOnScreen() {
        screen.open(viewer, twentyPages);
        screen.waitUntilDrawn(viewer, 1);
        int viewport = viewer.pages().control().getClientArea().width;
        int fitted = whiteWidth();
        assertTrue(Math.abs(fitted - (viewport - 2 * PageLayout.GAP)) <= 2,
                "fit width makes the page as wide as the view less its margins: " + fitted + " of " + viewport);

        screen.press(viewer, '-', SWT.MOD1);
        screen.waitUntilDrawn(viewer, 1);
        int smaller = whiteWidth();
        assertTrue(smaller < fitted, "Ctrl + - makes the page narrower: " + smaller + " < " + fitted);
        assertEquals(Zoom.Mode.PERCENT, viewer.getZoom().mode(), "after zooming the zoom is a fixed percentage");

        Combo zoomBox = ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_ZOOM, Combo.class);
        zoomBox.select(zoomBox.indexOf("50%"));
        zoomBox.notifyListeners(SWT.Selection, new Event());
        screen.waitUntilDrawn(viewer, 1);
        assertEquals(397, whiteWidth(), 2, "at 50 % an A4 page (210 mm) is 397 pixels wide at 96 dpi");
        assertEquals(50, viewer.getZoomPercent(), "the viewer reports 50 %");

        ViewerScreen.click(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_ZOOM_IN, Button.class));
        screen.waitUntilDrawn(viewer, 1);
        assertEquals(Zoom.percent(67), viewer.getZoom(), "the + button zooms in one step, to 67 %");
        assertEquals(532, whiteWidth(), 2, "at 67 % the page is 532 pixels wide");

        zoomBox.setText("400");
        zoomBox.notifyListeners(SWT.DefaultSelection, new Event());
        screen.waitUntilDrawn(viewer, 1);
        assertEquals(400, viewer.getZoomPercent(), "a typed 400 zooms to 400 %");
        assertEquals(3175, viewer.pages().layout().box(0).width(), 2, "at 400 % the page is four times its real size");
        assertTrue(viewer.pages().control().getHorizontalBar().isVisible(), "a page wider than the view scrolls across");
        assertFalse(ViewerScreen.find(viewer, ApprovalUiConstants.ID_PDF_ZOOM_IN, Button.class).isEnabled(),
                "400 % is the largest zoom");

        screen.press(viewer, '0', SWT.MOD1);
        screen.waitUntilDrawn(viewer, 1);
        assertEquals(Zoom.FIT_WIDTH, viewer.getZoom(), "Ctrl + 0 fits the width again");
        assertEquals(fitted, whiteWidth(), 2, "and the page is as wide as at first");
    }

    @Test
    void zoomingKeepsThePageBeingRead() {
        screen.open(viewer, twentyPages);
        viewer.showPage(7);
        screen.settle();
        assertEquals(7, viewer.getPage(), "the viewer went to page 7");
        viewer.setZoom(Zoom.percent(200));
        screen.settle();
        assertEquals(7, viewer.getPage(), "zooming in keeps page 7 in view");
        viewer.setZoom(Zoom.FIT_PAGE);
        screen.settle();
        assertEquals("7 / 20 ページ", ViewerScreen.pageIndicator(viewer), "zooming out keeps page 7 in view");
    }

    @Test
    void aDocumentCanComeAsBytes() throws Exception {
        viewer.open(Files.readAllBytes(twentyPages));
        screen.waitUntil("the bytes are opened", () -> viewer.getState() != PdfViewer.State.LOADING);
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "a PDF downloaded into memory opens like a file");
        screen.waitUntilDrawn(viewer, 1);
    }

    /** Where the white page lies across a blank band of page 1 (its top margin), measured on screen. */
    private int whiteWidth() {
        ImageData shown = ViewerScreen.pixels(viewer.pages().control());
        PageLayout.Box page = viewer.pages().layout().box(0);
        int y = page.y() - viewer.pages().scrollY() + (int) (40 * viewer.pages().layout().pixelsPerPoint());
        int white = 0;
        for (int x = 0; x < shown.width; x++) {
            if (ViewerScreen.luminance(shown, x, y) > 240) {
                white++;
            }
        }
        return white;
    }
}
