package org.kairan.app.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.kairan.app.AppConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.testing.Authenticator;

/**
 * The running desktop application as a test sees it: the main window and its widgets (found by their
 * Kairan widget ids), its commands, and logging in as another person through the real logout
 * confirmation, login dialog and, at a first login, the enrolment page.
 */
final class Desktop {

    private final SwtDriver driver;
    private final KairanServerClient client;
    private final TestServer server;
    private Texts texts;

    Desktop(SwtDriver driver, KairanServerClient client, TestServer server) {
        this.driver = driver;
        this.client = client;
        this.server = server;
    }

    /** Today in the office's zone, as the desktop reckons it (the machine's own clock may run in UTC). */
    LocalDate today() {
        return client.officeToday();
    }

    Shell mainWindow() {
        return driver.shells().stream().filter(s -> s.getData("modelElement") instanceof MTrimmedWindow)
                .findFirst().orElse(null);
    }

    IEclipseContext windowContext() {
        return ((MTrimmedWindow) mainWindow().getData("modelElement")).getContext();
    }

    /** A widget of the main window by its Kairan widget id. */
    <T extends Widget> T find(String widgetId, Class<T> type) {
        return SwtDriver.find(mainWindow(), widgetId, type);
    }

    /** Brings a part (tab) of the main window to the front, as a click on its tab would. */
    void showPart(String partId) {
        windowContext().get(EPartService.class).showPart(partId, EPartService.PartState.ACTIVATE);
        driver.settle();
    }

    /** Runs a command as its menu item or key binding would. */
    void execute(String commandId) {
        ParameterizedCommand command = windowContext().get(ECommandService.class).createCommand(commandId, null);
        windowContext().get(EHandlerService.class).executeHandler(command);
    }

    /** Whether the command's handler would run now (its menu item is enabled). */
    boolean canExecute(String commandId) {
        ParameterizedCommand command = windowContext().get(ECommandService.class).createCommand(commandId, null);
        return windowContext().get(EHandlerService.class).canExecute(command);
    }

    Label countLabel() {
        return find(AppConstants.ID_DIRECTORY_COUNT, Label.class);
    }

    Tree tree() {
        return find(AppConstants.ID_DIRECTORY_TREE, Tree.class);
    }

    String statusUser() {
        return find(AppConstants.ID_STATUS_USER, Label.class).getText();
    }

    String statusConnection() {
        return find(AppConstants.ID_STATUS_CONNECTION, Label.class).getText();
    }

    /**
     * Waits until the main window shows the directory (with or without a search) read from the replica: a count,
     * and no message that the organisation is still being fetched or could not be read. After a login the count
     * may still be the previous person's while the part waits for the new person's replica, so the count alone
     * does not say that the directory was loaded.
     */
    void waitForDirectory() {
        driver.waitUntil("the main window is shown", () -> mainWindow() != null && mainWindow().isVisible());
        driver.waitUntil("the directory is loaded", () -> !countLabel().getText().isEmpty() && !directoryWaits());
    }

    /** Whether the directory's message line says that it waits for the replica or could not read it. */
    private boolean directoryWaits() {
        Label status = find(AppConstants.ID_DIRECTORY_STATUS, Label.class);
        if (!status.getVisible()) {
            return false;
        }
        String failed = texts().get("directory_failed");
        return status.getText().equals(texts().get("directory_waitingForSync"))
                || status.getText().startsWith(failed.substring(0, failed.indexOf('{')));
    }

    private Texts texts() {
        if (texts == null) {
            try {
                texts = new Texts();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The tree rows, expanded ones with their children, in order. */
    List<TreeItem> rows() {
        return rows(tree());
    }

    /** The rows of a tree, expanded ones with their children, in order. */
    static List<TreeItem> rows(Tree tree) {
        List<TreeItem> out = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            collect(item, out);
        }
        return out;
    }

    private static void collect(TreeItem item, List<TreeItem> out) {
        out.add(item);
        if (item.getExpanded()) {
            for (TreeItem child : item.getItems()) {
                collect(child, out);
            }
        }
    }

    /** Empties the search box and waits for the whole tree. */
    void clearSearch() {
        Text search = find(AppConstants.ID_DIRECTORY_SEARCH, Text.class);
        SwtDriver.type(search, "");
        driver.waitUntil("the whole tree is shown", () -> countLabel().getText().startsWith("職員"));
    }

    /**
     * Searches for {@code query} and returns the row of the person with this 職員番号, if shown. Starts from
     * the whole tree so that the answer is this search's, not the one before.
     */
    Optional<TreeItem> search(String query, String staffNo) {
        Text search = find(AppConstants.ID_DIRECTORY_SEARCH, Text.class);
        if (!search.getText().isEmpty()) {
            clearSearch();
        }
        SwtDriver.type(search, query);
        driver.waitUntil("the search for " + query + " is applied", () -> countLabel().getText().contains("該当"));
        return rows().stream().filter(row -> row.getText(2).equals(staffNo)).findFirst();
    }

    /** Searches for the person and selects their row, as a click would; the detail panel shows them. */
    void selectPerson(String query, String staffNo) {
        TreeItem row = search(query, staffNo)
                .orElseThrow(() -> new AssertionError("nobody with 職員番号 " + staffNo + " found by " + query));
        tree().setSelection(row);
        tree().notifyListeners(SWT.Selection, new Event());
        driver.settle();
    }

    /** The detail panel of the directory. */
    Composite detail() {
        return find(AppConstants.ID_DIRECTORY_DETAIL, Composite.class);
    }

    /** The error a JFace title-area dialog containing the widget shows, or null. */
    String errorOf(String widgetInDialog) {
        return driver.shellWith(widgetInDialog).map(Shell::getData)
                .filter(TitleAreaDialog.class::isInstance).map(d -> ((TitleAreaDialog) d).getErrorMessage())
                .orElse(null);
    }

    /**
     * Logs out (File → ログアウト, confirmed) and logs in as {@code staffNo} through the login dialog: with a
     * code from the account's authenticator when it is enrolled, else through the enrolment page, reading
     * the key for manual entry as a person would type it into an app. Returns once the main window shows
     * the directory for the new person.
     */
    void logInAs(String staffNo, String password) {
        Optional<Authenticator> known = server.authenticator(staffNo);
        SwtDriver.Script script = driver.script()
                .when("the logout confirmation is shown", () -> driver.shellOf(MessageDialog.class).isPresent(),
                        () -> SwtDriver.click(SwtDriver.dialogButton(driver.shellOf(MessageDialog.class).get(),
                                IDialogConstants.OK_ID)))
                .when("the login dialog is shown", () -> driver.shellWith(AppConstants.ID_LOGIN_USER).isPresent(),
                        () -> {
                            Shell login = driver.shellWith(AppConstants.ID_LOGIN_USER).get();
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_USER), staffNo);
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_PASSWORD), password);
                            SwtDriver.type(text(login, AppConstants.ID_LOGIN_TOTP),
                                    known.map(Authenticator::nextCode).orElse(""));
                            SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
                        });
        if (known.isEmpty()) {
            script.when("the enrolment page is shown", () -> driver.shellWith(AppConstants.ID_ENROL_SECRET)
                    .filter(s -> !text(s, AppConstants.ID_ENROL_SECRET).getText().isBlank()
                            && text(s, AppConstants.ID_ENROL_SECRET).isVisible()).isPresent(), () -> {
                Shell login = driver.shellWith(AppConstants.ID_ENROL_SECRET).get();
                Authenticator app = new Authenticator(text(login, AppConstants.ID_ENROL_SECRET).getText());
                server.remember(staffNo, app);
                SwtDriver.type(text(login, AppConstants.ID_ENROL_CODE), app.nextCode());
                SwtDriver.click(SwtDriver.dialogButton(login, IDialogConstants.OK_ID));
            });
        }
        script.when("the main window is back", () -> driver.shellWith(AppConstants.ID_LOGIN_USER).isEmpty()
                && mainWindow().isVisible(), () -> { }).start();
        execute(AppConstants.COMMAND_LOGOUT);
        script.await();
        driver.waitUntil(staffNo + " is logged in", () -> client.session()
                .map(s -> s.user().staffNo().equals(staffNo)).orElse(false));
        driver.waitUntil("the status line shows " + staffNo,
                () -> statusUser().startsWith(client.session().get().user().name()));
        waitForDirectory();
    }

    static Text text(Shell shell, String id) {
        return SwtDriver.find(shell, id, Text.class);
    }

    private static String screenshotFolder() {
        String dir = System.getProperty("kairan.screenshots", System.getenv("KAIRAN_SCREENSHOTS"));
        return dir == null || dir.isBlank() ? null : dir;
    }

    /**
     * With a screenshot folder (below), keeps a copy of a file the test made there as {@code name} (an exported
     * .docx, to be converted and looked at); does nothing otherwise.
     */
    static void keep(Path file, String name) throws java.io.IOException {
        String dir = screenshotFolder();
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            Files.copy(file, Path.of(dir, name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * With {@code -Dkairan.screenshots=DIR} (or {@code KAIRAN_SCREENSHOTS}), saves the main window as
     * {@code DIR/name.png} (for the docs); does nothing otherwise.
     */
    void screenshot(String name) {
        String dir = screenshotFolder();
        if (dir == null) {
            return;
        }
        Shell shell = mainWindow();
        shell.update();
        driver.settle();
        Rectangle bounds = shell.getDisplay().map(shell, null, shell.getClientArea());
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            Files.createDirectories(Path.of(dir));
            loader.save(Path.of(dir, name + ".png").toString(), SWT.IMAGE_PNG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
