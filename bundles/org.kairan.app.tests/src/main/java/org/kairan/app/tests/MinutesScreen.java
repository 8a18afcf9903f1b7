package org.kairan.app.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.client.KairanServerClient;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesFiles;
import org.kairan.minutes.ui.MinutesUiConstants;

/**
 * The 議事録 tab as a test drives it: the list, the editor, the marks and the dialogs, found by their widget ids; the
 * files a person would choose in the system's file dialogs are given through {@link MinutesFiles} (a native dialog
 * cannot be driven).
 */
final class MinutesScreen {

    /** The files a person would choose in the dialogs. */
    static final class ChosenFiles implements MinutesFiles {
        Path transcript;
        Path recording;
        Path target;

        @Override
        public Optional<Path> chooseTranscript(Shell shell) {
            return Optional.ofNullable(transcript);
        }

        @Override
        public Optional<Path> chooseRecording(Shell shell) {
            return Optional.ofNullable(recording);
        }

        @Override
        public Optional<Path> chooseTarget(Shell shell, String fileName) {
            return Optional.ofNullable(target).map(t -> t.resolve(fileName));
        }
    }

    private final SwtDriver driver;
    private final Desktop desktop;
    final ChosenFiles files = new ChosenFiles();

    MinutesScreen(SwtDriver driver, Desktop desktop) {
        this.driver = driver;
        this.desktop = desktop;
    }

    /**
     * The 議事録 tab shown to the demo city's 財政課 主事 (logged in as them, once the 決裁 tests' actions are sent, when
     * someone else is), with the files chosen through {@link #files}.
     */
    static MinutesScreen ofFinanceClerk(SwtDriver driver) {
        KairanServerClient client = Services.of(KairanServerClient.class);
        Desktop desktop = new Desktop(driver, client, Services.of(TestServer.class));
        desktop.waitForDirectory();
        if (!client.session().map(s -> s.user().staffNo().equals(DemoAccounts.FINANCE_CLERK)).orElse(false)) {
            new KessaiScreen(driver, desktop, Services.of(KessaiService.class), Services.of(SyncService.class))
                    .waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
        }
        MinutesScreen screen = new MinutesScreen(driver, desktop);
        screen.show();
        return screen;
    }

    Desktop desktop() {
        return desktop;
    }

    /** Shows the 議事録 tab, choosing files through {@link #files}. */
    void show() {
        desktop.windowContext().set(MinutesFiles.class, files);
        desktop.showPart(MinutesUiConstants.PART_MINUTES);
        driver.waitUntil("the 議事録 tab is shown", () -> SwtDriver.find(desktop.mainWindow(), MinutesUiConstants.ID_LIST)
                .isPresent());
    }

    /** Back to the system's file dialogs. */
    void forgetFiles() {
        desktop.windowContext().remove(MinutesFiles.class);
    }

    Table list() {
        return desktop.find(MinutesUiConstants.ID_LIST, Table.class);
    }

    Table utterances() {
        return desktop.find(MinutesUiConstants.ID_UTTERANCES, Table.class);
    }

    Button button(String id) {
        return desktop.find(id, Button.class);
    }

    String title() {
        return desktop.find(MinutesUiConstants.ID_HEAD_TITLE, Label.class).getText();
    }

    String details() {
        return desktop.find(MinutesUiConstants.ID_HEAD_DETAILS, Label.class).getText();
    }

    Optional<TableItem> row(String title) {
        for (TableItem item : list().getItems()) {
            if (item.getText(0).equals(title)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** The minutes of that 会議名 as the desktop has them from the server (its replica), if listed. */
    Optional<MinutesEntry> entry(String title) {
        return row(title).map(r -> (MinutesEntry) r.getData());
    }

    /** Saved and applied by the server as the given version: 作成中 again, nothing queued. */
    boolean savedAs(String title, int version) {
        return row(title).map(r -> r.getText(2).equals("作成中")).orElse(false)
                && entry(title).map(e -> e.baseVersion() == version).orElse(false);
    }

    /** Selects an utterance as a click would. */
    void selectUtterance(int index) {
        select(utterances(), index);
    }

    /** Selects a row of a table as a click would. */
    void select(Table table, int index) {
        table.setSelection(index);
        table.showSelection();
        table.notifyListeners(SWT.Selection, new Event());
        driver.settle();
    }

    /** Chooses a person in a picker as one would: types their かな, then picks their line. */
    static void pick(Combo combo, StaffMember person) {
        combo.setText(person.kana());
        combo.notifyListeners(SWT.Modify, new Event());
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItem(i).startsWith(person.name())) {
                combo.select(i);
                combo.notifyListeners(SWT.Selection, new Event());
                return;
            }
        }
        throw new AssertionError(person.kana() + " does not offer " + person.name() + ": " + List.of(combo.getItems()));
    }

    /** Clicks a button that opens a dialog, fills it and presses OK; a failed step fails here. */
    void withDialog(String buttonId, String fieldId, Consumer<Shell> fill) {
        SwtDriver.Script script = driver.script().when("the dialog with " + fieldId + " is shown",
                () -> driver.shellWith(fieldId).isPresent(), () -> {
                    Shell dialog = driver.shellWith(fieldId).get();
                    fill.accept(dialog);
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
                }).start();
        SwtDriver.click(button(buttonId));
        script.await();
        driver.waitUntil("the dialog with " + fieldId + " is closed", () -> driver.shellWith(fieldId).isEmpty());
    }

    /**
     * 取り込み… of a WebVTT of these cues (four seconds each, said by 話者 1 and 話者 2 in turn) as minutes of that
     * 会議名 (the head dialog otherwise as offered); waits until the editor shows them.
     */
    void importMinutes(String title, List<String> cues) throws Exception {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < cues.size(); i++) {
            vtt.append(stamp(i * 4)).append(" --> ").append(stamp(i * 4 + 4)).append('\n').append("<v 話者 ")
                    .append(i % 2 + 1).append('>').append(cues.get(i)).append("</v>\n\n");
        }
        files.transcript = Files.writeString(Files.createTempDirectory("議事録-").resolve("課内会議.vtt"), vtt,
                StandardCharsets.UTF_8);
        withDialog(MinutesUiConstants.ID_IMPORT, MinutesUiConstants.ID_HEADER_TITLE,
                dialog -> SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE), title));
        driver.waitUntil("the imported minutes are saved by the server and shown", () -> savedAs(title, 1)
                && title().equals(title) && utterances().getItemCount() == cues.size());
    }

    private static String stamp(int seconds) {
        return String.format("00:%02d:%02d.000", seconds / 60, seconds % 60);
    }
}
