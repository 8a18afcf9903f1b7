package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.testing.DemoAccounts;

/**
 * ファイル → パスワードの変更 against the real server, as the 市長 (enrolled through the login dialog):
 * the dialog explains a wrong current password (the server's answer) and, before sending anything, a
 * password that is too short, the user id, or a repetition that does not match; the change keeps this
 * session; after logout the new password logs in and the old one no longer does.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class PasswordChangeUiTest {

    private static final String NEW_PASSWORD = "Ume-no-hana-2026";

    private SwtDriver driver;
    private Desktop desktop;
    private Texts texts;
    private KairanServerClient client;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        driver = SwtDriver.onUiThread();
        texts = new Texts();
        client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
    }

    @Test
    @Order(1)
    void theDialogExplainsEachMistakeAndTheChangeKeepsThisSession() {
        desktop.logInAs(DemoAccounts.MAYOR, DemoAccounts.PASSWORD);
        String token = client.session().orElseThrow().token();
        String[] done = new String[1];
        SwtDriver.Script script = driver.script()
                .when("the password dialog is shown", () -> driver.shellWith(AppConstants.ID_PASSWORD_CURRENT)
                        .isPresent(), () -> {
                    Shell dialog = dialog();
                    assertEquals(texts.get("password_rule"), SwtDriver.find(dialog, AppConstants.ID_PASSWORD_RULE,
                            Label.class).getText(), "the server's rule is shown before anything is typed");
                    fill("a-wrong-password", NEW_PASSWORD, NEW_PASSWORD);
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
                })
                .when("the server's answer is shown", () -> error() != null, () -> {
                    assertEquals(texts.get("password_wrongCurrent"), error(),
                            "a wrong current password is explained as such");
                    assertEquals("", field(AppConstants.ID_PASSWORD_CURRENT).getText(),
                            "the wrong current password is cleared for typing again");

                    fill(DemoAccounts.PASSWORD, "short-pw", "short-pw");
                    ok();
                    assertEquals(texts.get("password_tooShort", 8), error(),
                            "a password under 10 characters is refused before it is sent");
                    fill(DemoAccounts.PASSWORD, DemoAccounts.MAYOR + "    ", DemoAccounts.MAYOR + "    ");
                    ok();
                    assertEquals(texts.get("password_sameAsUserId"), error(), "so is the user id");
                    fill(DemoAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
                    ok();
                    assertEquals(texts.get("password_mismatch"), error(), "and a repetition that does not match");

                    fill(DemoAccounts.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
                    ok();
                })
                .when("the change is confirmed", () -> driver.shellOf(MessageDialog.class).isPresent(), () -> {
                    Shell confirmation = driver.shellOf(MessageDialog.class).get();
                    done[0] = confirmation.getText();
                    assertTrue(SwtDriver.all(confirmation, c -> c instanceof Label l
                            && l.getText().equals(texts.get("password_done"))).size() == 1,
                            "the confirmation says that other logins have ended and this one stays");
                    assertTrue(driver.shellWith(AppConstants.ID_PASSWORD_CURRENT).isEmpty(),
                            "the password dialog has closed");
                    SwtDriver.click(SwtDriver.dialogButton(confirmation, IDialogConstants.OK_ID));
                })
                .start();
        desktop.execute(AppConstants.COMMAND_CHANGE_PASSWORD);
        script.await();

        assertEquals(texts.get("password_doneTitle"), done[0], "the person is told the password was changed");
        assertEquals(token, client.session().orElseThrow().token(), "the desktop keeps its session");
        assertTrue(server.api().accepts(token), "and the server still accepts it");
        driver.waitUntil("the status line still says オンライン",
                () -> texts.get("status_online").equals(desktop.statusConnection()));
        assertEquals(401, server.api().login(DemoAccounts.MAYOR, DemoAccounts.PASSWORD, null).status(),
                "the old password no longer logs in");
    }

    @Test
    @Order(2)
    void afterLogoutTheNewPasswordLogsIn() {
        desktop.logInAs(DemoAccounts.MAYOR, NEW_PASSWORD);
        assertEquals(DemoAccounts.MAYOR, client.session().orElseThrow().user().staffNo(),
                "the 市長 is logged in with the new password");
        driver.waitUntil("the status line says オンライン once the sync after login is done",
                () -> texts.get("status_online").equals(desktop.statusConnection()));
    }

    private Shell dialog() {
        return driver.shellWith(AppConstants.ID_PASSWORD_CURRENT).orElseThrow();
    }

    private Text field(String id) {
        return SwtDriver.find(dialog(), id, Text.class);
    }

    private void fill(String current, String wanted, String repeated) {
        SwtDriver.type(field(AppConstants.ID_PASSWORD_CURRENT), current);
        SwtDriver.type(field(AppConstants.ID_PASSWORD_NEW), wanted);
        SwtDriver.type(field(AppConstants.ID_PASSWORD_REPEAT), repeated);
    }

    private void ok() {
        SwtDriver.click(SwtDriver.dialogButton(dialog(), IDialogConstants.OK_ID));
    }

    private String error() {
        return desktop.errorOf(AppConstants.ID_PASSWORD_CURRENT);
    }
}
