package org.kairan.app.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kairan.app.lifecycle.WindowPlacement.Bounds;

class WindowPlacementTest {

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.x() + inner.width() <= outer.x() + outer.width()
                && inner.y() + inner.height() <= outer.y() + outer.height();
    }

    @Test
    void aLargeScreenGetsMostOfItsWorkAreaCentred() {
        Bounds work = new Bounds(0, 0, 1600, 1000);
        Bounds window = WindowPlacement.within(work);
        assertEquals(new Bounds(96, 60, 1408, 880), window, "88 % of the work area, centred");
    }

    @Test
    void panelsAndTaskBarsAreLeftFree() {
        Bounds work = new Bounds(0, 27, 1920, 1013); // a top panel of 27 px
        Bounds window = WindowPlacement.within(work);
        assertTrue(inside(window, work), "the window stays inside the work area: " + window);
    }

    @Test
    void aSmallScreenIsFilledButNeverExceeded() {
        Bounds small = new Bounds(0, 0, 1024, 600);
        assertEquals(small, WindowPlacement.within(small), "below the minimum the whole work area is used");
        Bounds laptop = new Bounds(0, 0, 1366, 728);
        Bounds window = WindowPlacement.within(laptop);
        assertTrue(inside(window, laptop) && window.width() >= 1024 && window.height() >= 640,
                "a laptop screen gets a usable window that fits: " + window);
    }

    @Test
    void aSecondMonitorLeftOfThePrimaryKeepsItsOrigin() {
        Bounds work = new Bounds(-1280, 0, 1280, 1024);
        assertTrue(inside(WindowPlacement.within(work), work), "negative coordinates are kept");
    }
}
