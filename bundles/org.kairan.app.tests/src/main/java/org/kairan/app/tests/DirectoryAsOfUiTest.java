package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;

/**
 * The directory's 基準日 in the real desktop against the demo city: on a day before a 発令日 the person
 * is not yet in the tree and the count is smaller; 「今日」 brings today's organisation back. In the demo
 * city five people start on 2026-10-01 (安藤 健人 among them) and eight have been posted since 2025-04-01
 * (松下 智之 among them); everyone else starts on 2026-04-01.
 */
@Order(5)
class DirectoryAsOfUiTest {

    /** 安藤 健人, 会計年度任用職員 from 2026-10-01. */
    private static final String STARTS_IN_OCTOBER = "922667";
    /** 松下 智之, 係長 since 2025-04-01. */
    private static final String POSTED_SINCE_2025 = "822278";
    /** 北川 誠一, 市長 from 2026-04-01. */
    private static final String MAYOR = "100001";
    private static final Pattern STAFF = Pattern.compile("職員 (\\d+)人");

    private SwtDriver driver;
    private Desktop desktop;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        TestServer server = Services.of(TestServer.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
    }

    private DateTime picker() {
        return desktop.find(AppConstants.ID_DIRECTORY_AS_OF, DateTime.class);
    }

    private String asOfText() {
        return desktop.find(AppConstants.ID_DIRECTORY_AS_OF_LABEL, Label.class).getText();
    }

    private Button todayButton() {
        return desktop.find(AppConstants.ID_DIRECTORY_TODAY, Button.class);
    }

    /** Picks a day in the date picker as a user would. */
    private void pick(LocalDate day) {
        picker().setDate(day.getYear(), day.getMonthValue() - 1, day.getDayOfMonth());
        picker().notifyListeners(SWT.Selection, new Event());
        driver.settle();
    }

    private int staffCount() {
        Matcher m = STAFF.matcher(desktop.countLabel().getText());
        assertTrue(m.matches(), "the count shows the staff of the day: " + desktop.countLabel().getText());
        return Integer.parseInt(m.group(1));
    }

    private boolean shown(String staffNo) {
        return desktop.search(staffNo, staffNo).isPresent();
    }

    @Test
    void aPastDayShowsTheOrganisationAsItWasAndTodayBringsItBack() throws Exception {
        desktop.clearSearch();
        LocalDate today = desktop.today();
        assertTrue(asOfText().startsWith("基準日: 令和"), "the 基準日 is shown in 和暦: " + asOfText());
        assertEquals(List.of(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth()),
                List.of(picker().getYear(), picker().getMonth(), picker().getDay()), "the picker starts at today");
        assertFalse(todayButton().isEnabled(), "「今日」 has nothing to do while today is shown");
        int staffToday = staffCount();
        assertTrue(shown(STARTS_IN_OCTOBER), "安藤 健人 (from 2026-10-01) is in today's tree");

        // with the search for 安藤 still in the box, the day before their 発令日
        pick(LocalDate.of(2026, 9, 30));
        assertEquals("基準日: 令和8年9月30日（水）", asOfText(), "the 和暦 label follows the picked day");
        assertEquals(STARTS_IN_OCTOBER, searchText(), "changing the day keeps the search");
        driver.waitUntil("the search finds nobody on 2026-09-30",
                () -> desktop.countLabel().getText().matches("\\d+人中 0人.*"));
        assertEquals(0, desktop.tree().getItemCount(), "安藤 健人 is not in the tree before their 発令日");
        desktop.clearSearch();
        assertEquals(staffToday - 5, staffCount(),
                "on 2026-09-30 the five people who start on 2026-10-01 are not counted");
        assertTrue(todayButton().isEnabled(), "「今日」 is offered on another day");

        // before the 人事異動 of 2026-04-01 only those posted since 2025-04-01 are there
        pick(LocalDate.of(2026, 3, 31));
        assertEquals("基準日: 令和8年3月31日（火）", asOfText(), "the 和暦 label follows the picked day");
        assertEquals(8, staffCount(), "on 2026-03-31 only the eight people posted on 2025-04-01 are counted");
        assertFalse(shown(MAYOR), "the 市長 from 2026-04-01 is not in the tree on 2026-03-31");
        desktop.selectPerson(POSTED_SINCE_2025, POSTED_SINCE_2025);
        List<String> detail = SwtDriver.all(desktop.detail(), c -> c instanceof Text).stream()
                .map(c -> ((Text) c).getText()).toList();
        assertTrue(detail.contains("係長") && detail.stream().anyMatch(t -> t.contains("令和7年4月1日から")),
                "the detail panel shows 松下 智之's post held on that day: " + detail);
        desktop.screenshot("directory-asof-ja");
        desktop.clearSearch();

        SwtDriver.click(todayButton());
        driver.settle();
        assertEquals(staffToday, staffCount(), "「今日」 brings back today's staff count");
        assertEquals(List.of(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth()),
                List.of(picker().getYear(), picker().getMonth(), picker().getDay()), "the picker is back at today");
        assertFalse(todayButton().isEnabled(), "「今日」 is done once today is shown");
        assertTrue(shown(STARTS_IN_OCTOBER), "安藤 健人 is back in today's tree");
        assertTrue(shown(MAYOR), "and so is the 市長");
        desktop.clearSearch();
    }

    private String searchText() {
        return desktop.find(AppConstants.ID_DIRECTORY_SEARCH, Text.class).getText();
    }
}
