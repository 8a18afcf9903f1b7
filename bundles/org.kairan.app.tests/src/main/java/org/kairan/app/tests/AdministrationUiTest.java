package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.protocol.LoginStatus;

/**
 * The administrator's functions in the real desktop against the real server: invisible to other staff;
 * for the 管理者 中西 恵, the actions in the directory's detail panel (second-factor reset, unlock, ending
 * sessions), checked through the server's API, and the roster import with its report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(4)
class AdministrationUiTest {

    private static final String STAFF_HEADER = "職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限\n";
    /** A new 主事 in 財政課 財政係 (unit 120201 of the demo city). */
    private static final String NEW_PERSON =
            "900101,新井　陽菜,あらい　ひな,hina.arai@city.iori.example.jp,120201,主事,2026-04-01,本務,\n";
    /** A row naming a unit the city does not have. */
    private static final String UNKNOWN_UNIT = "900102,木下　蓮,きのした　れん,,999999,主事,2026-04-01,本務,\n";
    private static Path files;

    private SwtDriver driver;
    private Desktop desktop;
    private Texts texts;
    private KairanServerClient client;
    private TestServer server;
    private ServerApi api;

    @BeforeEach
    void setUp() throws Exception {
        driver = SwtDriver.onUiThread();
        texts = new Texts();
        client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        api = server.api();
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        if (files == null) {
            files = Files.createTempDirectory("kairan-roster-");
        }
    }

    @AfterAll
    static void deleteFiles() throws Exception {
        if (files != null) {
            try (var all = Files.list(files)) {
                for (Path file : all.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(files);
        }
    }

    @Test
    @Order(1)
    void someoneWithoutTheAdministratorRoleSeesNoAdministratorFunctions() {
        desktop.logInAs(TestServer.FIRST_USER, DemoAccounts.PASSWORD);

        assertFalse(fileMenu().contains(texts.get("command.importRoster")),
                "the File menu of a 主事 has no roster import: " + fileMenu());
        assertFalse(desktop.canExecute(AppConstants.COMMAND_IMPORT_ROSTER), "and the command does not run");
        desktop.selectPerson("のむら", DemoAccounts.FINANCE_HEAD);
        assertTrue(SwtDriver.find(desktop.detail(), AppConstants.ID_DIRECTORY_ADMIN).isEmpty(),
                "the detail panel shows a person without administrator actions");
        assertTrue(fileMenu().contains(texts.get("command.changePassword")), "everyone can change their password");
    }

    @Test
    @Order(2)
    void anAdministratorResetsASecondFactorAndThePersonMustEnrolAgain() {
        ServerApi.Login person = api.enrol(DemoAccounts.FINANCE_HEAD, DemoAccounts.PASSWORD);
        desktop.logInAs(DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        assertTrue(fileMenu().contains(texts.get("command.importRoster")),
                "the File menu of a 管理者 offers the roster import: " + fileMenu());

        desktop.selectPerson(DemoAccounts.ADMIN, DemoAccounts.ADMIN);
        assertFalse(button(AppConstants.ID_ADMIN_RESET_TOTP).isEnabled(),
                "an administrator cannot reset their own second factor here");
        assertEquals(texts.get("admin_self"), result(), "and is told why");

        desktop.selectPerson("のむら", DemoAccounts.FINANCE_HEAD);
        String name = nameIn(desktop.detail());
        confirmAndWait(AppConstants.ID_ADMIN_RESET_TOTP, name, texts.get("admin_resetTotpDone", name));

        assertFalse(api.accepts(person.token()), "the person's session ended with the reset");
        assertEquals(LoginStatus.TOTP_ENROLMENT_REQUIRED, api.loginResponse(api.login(DemoAccounts.FINANCE_HEAD,
                DemoAccounts.PASSWORD, null)).status(), "the person's next login asks to enrol a second factor again");
    }

    @Test
    @Order(3)
    void anAdministratorUnlocksALoginAndEndsSomeonesSessions() throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            api.login(DemoAccounts.AUDITOR, "wrong-password-" + attempt, null);
        }
        assertEquals(429, api.login(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD, null).status(),
                "after three failures even the right password has to wait");

        desktop.selectPerson("やまぐち", DemoAccounts.AUDITOR);
        String name = nameIn(desktop.detail());
        confirmAndWait(AppConstants.ID_ADMIN_UNLOCK, name, texts.get("admin_unlockDone", name));
        ServerApi.Login auditor = api.enrol(DemoAccounts.AUDITOR, DemoAccounts.PASSWORD);
        assertTrue(api.accepts(auditor.token()), "after the unlock the right password logs in at once");

        confirmAndWait(AppConstants.ID_ADMIN_REVOKE, name, texts.get("admin_revokeDone", name));
        assertFalse(api.accepts(auditor.token()), "ending the sessions logs the person out");
    }

    @Test
    @Order(4)
    void aRosterWithABadRowIsReportedAndNothingIsWritten() throws Exception {
        desktop.clearSearch();
        String countBefore = desktop.countLabel().getText();
        Path staff = staffFile("staff-bad.csv", NEW_PERSON + UNKNOWN_UNIT, StandardCharsets.UTF_8);
        String[] summary = new String[1];
        List<String[]> rows = new ArrayList<>();
        SwtDriver.Script script = driver.script()
                .when("the import dialog is shown", () -> driver.shellWith(AppConstants.ID_ROSTER_STAFF).isPresent(),
                        () -> {
                            Shell dialog = driver.shellWith(AppConstants.ID_ROSTER_STAFF).get();
                            SwtDriver.type(Desktop.text(dialog, AppConstants.ID_ROSTER_STAFF), staff.toString());
                            SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
                        })
                .when("the report is shown", () -> !reportSummary().isEmpty(), () -> {
                    Shell dialog = driver.shellWith(AppConstants.ID_ROSTER_STAFF).get();
                    summary[0] = reportSummary();
                    for (TableItem item : SwtDriver.find(dialog, AppConstants.ID_ROSTER_REJECTED, Table.class)
                            .getItems()) {
                        rows.add(new String[] { item.getText(0), item.getText(1), item.getText(2) });
                    }
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.CANCEL_ID));
                })
                .when("the dialog is closed", () -> driver.shellWith(AppConstants.ID_ROSTER_STAFF).isEmpty(), () -> { })
                .start();
        desktop.execute(AppConstants.COMMAND_IMPORT_ROSTER);
        script.await();

        assertEquals(texts.get("roster_rejected", 1), summary[0],
                "the report says plainly that nothing was imported because of one bad row");
        assertEquals(1, rows.size(), "the table lists the rejected row");
        assertEquals("3", rows.get(0)[0], "with its line number (the header is line 1)");
        assertTrue(rows.get(0)[1].contains("999999") || rows.get(0)[1].contains("所属"),
                "with the server's reason: " + rows.get(0)[1]);
        assertTrue(rows.get(0)[2].contains("木下"), "and the row itself: " + rows.get(0)[2]);
        driver.settle();
        assertEquals(countBefore, desktop.countLabel().getText(), "the directory is unchanged");
        assertTrue(desktop.search("あらい ひな", "900101").isEmpty(), "the good row of that file was not written");
    }

    @Test
    @Order(5)
    void aGoodRosterAddsAPersonWhoAppearsInTheTree() throws Exception {
        Path staff = staffFile("staff-good.csv", NEW_PERSON, Charset.forName("windows-31j"));
        String[] summary = new String[2];
        SwtDriver.Script script = driver.script()
                .when("the import dialog is shown", () -> driver.shellWith(AppConstants.ID_ROSTER_STAFF).isPresent(),
                        () -> {
                            Shell dialog = driver.shellWith(AppConstants.ID_ROSTER_STAFF).get();
                            SwtDriver.type(Desktop.text(dialog, AppConstants.ID_ROSTER_STAFF), staff.toString());
                            SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
                        })
                .when("the report is shown", () -> !reportSummary().isEmpty(), () -> {
                    Shell dialog = driver.shellWith(AppConstants.ID_ROSTER_STAFF).get();
                    summary[0] = reportSummary();
                    summary[1] = SwtDriver.find(dialog, AppConstants.ID_ROSTER_DETAILS, Label.class).getText();
                    assertFalse(SwtDriver.find(dialog, AppConstants.ID_ROSTER_REJECTED, Table.class).isVisible(),
                            "no table of rejected rows when there are none");
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.CANCEL_ID));
                })
                .when("the dialog is closed", () -> driver.shellWith(AppConstants.ID_ROSTER_STAFF).isEmpty(), () -> { })
                .start();
        desktop.execute(AppConstants.COMMAND_IMPORT_ROSTER);
        script.await();

        assertEquals(texts.get("roster_applied", 0, 1), summary[0], "the report says the roster was imported");
        assertTrue(summary[1].contains(texts.get("roster_shiftJis")), "and that the file was read as Shift_JIS: "
                + summary[1]);
        driver.waitUntil("the new person is in the tree", () -> desktop.search("あらい ひな", "900101").isPresent());
        assertEquals("新井　陽菜", desktop.search("あらい ひな", "900101").get().getText(0),
                "the new person appears with their name");
    }

    // --- helpers

    private List<String> fileMenu() {
        Menu bar = desktop.mainWindow().getMenuBar();
        MenuItem file = Arrays.stream(bar.getItems()).filter(i -> i.getText().equals(texts.get("menu.file")))
                .findFirst().orElseThrow(() -> new AssertionError("no File menu"));
        Menu menu = file.getMenu();
        menu.notifyListeners(SWT.Show, new Event()); // as opening it does: the menu is filled
        List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).filter(t -> !t.isEmpty()).toList();
        menu.notifyListeners(SWT.Hide, new Event());
        boolean modelVisible = desktop.windowContext().get(EModelService.class)
                .findElements(desktop.windowContext().get(MApplication.class), "org.kairan.app.menuitem.importRoster",
                        MMenuElement.class, null, EModelService.ANYWHERE | EModelService.IN_MAIN_MENU)
                .stream().allMatch(MMenuElement::isVisible);
        assertEquals(items.contains(texts.get("command.importRoster")), modelVisible,
                "the menu shows what the model says");
        return items;
    }

    private Button button(String id) {
        return SwtDriver.find(desktop.detail(), id, Button.class);
    }

    private String result() {
        return SwtDriver.find(desktop.detail(), AppConstants.ID_ADMIN_RESULT, Label.class).getText();
    }

    private static String nameIn(Composite detail) {
        return SwtDriver.all(detail, c -> c instanceof Label).stream().map(c -> ((Label) c).getText())
                .filter(t -> !t.isBlank()).findFirst().orElseThrow();
    }

    private String reportSummary() {
        return driver.shellWith(AppConstants.ID_ROSTER_STAFF)
                .map(s -> SwtDriver.find(s, AppConstants.ID_ROSTER_SUMMARY, Label.class).getText()).orElse("");
    }

    /** Clicks an action's button, checks and accepts the confirmation, and waits for the result line. */
    private void confirmAndWait(String buttonId, String name, String expectedResult) {
        String[] question = new String[1];
        SwtDriver.Script script = driver.script()
                .when("the confirmation is shown", () -> driver.shellOf(MessageDialog.class).isPresent(), () -> {
                    Shell confirm = driver.shellOf(MessageDialog.class).get();
                    question[0] = SwtDriver.all(confirm, c -> c instanceof Label l && l.getText().contains(name))
                            .stream().map(c -> ((Label) c).getText()).findFirst().orElse("");
                    SwtDriver.click(SwtDriver.dialogButton(confirm, IDialogConstants.OK_ID));
                })
                .start();
        SwtDriver.click(button(buttonId));
        script.await();
        assertTrue(question[0].contains(name), "the confirmation names the person: " + question[0]);
        driver.waitUntil("the result is shown: " + expectedResult, () -> expectedResult.equals(result()));
    }

    private Path staffFile(String name, String rows, Charset charset) throws Exception {
        return Files.write(files.resolve(name), (STAFF_HEADER + rows).getBytes(charset));
    }
}
