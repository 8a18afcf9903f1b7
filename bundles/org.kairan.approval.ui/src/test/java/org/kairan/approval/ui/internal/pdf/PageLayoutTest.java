package org.kairan.approval.ui.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.Zoom;

class PageLayoutTest {

    private static final List<PageSize> TWENTY_A4 = Collections.nCopies(20, PageSize.A4);

    @Test
    void fitWidthMakesTheWidestPageAsWideAsTheViewportLessTheGaps() {
        PageLayout layout = new PageLayout(TWENTY_A4, Zoom.FIT_WIDTH, 1020, 700);
        assertEquals(1000, layout.box(0).width(), "a fitted A4 page fills the viewport's width less a gap on each side");
        assertEquals(1414, layout.box(0).height(), "the page keeps its proportions (297/210)");
        assertEquals(PageLayout.GAP, layout.box(0).x(), "the fitted page starts one gap from the left edge");
        assertEquals(layout.box(0).bottom() + PageLayout.GAP, layout.box(1).y(), "the next page follows one gap below");
        assertEquals(20 * (1414 + PageLayout.GAP) + PageLayout.GAP, layout.contentHeight(), "the scroll height holds every page and gap");
    }

    @Test
    void fitPageShowsAWholePageInTheViewport() {
        PageLayout layout = new PageLayout(TWENTY_A4, Zoom.FIT_PAGE, 1020, 700);
        assertEquals(680, layout.box(0).height(), "a whole page fits the viewport's height less the gaps");
        assertTrue(layout.box(0).width() < 1000, "fitting the height leaves the page narrower than the viewport");
        assertEquals((1020 - layout.box(0).width()) / 2, layout.box(0).x(), "a page narrower than the viewport is centred");
    }

    @Test
    void aPercentageIsRealSizeAt96PixelsPerInch() {
        PageLayout layout = new PageLayout(TWENTY_A4, Zoom.percent(100), 500, 500);
        assertEquals(794, layout.box(0).width(), "A4 at 100 % is 210 mm at 96 dpi");
        assertEquals(100, layout.percent(), "the layout reports the zoom it shows");
        assertEquals(794 + 2 * PageLayout.GAP, layout.contentWidth(), "a page wider than the viewport scrolls across");
        assertEquals(200, new PageLayout(TWENTY_A4, Zoom.percent(200), 500, 500).percent(), "200 % is twice as large");
    }

    @Test
    void theCurrentPageIsTheOneTakingUpMostOfTheViewport() {
        PageLayout layout = new PageLayout(TWENTY_A4, Zoom.FIT_WIDTH, 1020, 700);
        assertEquals(0, layout.currentPage(0, 700), "at the top the first page is read");
        assertEquals(1, layout.currentPage(layout.topOf(1), 700), "with page 2 at the top, page 2 is read");
        assertEquals(0, layout.currentPage(layout.topOf(1) - 400, 700), "more of page 1 than of page 2 in view: page 1");
        assertEquals(19, layout.currentPage(layout.contentHeight() - 700, 700), "at the end the last page is read");
        assertArrayEquals(new int[] { 0, 1 }, layout.pagesBetween(1000, 1700), "the viewport across a page break shows both pages");
    }

    @Test
    void atTheEndOfADocumentWithSeveralPagesInViewTheLastPageIsCurrent() {
        PageLayout layout = new PageLayout(TWENTY_A4, Zoom.percent(50), 1020, 1000);
        assertEquals(19, layout.currentPage(layout.contentHeight() - 1000, 1000),
                "scrolled to the end with the last page wholly visible, the indicator shows the last page");
        PageLayout two = new PageLayout(Collections.nCopies(2, PageSize.A4), Zoom.percent(50), 1020, 1000);
        assertEquals(0, two.currentPage(0, 1000), "a short document that fits wholly starts on page 1");
    }

    @Test
    void pageDownScrollsAScreenButStopsAtTheNextPageTop() {
        PageLayout fitWidth = new PageLayout(TWENTY_A4, Zoom.FIT_WIDTH, 1020, 700);
        int top = 0;
        int presses = 0;
        while (fitWidth.currentPage(top, 700) == 0) {
            int next = fitWidth.pageDownFrom(top, 700);
            assertTrue(next > top && next - top <= 700, "Page Down moves forward by at most one screen, skipping nothing");
            top = next;
            presses++;
        }
        assertEquals(2, presses, "a fitted A4 page twice as tall as the viewport is read in two Page Downs");
        assertTrue(fitWidth.box(1).y() < top + 700, "the start of page 2 is in view once page 2 is the current page");
        assertEquals(fitWidth.topOf(1), fitWidth.pageDownFrom(top, 700),
                "the next Page Down stops with page 2's top at the top of the viewport");

        PageLayout fitPage = new PageLayout(TWENTY_A4, Zoom.FIT_PAGE, 1020, 700);
        assertEquals(fitPage.topOf(1), fitPage.pageDownFrom(0, 700), "with whole pages in view, Page Down shows the next page");
        assertEquals(fitPage.topOf(0), fitPage.pageUpFrom(fitPage.topOf(1), 700), "Page Up shows the page before");
        int end = fitPage.contentHeight() - 700;
        assertEquals(end, fitPage.pageDownFrom(end, 700), "Page Down at the end stays at the end");
        assertEquals(0, fitPage.pageUpFrom(0, 700), "Page Up at the start stays at the start");
    }

    @Test
    void aRotatedLandscapePageIsWiderThanTall() {
        List<PageSize> mixed = List.of(PageSize.A4, new PageSize(841.89, 595.28));
        PageLayout layout = new PageLayout(mixed, Zoom.FIT_WIDTH, 1020, 700);
        assertEquals(1000, layout.box(1).width(), "fit width fits the widest page");
        assertTrue(layout.box(0).width() < layout.box(1).width(), "the portrait page is narrower and centred");
        assertEquals((1020 - layout.box(0).width()) / 2, layout.box(0).x(), "the narrower page is centred");
    }
}
