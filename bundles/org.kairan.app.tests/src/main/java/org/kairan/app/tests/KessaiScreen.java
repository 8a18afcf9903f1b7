package org.kairan.app.tests;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.sync.SyncService;
import org.kairan.ui.BackgroundCall;

/**
 * The 決裁 tab as a test drives it: folders, the list, the buttons and the dialogs they open, found by their
 * widget ids; waits go through the desktop's own services (the inbox, the sync queue).
 */
final class KessaiScreen {

    private final SwtDriver driver;
    private final Desktop desktop;
    private final KessaiService kessai;
    private final SyncService sync;

    KessaiScreen(SwtDriver driver, Desktop desktop, KessaiService kessai, SyncService sync) {
        this.driver = driver;
        this.desktop = desktop;
        this.kessai = kessai;
        this.sync = sync;
    }

    void show() {
        desktop.showPart(ApprovalUiConstants.PART_KESSAI);
        driver.waitUntil("the 決裁 tab is shown", () -> desktop.find(ApprovalUiConstants.ID_KESSAI_ITEMS, Table.class) != null);
    }

    Table items() {
        return desktop.find(ApprovalUiConstants.ID_KESSAI_ITEMS, Table.class);
    }

    Table folders() {
        return desktop.find(ApprovalUiConstants.ID_KESSAI_FOLDERS, Table.class);
    }

    Button button(String id) {
        return desktop.find(id, Button.class);
    }

    PdfViewer viewer() {
        return desktop.find(ApprovalUiConstants.ID_KESSAI_VIEWER, PdfViewer.class);
    }

    Table route() {
        return desktop.find(ApprovalUiConstants.ID_KESSAI_ROUTE, Table.class);
    }

    /** Shows a tab of the detail: 0 経路, 1 内容, 2 文書. */
    void tab(int index) {
        desktop.find(ApprovalUiConstants.ID_KESSAI_TABS, org.eclipse.swt.custom.CTabFolder.class).setSelection(index);
        driver.settle();
    }

    /** The lines of the route view, cells joined by '|'. */
    List<String> routeLines() {
        return java.util.Arrays.stream(route().getItems()).map(KessaiScreen::line).toList();
    }

    static String line(TableItem item) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < item.getParent().getColumnCount(); i++) {
            text.append(i == 0 ? "" : "|").append(item.getText(i));
        }
        return text.toString();
    }

    /** Waits until the person's inbox has the 案件 in the folder, settled (nothing of theirs unsent on it). */
    InboxItem waitFor(InboxFolder folder, String title) {
        driver.waitUntil("「" + title + "」 is in " + folder, () -> find(folder, title).filter(i -> !i.sending()).isPresent());
        return find(folder, title).orElseThrow();
    }

    Optional<InboxItem> find(InboxFolder folder, String title) {
        return kessai.inbox().get(folder).stream().filter(i -> i.title().equals(title)).findFirst();
    }

    /** Opens the folder and selects the 案件 in the list, as clicks would. */
    void select(InboxFolder folder, String title) {
        Table folders = folders();
        folders.setSelection(folder.ordinal());
        folders.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        driver.waitUntil("「" + title + "」 is listed", () -> index(title) >= 0);
        items().setSelection(index(title));
        items().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        driver.settle();
    }

    private int index(String title) {
        Table items = items();
        for (int i = 0; i < items.getItemCount(); i++) {
            if (items.getItem(i).getText(0).equals(title)) {
                return i;
            }
        }
        return -1;
    }

    /** Waits until every action of the user was answered by the server (before another person logs in). */
    void waitUntilSent() {
        // a draft submitted from the dialog is two actions queued by one job (save, then submit): wait for the job too
        driver.waitUntil("every queued action is answered", () -> Job.getJobManager().find(BackgroundCall.USER_WORK)
                .length == 0 && sync.actions().stream().allMatch(a -> a.state().isSettled()));
    }

    /** Clicks a button that opens a dialog, lets {@code fill} fill it, and presses its OK button. */
    void withDialog(String buttonId, String fieldId, java.util.function.Consumer<Shell> fill) {
        driver.script().when("the dialog with " + fieldId + " is shown", () -> driver.shellWith(fieldId).isPresent(), () -> {
            Shell dialog = driver.shellWith(fieldId).get();
            fill.accept(dialog);
            SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
        }).start();
        SwtDriver.click(button(buttonId));
        driver.waitUntil("the dialog is closed", () -> driver.shellWith(fieldId).isEmpty());
    }

    static Text text(Shell shell, String id) {
        return SwtDriver.find(shell, id, Text.class);
    }

    static void choose(Combo combo, String startingWith) {
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItem(i).startsWith(startingWith) || combo.getItem(i).endsWith(startingWith)) {
                combo.select(i);
                combo.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
                return;
            }
        }
        throw new AssertionError("no choice 「" + startingWith + "」 in " + List.of(combo.getItems()));
    }
}
