package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.testing.Authenticator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The real desktop application (started by the UI harness with {@code -nl ja}) against a real server:
 * it resumed the session stored by {@link TestServerActivator}, shows the organisation, searches by かな,
 * shows a person, logs out, and logs in a never-enrolled user through the QR-code enrolment, with a
 * wrong password and a wrong code on the way. Widgets are found by their Kairan widget ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class DesktopUiTest {

    private Display display;
    private SwtDriver driver;
    private Texts texts;
    private KairanServerClient client;
    private TestServer server;

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getCurrent();
        assertNotNull(display, "the UI harness runs tests on the UI thread");
        driver = new SwtDriver(display);
        texts = new Texts();
        BundleContext context = FrameworkUtil.getBundle(DesktopUiTest.class).getBundleContext();
        client = context.getService(context.getServiceReference(KairanServerClient.class));
        server = context.getService(context.getServiceReference(TestServer.class));
        driver.waitUntil("the main window is shown", () -> mainWindow() != null && mainWindow().isVisible());
        driver.waitUntil("the directory is loaded", () -> !countLabel().getText().isEmpty());
    }

    private Shell mainWindow() {
        return driver.shells().stream().filter(s -> s.getData("modelElement") instanceof MTrimmedWindow)
                .findFirst().orElse(null);
    }

    private IEclipseContext windowContext() {
        return ((MTrimmedWindow) mainWindow().getData("modelElement")).getContext();
    }

    private Label countLabel() {
        return SwtDriver.find(mainWindow(), AppConstants.ID_DIRECTORY_COUNT, Label.class);
    }

    private Tree tree() {
        return SwtDriver.find(mainWindow(), AppConstants.ID_DIRECTORY_TREE, Tree.class);
    }

    private String statusUser() {
        return SwtDriver.find(mainWindow(), AppConstants.ID_STATUS_USER, Label.class).getText();
    }

    private String statusConnection() {
        return SwtDriver.find(mainWindow(), AppConstants.ID_STATUS_CONNECTION, Label.class).getText();
    }

    private void execute(String commandId) {
        ParameterizedCommand command = windowContext().get(ECommandService.class).createCommand(commandId, null);
        windowContext().get(EHandlerService.class).executeHandler(command);
    }

    @Test
    @Order(1)
    void startsWithTheStoredSessionShowingTheOrganisationAndWhoIsLoggedIn() {
        String name = client.session().orElseThrow().user().name();
        assertTrue(statusUser().startsWith(name), "the status line names the logged-in person: " + statusUser());
        driver.waitUntil("the status line says オンライン once the sync after login is done",
                () -> texts.get("status_online").equals(statusConnection()));
        assertTrue(mainWindow().getImages().length > 0, "the main window carries the Kairan icon");
        assertEquals(texts.get("window.title"), mainWindow().getText().strip(), "the window is titled 回覧 Kairan");
        List<String> bureaus = new ArrayList<>();
        for (TreeItem item : tree().getItems()) {
            bureaus.add(item.getText(0));
        }
        assertTrue(bureaus.containsAll(List.of("市長部局", "教育委員会", "議会事務局")),
                "the tree starts with the 部局 of the city: " + bureaus);
        assertTrue(countLabel().getText().matches("職員 \\d{3}人"), "the count shows about 400 staff: "
                + countLabel().getText());
        assertEquals(texts.get("part.directory"), windowContext().get(org.eclipse.e4.ui.workbench.modeling.EPartService.class)
                .findPart(AppConstants.PART_DIRECTORY).getLocalizedLabel(), "the part is labelled in Japanese");
    }

    @Test
    @Order(2)
    void theMainWindowFitsTheScreenWithTheStatusLineOnIt() {
        Shell shell = mainWindow();
        driver.settle();
        shell.update();
        Rectangle screen = display.getPrimaryMonitor().getClientArea();
        Rectangle window = shell.getBounds();
        assertTrue(screen.intersection(window).equals(window), "the main window fits the screen: " + window
                + " on " + screen);
        Label connection = SwtDriver.find(shell, AppConstants.ID_STATUS_CONNECTION, Label.class);
        driver.waitUntil("the status line lies inside the window", () -> {
            Rectangle client = display.map(shell, null, shell.getClientArea());
            Rectangle line = display.map(connection.getParent(), null, connection.getBounds());
            return client.intersection(line).equals(line);
        });
        shell.update();
        Rectangle status = display.map(connection.getParent(), null, connection.getBounds());
        // and it is really drawn there, not off the window's edge (the screen behind it is empty and black)
        Image image = new Image(display, status.width, status.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, status.x, status.y);
            ImageData pixels = image.getImageData();
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < pixels.height; y++) {
                for (int x = 0; x < pixels.width; x++) {
                    colours.add(pixels.getPixel(x, y));
                }
            }
            assertTrue(colours.size() > 2, "the status line's text is visible on the screen (" + colours.size()
                    + " colours where it should be)");
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    @Test
    @Order(3)
    void searchingByKanaNarrowsTheTreeToMatchingPeople() {
        Text search = SwtDriver.find(mainWindow(), AppConstants.ID_DIRECTORY_SEARCH, Text.class);
        assertEquals(texts.get("directory_search"), search.getMessage(), "the search box explains itself in Japanese");
        SwtDriver.type(search, "さとう");
        driver.waitUntil("the search is applied", () -> countLabel().getText().contains("該当"));
        List<TreeItem> people = Desktop.rows(tree()).stream().filter(row -> !row.getText(2).isEmpty()).toList();
        assertFalse(people.isEmpty(), "people called さとう are shown");
        assertTrue(people.stream().allMatch(row -> row.getText(0).startsWith("佐藤")),
                "every person shown is a 佐藤 (さとう)");

        tree().setSelection(people.get(0));
        tree().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        driver.settle();
        List<String> detail = SwtDriver.all(SwtDriver.find(mainWindow(), AppConstants.ID_DIRECTORY_DETAIL,
                org.eclipse.swt.widgets.Composite.class), c -> c instanceof Text).stream()
                .map(c -> ((Text) c).getText()).toList();
        assertTrue(detail.stream().anyMatch(t -> t.replace(" ", "").replace("\u3000", "").startsWith("さとう")),
                "the detail panel shows the selected person's かな: " + detail);

        SwtDriver.type(search, "該当者なしの名前");
        driver.waitUntil("nobody matches", () -> countLabel().getText().matches("\\d+人中 0人.*"));
        assertEquals(0, tree().getItemCount(), "an unknown name empties the tree");

        SwtDriver.type(search, "");
        driver.waitUntil("the full tree is back", () -> countLabel().getText().startsWith("職員"));
    }

    @Test
    @Order(4)
    void ctrlFPutsTheCursorInTheSearchBox() {
        tree().setFocus();
        execute(AppConstants.COMMAND_FIND);
        driver.settle();
        Text search = SwtDriver.find(mainWindow(), AppConstants.ID_DIRECTORY_SEARCH, Text.class);
        assertTrue(search.isFocusControl(), "the find command focuses the search box");
    }

    @Test
    @Order(5)
    void logoutThenAFirstLoginEnrolsTwoFactorAuthenticationWithTheQrCode() {
        String[] decoded = new String[1];
        SwtDriver.Script script = driver.script()
                .when("the logout confirmation is shown", () -> driver.shellOf(MessageDialog.class).isPresent(),
                        () -> SwtDriver.click(SwtDriver.dialogButton(driver.shellOf(MessageDialog.class).get(),
                                IDialogConstants.OK_ID)))
                .when("the login dialog is shown", () -> driver.shellWith(AppConstants.ID_LOGIN_USER).isPresent(),
                        () -> {
                            Shell login = driver.shellWith(AppConstants.ID_LOGIN_USER).get();
                            assertFalse(mainWindow().isVisible(), "the main window is hidden while logged out");
                            assertEquals(server.url(), text(login, AppConstants.ID_LOGIN_SERVER).getText(),
                                    "the server field keeps the server");
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_USER), TestServer.NEW_USER);
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_PASSWORD), "wrong password");
                            SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
                        })
                .when("the wrong password is reported", () -> errorOf(AppConstants.ID_LOGIN_USER) != null,
                        () -> {
                            assertEquals(texts.get("error_wrongCredentials"), errorOf(AppConstants.ID_LOGIN_USER),
                                    "a wrong password is explained in Japanese");
                            Shell login = driver.shellWith(AppConstants.ID_LOGIN_USER).get();
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_PASSWORD), TestServer.DEMO_PASSWORD);
                            SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
                        })
                .when("the enrolment page shows a QR code", this::qrShown, () -> {
                    Shell login = driver.shellWith(AppConstants.ID_ENROL_QR).get();
                    try {
                        decoded[0] = ScreenQr.read(SwtDriver.find(login, AppConstants.ID_ENROL_QR,
                                org.eclipse.swt.widgets.Control.class));
                    } catch (Exception e) {
                        throw new AssertionError("the QR code on screen must be readable: " + e, e);
                    }
                    assertTrue(decoded[0].startsWith("otpauth://totp/"), "the QR code holds an otpauth URI");
                    Authenticator app = Authenticator.fromUri(decoded[0]);
                    assertEquals(app.secret(), text(login, AppConstants.ID_ENROL_SECRET).getText().replace(" ", ""),
                            "the key for manual entry is the secret of the QR code");
                    server.remember(TestServer.NEW_USER, app);
                    SwtDriver.type(text(login, AppConstants.ID_ENROL_CODE), app.wrongCode());
                    SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
                })
                .when("the wrong code is reported", () -> errorOf(AppConstants.ID_ENROL_QR) != null, () -> {
                    assertEquals(texts.get("error_wrongTotp"), errorOf(AppConstants.ID_ENROL_QR),
                            "a wrong code is explained in Japanese");
                    Shell login = driver.shellWith(AppConstants.ID_ENROL_QR).get();
                    SwtDriver.type(text(login, AppConstants.ID_ENROL_CODE),
                            server.authenticator(TestServer.NEW_USER).orElseThrow().nextCode());
                    SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
                })
                .when("the main window is back", () -> driver.shellWith(AppConstants.ID_LOGIN_USER).isEmpty()
                        && mainWindow().isVisible(), () -> { })
                .start();
        execute(AppConstants.COMMAND_LOGOUT);
        script.await();

        assertEquals(TestServer.NEW_USER, client.session().orElseThrow().user().staffNo(),
                "the new user is logged in");
        driver.waitUntil("the status line shows the new user",
                () -> statusUser().startsWith(client.session().get().user().name()));
        driver.waitUntil("the directory is loaded again", () -> countLabel().getText().startsWith("職員"));
        driver.waitUntil("the status line says オンライン again", () -> texts.get("status_online").equals(statusConnection()));
    }

    private boolean qrShown() {
        return driver.shellWith(AppConstants.ID_ENROL_QR)
                .map(s -> SwtDriver.find(s, AppConstants.ID_ENROL_QR, org.eclipse.swt.widgets.Control.class))
                .filter(c -> c.isVisible() && c instanceof org.kairan.ui.QrCodeView qr && !qr.getText().isEmpty())
                .isPresent();
    }

    private String errorOf(String widgetInDialog) {
        return driver.shellWith(widgetInDialog).map(Shell::getData)
                .filter(TitleAreaDialog.class::isInstance).map(d -> ((TitleAreaDialog) d).getErrorMessage())
                .orElse(null);
    }

    private static Text text(Shell shell, String id) {
        return SwtDriver.find(shell, id, Text.class);
    }
}
