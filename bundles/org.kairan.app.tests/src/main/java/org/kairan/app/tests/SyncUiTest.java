package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;

/**
 * The sync backbone as a person at the desktop meets it (issue 3's "done when"): 回覧 to their 課 arrive by
 * themselves; the network drops (the server keeps running for everyone else) and they keep browsing and
 * acknowledging; meanwhile the author withdraws one 回覧 and a 人事異動 moves a colleague (鈴木 翔太, 130001) into their 係; when
 * the network is back the queue is sent, the withdrawn one comes back as a conflict in words, and the
 * directory shows the newcomer. Finally their own 人事異動 takes the 課's 回覧 out of their replica. Runs
 * last: it changes the demo organisation. With -Dkairan.screenshots=DIR it saves the window in each state.
 */
@Order(99)
class SyncUiTest {

    /** 財政課 and its 財政係, where the desktop's user (佐藤 美咲, 120002) works. */
    private static final String FINANCE_DIVISION = "120200";
    private static final String FINANCE_SECTION = "120201";
    private static final String CITIZEN_SECTION = "130101";

    private SwtDriver driver;
    private Desktop desktop;
    private TestServer server;
    private ServerApi api;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        api = server.api();
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        if (!client.session().map(s -> s.user().staffNo().equals(TestServer.FIRST_USER)).orElse(false)) {
            desktop.logInAs(TestServer.FIRST_USER, TestServer.DEMO_PASSWORD);
        }
    }

    @Test
    void circularsStayUsableOfflineAndTheQueueIsSentWhenTheNetworkIsBack() {
        String head = token(DemoAccounts.FINANCE_HEAD);
        String outage = "庁舎停電のお知らせ " + UUID.randomUUID().toString().substring(0, 8);
        String holidays = "年末年始の窓口体制について " + UUID.randomUUID().toString().substring(0, 8);
        post(head, outage, "12月5日（土）9時から12時まで、本庁舎は電気設備点検のため停電します。");
        String holidaysId = post(head, holidays, "12月29日から1月3日までの窓口当番表を回覧します。確認してください。");

        desktop.showPart(AppConstants.PART_CIRCULARS);
        driver.waitUntil("both 回覧 arrive without the user doing anything (push, then pull)",
                () -> row(outage).isPresent() && row(holidays).isPresent());
        assertEquals("未確認", row(outage).get().getText(0), "a new 回覧 is shown as not yet acknowledged");
        driver.waitUntil("the status line says online", () -> desktop.statusConnection().equals("オンライン"));
        desktop.screenshot("sync-online");

        server.unplugNetwork();
        driver.waitUntil("the status line says offline once the network is gone",
                () -> desktop.statusConnection().startsWith("オフライン"));
        acknowledge(outage);
        acknowledge(holidays);
        driver.waitUntil("both acknowledgements show at once, marked as unsent",
                () -> row(outage).get().getText(0).equals("確認（送信待ち）")
                        && row(holidays).get().getText(0).equals("確認（送信待ち）"));
        assertEquals("未送信 2件", label(AppConstants.ID_STATUS_QUEUED).getText(),
                "the status line counts the actions waiting for the network");
        desktop.screenshot("sync-offline");
        desktop.showPart(AppConstants.PART_DIRECTORY);
        assertTrue(desktop.search("さとう", TestServer.FIRST_USER).isPresent(),
                "the directory stays searchable offline (it is read from the replica)");

        // meanwhile, on the server: the author withdraws one 回覧, and a 人事異動 brings 130001 into 財政係
        command(head, "circular.withdraw", Map.of("circularId", holidaysId));
        transfer(DemoAccounts.CITIZEN_CLERK, FINANCE_SECTION, "主事");

        server.plugInNetwork();
        desktop.showPart(AppConstants.PART_CIRCULARS);
        driver.waitUntil("the queue is sent and the answers are in",
                () -> label(AppConstants.ID_STATUS_QUEUED).getText().isEmpty()
                        || !label(AppConstants.ID_STATUS_QUEUED).isVisible());
        driver.waitUntil("the acknowledgement that could apply is confirmed",
                () -> row(outage).get().getText(0).equals("確認済み"));
        driver.waitUntil("the withdrawn 回覧 shows as withdrawn",
                () -> row(holidays).get().getText(0).equals("取下げ済み"));
        driver.waitUntil("the conflict is counted in the status line",
                () -> label(AppConstants.ID_STATUS_CONFLICTS).isVisible()
                        && label(AppConstants.ID_STATUS_CONFLICTS).getText().equals("要確認 1件"));
        desktop.screenshot("sync-conflict");

        desktop.showPart(AppConstants.PART_ACTIONS);
        Table actions = desktop.find(AppConstants.ID_ACTIONS_TABLE, Table.class);
        driver.waitUntil("the outbox lists the refused acknowledgement with its reason in words",
                () -> Arrays.stream(actions.getItems()).anyMatch(item -> item.getText(1).contains(holidays)
                        && item.getText(2).equals("反映できませんでした")
                        && item.getText(3).contains("取り下げた")));
        desktop.screenshot("sync-outbox");
        TableItem conflict = Arrays.stream(actions.getItems()).filter(item -> item.getText(1).contains(holidays))
                .findFirst().orElseThrow();
        actions.setSelection(conflict);
        actions.notifyListeners(SWT.Selection, new Event());
        SwtDriver.click(desktop.find(AppConstants.ID_ACTIONS_DISMISS, Button.class));
        driver.waitUntil("a dismissed conflict leaves the status line",
                () -> !label(AppConstants.ID_STATUS_CONFLICTS).isVisible());

        desktop.showPart(AppConstants.PART_DIRECTORY);
        driver.waitUntil("the 人事異動 made while offline shows in the directory",
                () -> personIn(DemoAccounts.CITIZEN_CLERK, "財政係"));

        // the user's own 人事異動: the 課's 回覧 leave their replica
        transfer(TestServer.FIRST_USER, CITIZEN_SECTION, "主事");
        desktop.showPart(AppConstants.PART_CIRCULARS);
        driver.waitUntil("after moving to 市民課 the 財政課 回覧 are gone from the desktop",
                () -> row(outage).isEmpty() && row(holidays).isEmpty());
        assertFalse(row(outage).isPresent(), "data the user may no longer see leaves their replica");
    }

    private boolean personIn(String staffNo, String unitName) {
        Optional<TreeItem> found = desktop.search(staffNo, staffNo);
        return found.isPresent() && found.get().getParentItem() != null
                && found.get().getParentItem().getText(0).contains(unitName);
    }

    private Optional<TableItem> row(String title) {
        Table table = desktop.find(AppConstants.ID_CIRCULAR_TABLE, Table.class);
        return Arrays.stream(table.getItems()).filter(item -> item.getText(1).equals(title)).findFirst();
    }

    private void acknowledge(String title) {
        Table table = desktop.find(AppConstants.ID_CIRCULAR_TABLE, Table.class);
        TableItem item = row(title).orElseThrow(() -> new AssertionError(title + " should be listed"));
        table.setSelection(item);
        table.notifyListeners(SWT.Selection, new Event());
        driver.settle();
        SwtDriver.click(desktop.find(AppConstants.ID_CIRCULAR_ACKNOWLEDGE, Button.class));
        driver.settle();
    }

    private Label label(String id) {
        return desktop.find(id, Label.class);
    }

    /** A session of another demo account, enrolling its second factor on first use. */
    private String token(String staffNo) {
        Optional<Authenticator> known = server.authenticator(staffNo);
        if (known.isPresent()) {
            return api.logIn(staffNo, TestServer.DEMO_PASSWORD, known.get());
        }
        ServerApi.Login login = api.enrol(staffNo, TestServer.DEMO_PASSWORD);
        server.remember(staffNo, login.authenticator());
        return login.token();
    }

    /** Posts a 回覧 to 財政課 as the holder of {@code token}; returns its id. */
    private String post(String token, String title, String body) {
        String id = UUID.randomUUID().toString();
        command(token, "circular.post", Map.of("circularId", id, "unitCode", FINANCE_DIVISION, "title", title,
                "body", body));
        return id;
    }

    private void command(String token, String type, Map<String, String> payload) {
        ServerApi.Answer answer = api.post("/api/sync/commands", token, Map.of("commands", List.of(Map.of(
                "key", UUID.randomUUID().toString(), "type", type, "payload", payload,
                "queuedAt", Instant.now().toString()))));
        assertEquals(200, answer.status(), "the command batch is accepted: " + ServerApi.text(answer));
        assertTrue(ServerApi.text(answer).contains("\"APPLIED\""), type + " is applied: " + ServerApi.text(answer));
    }

    /** 人事異動 effective today, by an administrator through the admin API. */
    private void transfer(String staffNo, String unitCode, String position) {
        String admin = token(DemoAccounts.ADMIN);
        ServerApi.Answer answer = api.post("/api/admin/transfers", admin, List.of(Map.of("staffNo", staffNo,
                "unitCode", unitCode, "position", position,
                "effectiveFrom", desktop.today().toString())));
        assertEquals(204, answer.status(), "the 人事異動 is applied: " + ServerApi.text(answer));
    }
}
