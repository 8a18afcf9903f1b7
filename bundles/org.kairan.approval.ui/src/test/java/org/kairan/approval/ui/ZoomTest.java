package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ZoomTest {

    @Test
    void zoomingStepsThroughTheUsualPercentagesFromWhatIsShown() {
        assertEquals(Zoom.percent(110), Zoom.largerThan(100), "zoom in from 100 % goes to the next step");
        assertEquals(Zoom.percent(90), Zoom.largerThan(87), "zoom in from a fitted 87 % goes to the next step above it");
        assertEquals(Zoom.percent(75), Zoom.smallerThan(87), "zoom out from a fitted 87 % goes to the step below it");
        assertEquals(Zoom.percent(400), Zoom.largerThan(400), "zoom in stops at 400 %");
        assertEquals(Zoom.percent(50), Zoom.smallerThan(50), "zoom out stops at 50 %");
    }

    @Test
    void percentagesAreKeptBetween50And400() {
        assertEquals(400, Zoom.percent(1000).percent(), "a typed 1000 % becomes 400 %");
        assertEquals(50, Zoom.percent(5).percent(), "a typed 5 % becomes 50 %");
        assertThrows(IllegalArgumentException.class, () -> new Zoom(Zoom.Mode.PERCENT, 20), "20 % is not a zoom the viewer offers");
    }
}
