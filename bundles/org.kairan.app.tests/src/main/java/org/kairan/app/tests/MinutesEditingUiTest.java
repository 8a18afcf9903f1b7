package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.ui.DateDisplay;
import org.kairan.ui.DayPicker;

/**
 * Saved minutes changed again in the 議事録 tab by the 財政課 主事 against the real server: 「会議の情報…」 changes the
 * 会議名, 日時, 場所, adds an 出席者 found by かな and an 議題, the editor's head shows them (日時 in 和暦) and the saved
 * minutes carry them; a 決定事項 and an 対応事項 marked from utterances are removed again and are gone from the saved
 * minutes. With KAIRAN_SCREENSHOTS it saves minutes-header-ja.
 */
@Order(78)
class MinutesEditingUiTest {

    private static final List<String> SAID = List.of(
            "それでは財政係の打合せを始めます。",
            "補正予算の追加要求について確認します。",
            "追加要求は今月末までに取りまとめることにします。",
            "資料は係長が準備してください。",
            "以上で打合せを終わります。");

    private SwtDriver driver;
    private Desktop desktop;
    private SyncService sync;
    private MinutesScreen minutes;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        sync = Services.of(SyncService.class);
        minutes = MinutesScreen.ofFinanceClerk(driver);
        desktop = minutes.desktop();
    }

    @AfterEach
    void tearDown() {
        driver.closeDialogs();
        minutes.forgetFiles();
    }

    private StaffMember member(String staffNo) {
        return new OrganisationDirectory(sync.replica().directory(desktop.today())).member(staffNo).orElseThrow();
    }

    @Test
    void theHeadOfSavedMinutesIsChangedInItsDialogShownAndSaved() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String first = "財政係打合せ " + tag;
        minutes.importMinutes(first, SAID);
        StaffMember kacho = member(DemoAccounts.FINANCE_HEAD);
        String title = "令和8年度 補正予算 財政係打合せ " + tag;
        LocalDate day = desktop.today().minusDays(3);

        minutes.withDialog(MinutesUiConstants.ID_EDIT_HEAD, MinutesUiConstants.ID_HEADER_TITLE, dialog -> {
            assertEquals(first, Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE).getText(),
                    "the dialog opens with the saved 会議名");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE), title);
            DayPicker.show(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_DATE, DateTime.class), day);
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_START), "13:30");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_END), "14:45");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_PLACE), "本庁舎2階 財政課打合せスペース");
            MinutesScreen.pick(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_PERSON, Combo.class), kacho);
            SwtDriver.click(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_ADD, Button.class));
            assertEquals(List.of(kacho.name()), List.of(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_ATTENDEES,
                    org.eclipse.swt.widgets.List.class).getItems()), "the 課長 found by かな is an 出席者");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_AGENDA), "補正予算の追加要求について");
            desktop.screenshot("minutes-header-ja");
        });

        String when = new DateDisplay(Locale.JAPANESE).withWeekday(day) + " 13:30～14:45";
        assertTrue(when.startsWith("令和"), "the office's 日時 are in 和暦: " + when);
        assertEquals(title, minutes.title(), "the editor's head shows the new 会議名");
        String details = minutes.details();
        assertTrue(details.contains(when) && details.contains("場所：本庁舎2階 財政課打合せスペース")
                && details.contains("出席者：" + kacho.name()) && details.contains("議題：補正予算の追加要求について"),
                "the head shows 日時 (" + when + "), 場所, 出席者 and 議題: " + details);

        Text summary = desktop.find(MinutesUiConstants.ID_SUMMARY, Text.class);
        assertTrue(summary.getText().isEmpty(), "nothing else was changed");
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the minutes are saved under their new 会議名 and applied by the server",
                () -> minutes.savedAs(title, 2));
        assertTrue(minutes.row(first).isEmpty(), "the old 会議名 is no longer listed");
        MeetingHeader saved = minutes.entry(title).orElseThrow().minutes().header();
        assertEquals(title, saved.title());
        assertEquals(LocalDateTime.of(day, java.time.LocalTime.of(13, 30)), saved.startsAt(), "開始");
        assertEquals(LocalDateTime.of(day, java.time.LocalTime.of(14, 45)), saved.endsAt(), "終了");
        assertEquals("本庁舎2階 財政課打合せスペース", saved.place());
        assertEquals(List.of(kacho.staffNo()), saved.attendees().stream().map(Attendee::staffNo).toList(),
                "the 課長 is an 出席者 as a member of staff, not a guest");
        assertEquals(List.of("補正予算の追加要求について"), saved.agenda());
        assertEquals(new DateDisplay(Locale.JAPANESE).date(day) + " 13:30", minutes.row(title).orElseThrow().getText(1),
                "the list's 日時 in 和暦");
    }

    @Test
    void aDecisionAndAnActionItemMarkedFromUtterancesAreRemovedAgainAndGoneOnceSaved() throws Exception {
        String title = "財政係打合せ（決定の取消） " + UUID.randomUUID().toString().substring(0, 4);
        minutes.importMinutes(title, SAID);
        StaffMember kacho = member(DemoAccounts.FINANCE_HEAD);

        minutes.selectUtterance(2);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_MARK_DECISION));
        minutes.selectUtterance(3);
        minutes.withDialog(MinutesUiConstants.ID_MARK_ACTION, MinutesUiConstants.ID_ACTION_TEXT, dialog ->
                MinutesScreen.pick(SwtDriver.find(dialog, MinutesUiConstants.ID_ACTION_ASSIGNEE, Combo.class), kacho));
        Table decisions = desktop.find(MinutesUiConstants.ID_DECISIONS, Table.class);
        Table actions = desktop.find(MinutesUiConstants.ID_ACTIONS, Table.class);
        assertEquals(1, decisions.getItemCount(), "one 決定事項");
        assertEquals(SAID.get(3), actions.getItem(0).getText(0), "one 対応事項");
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the marks are saved", () -> minutes.savedAs(title, 2));
        Minutes marked = minutes.entry(title).orElseThrow().minutes();
        assertEquals(List.of(SAID.get(2)), marked.decisions().stream().map(d -> d.text()).toList());
        assertEquals(List.of(SAID.get(3)), marked.actionItems().stream().map(a -> a.text()).toList());

        assertTrue(!minutes.button(MinutesUiConstants.ID_REMOVE_DECISION).isEnabled()
                && !minutes.button(MinutesUiConstants.ID_REMOVE_ACTION).isEnabled(), "nothing to remove until chosen");
        minutes.select(decisions, 0);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_REMOVE_DECISION));
        assertEquals(0, decisions.getItemCount(), "the 決定事項 is removed");
        minutes.select(actions, 0);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_REMOVE_ACTION));
        assertEquals(0, actions.getItemCount(), "the 対応事項 is removed");
        assertEquals(SAID.size(), minutes.utterances().getItemCount(), "the utterances stay");
        assertEquals(SAID.get(2), minutes.utterances().getItem(2).getText(2), "and so does what was said");

        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the minutes without marks are saved", () -> minutes.savedAs(title, 3));
        Minutes unmarked = minutes.entry(title).orElseThrow().minutes();
        assertTrue(unmarked.decisions().isEmpty() && unmarked.actionItems().isEmpty(),
                "the saved minutes have neither the 決定事項 nor the 対応事項: " + unmarked.decisions() + " "
                        + unmarked.actionItems());
        assertEquals(SAID.size(), unmarked.utterances().size(), "and all their utterances");
    }
}
