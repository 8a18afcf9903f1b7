package org.kairan.library.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.client.ClientTopics;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.documents.LibraryService;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.sync.EntityTypes;
import org.kairan.library.ui.LibraryUiConstants;
import org.kairan.library.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.FileDrops;
import org.kairan.ui.GridVisibility;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 文書庫: the library of a 課 (the user's own first; the 課 they may see in the chooser). The documents with 表題,
 * ファイル名, 版, ページ, 年度, 文書分類 and 状態 in words, kept up to date as sync brings the extraction's progress;
 * files and folders dropped on the table (or chosen with 「ファイルを追加…」/「フォルダーを追加…」) are filed one by one,
 * each listed at once (準備中, then 送信待ち …, or 登録不可 with the reason); 「新しい版…」 and 「情報を編集…」; the
 * selected document's details, versions and preview ({@link DocumentDetails}). A search hit opens here
 * ({@link #open(String, int, List)}).
 */
public final class LibraryPart {

    /** What a load brought. */
    private record Loaded(List<OrgUnit> units, List<OrgUnit> own, String unitCode, List<LibraryEntry> entries) {
    }

    /** A document to show once the library of its 課 is loaded. */
    private record Pending(String documentId, int page, List<String> words) {
    }

    private final LibraryService library;
    private final SyncService sync;
    private final UISynchronize ui;
    private final LibraryTexts texts;
    private final Messages messages;
    private final org.kairan.approval.ui.nls.Messages viewerMessages;
    private Combo unitChooser;
    private Table table;
    private Label count;
    private Label message;
    private Button newVersion;
    private Button edit;
    private Button openFile;
    private DocumentDetails details;
    private List<OrgUnit> units = List.of();
    private List<OrgUnit> own = List.of();
    private String unitCode;
    private List<LibraryEntry> entries = List.of();
    private final FileIntake intake;
    private boolean loading;
    private boolean loadAgain;
    private Pending pending;

    @Inject
    public LibraryPart(LibraryService library, SyncService sync, UISynchronize ui, @Translation Messages messages,
            @Translation org.kairan.approval.ui.nls.Messages viewerMessages) {
        this.library = library;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.viewerMessages = viewerMessages;
        this.texts = new LibraryTexts(messages, Locale.getDefault());
        this.intake = new FileIntake(library, ui, messages, new FileIntake.Screen() {
            @Override
            public void filesChanged() {
                fill();
            }

            @Override
            public void fileStaged() {
                reload();
            }

            @Override
            public void say(String text) {
                showMessage(text);
            }

            @Override
            public boolean isDisposed() {
                return table == null || table.isDisposed();
            }
        });
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        createBar(parent);
        message = new Label(parent, SWT.WRAP);
        message.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_MESSAGE);
        message.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).exclude(true).applyTo(message);
        message.setVisible(false);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createTable(sash);
        details = new DocumentDetails(sash, texts, viewerMessages, library, ui, sync.officeZone());
        sash.setWeights(62, 38);
        reload();
    }

    private void createBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(8).margins(8, 6).applyTo(bar);
        new Label(bar, SWT.NONE).setText(messages.library_unit);
        unitChooser = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        unitChooser.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_UNIT);
        GridDataFactory.swtDefaults().hint(200, SWT.DEFAULT).applyTo(unitChooser);
        unitChooser.addListener(SWT.Selection, e -> {
            int i = unitChooser.getSelectionIndex();
            if (i >= 0 && i < units.size() && !units.get(i).code().equals(unitCode)) {
                unitCode = units.get(i).code();
                intake.clear();
                showMessage(null);
                reload();
            }
        });
        Button addFiles = button(bar, messages.library_addFiles, LibraryUiConstants.ID_ADD_FILES, this::chooseFiles);
        GridDataFactory.swtDefaults().indent(12, 0).applyTo(addFiles);
        button(bar, messages.library_addFolder, LibraryUiConstants.ID_ADD_FOLDER, this::chooseFolder);
        newVersion = button(bar, messages.library_newVersion, LibraryUiConstants.ID_NEW_VERSION, this::chooseNewVersion);
        edit = button(bar, messages.library_edit, LibraryUiConstants.ID_EDIT, this::editSelected);
        openFile = button(bar, messages.library_openFile, LibraryUiConstants.ID_OPEN_FILE, this::openSelectedFile);
        count = new Label(bar, SWT.NONE);
        count.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_COUNT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);
    }

    private static Button button(Composite bar, String text, String id, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setData(LibraryUiConstants.WIDGET_ID, id);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private void createTable(Composite parent) {
        Composite left = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 2).applyTo(left);
        table = new Table(left, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        Label hint = new Label(left, SWT.WRAP);
        hint.setText(messages.library_dropHint);
        hint.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 0).hint(200, SWT.DEFAULT).applyTo(hint);
        table.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_TABLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        column(messages.library_col_title, 190);
        column(messages.library_col_file, 170);
        column(messages.library_col_version, 36);
        column(messages.library_col_pages, 52);
        column(messages.library_col_year, 90);
        column(messages.library_col_class, 90);
        column(messages.library_col_state, 260);
        table.addListener(SWT.Selection, e -> selectionChanged());
        FileDrops.accept(table, this::add);
    }

    private void column(String text, int width) {
        TableColumn c = new TableColumn(table, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    // --- loading

    /** Reads the library of the chosen 課 in a job; a request while one runs loads again after it. */
    private void reload() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        String wanted = unitCode;
        BackgroundCall.named(messages.library_loadJob, monitor -> {
            List<OrgUnit> all = library.units();
            String chosen = all.stream().anyMatch(u -> u.code().equals(wanted)) ? wanted
                    : all.isEmpty() ? null : all.getFirst().code();
            return new Loaded(all, library.ownUnits(), chosen, chosen == null ? List.of() : library.entries(chosen));
        }).onSuccess(this::show).onFailure(failure -> {
            loading = false;
            showMessage(failure.getMessage());
        }).quiet().start(ui);
    }

    private void show(Loaded loaded) {
        loading = false;
        if (table.isDisposed()) {
            return;
        }
        if (loadAgain) {
            loadAgain = false;
            reload();
        }
        if (!loaded.units().equals(units)) {
            units = loaded.units();
            unitChooser.setItems(units.stream().map(OrgUnit::name).toArray(String[]::new));
        }
        own = loaded.own();
        unitCode = loaded.unitCode();
        unitChooser.select(indexOfUnit(unitCode));
        entries = loaded.entries();
        fill();
        if (pending != null && pending.documentId() != null) {
            Pending p = pending;
            entries.stream().filter(e -> e.documentId().equals(p.documentId())).findFirst().ifPresent(e -> {
                pending = null;
                select(e.documentId());
                details.show(e);
                int current = e.document() != null && e.document().current().isPresent()
                        ? e.document().current().get().number() : e.version();
                details.preview(current, p.page(), p.words());
            });
        }
    }

    private int indexOfUnit(String code) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The table: files being added (or refused) first, then the library's lines; the selection is kept. */
    private void fill() {
        Set<String> selected = new java.util.HashSet<>();
        for (TableItem item : table.getSelection()) {
            selected.add(keyOf(item.getData()));
        }
        table.setRedraw(false);
        try {
            table.removeAll();
            for (FileIntake.LocalFile f : intake.files()) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { titleOf(f.name()), f.name(), "", "", "", "", f.refusal() == null
                        ? messages.library_state_PREPARING
                        : MessageFormat.format(messages.library_state_NOT_ACCEPTED, f.refusal()) });
                item.setData(f);
                item.setData(LibraryUiConstants.DATA_LOCAL_FILE, f.name());
                if (f.refusal() != null) {
                    item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                }
            }
            List<Integer> keep = new ArrayList<>();
            for (LibraryEntry e : entries) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(new String[] { e.title(), e.fileName(), e.version() > 0 ? Integer.toString(e.version()) : "",
                        e.pages() > 0 ? Integer.toString(e.pages()) : "", texts.fiscalYear(e.fiscalYear()),
                        e.classification(), texts.state(e) });
                item.setData(e);
                if (e.state() == LibraryEntry.State.FAILED || e.state() == LibraryEntry.State.REFUSED) {
                    item.setForeground(table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                }
                if (selected.contains(e.documentId())) {
                    keep.add(table.getItemCount() - 1);
                }
            }
            table.setSelection(keep.stream().mapToInt(Integer::intValue).toArray());
        } finally {
            table.setRedraw(true);
        }
        count.setText(MessageFormat.format(messages.library_count, entries.size()));
        count.getParent().layout(true);
        selectionChanged();
    }

    private static String keyOf(Object data) {
        return data instanceof LibraryEntry e ? e.documentId()
                : data instanceof FileIntake.LocalFile f ? "local:" + f.path() : "";
    }

    private static String titleOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void select(String documentId) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getData() instanceof LibraryEntry e && e.documentId().equals(documentId)) {
                table.setSelection(i);
                table.showSelection();
                return;
            }
        }
    }

    private java.util.Optional<LibraryEntry> selected() {
        TableItem[] items = table.getSelection();
        return items.length == 1 && items[0].getData() instanceof LibraryEntry e ? java.util.Optional.of(e)
                : java.util.Optional.empty();
    }

    private void selectionChanged() {
        java.util.Optional<LibraryEntry> one = selected();
        boolean member = one.isPresent() && own.stream().anyMatch(u -> u.code().equals(one.get().unitCode()));
        boolean onServer = one.map(e -> e.document() != null).orElse(false);
        newVersion.setEnabled(member && onServer);
        edit.setEnabled(member && one.map(e -> e.state() != LibraryEntry.State.REFUSED || e.document() != null)
                .orElse(false));
        openFile.setEnabled(onServer);
        details.show(one.orElse(null));
    }

    /**
     * 「ファイルを開く」: the current version in the application this computer opens such files with (Word or
     * LibreOffice for a .docx, the PDF reader for a PDF), fetched first when not cached.
     */
    private void openSelectedFile() {
        java.util.Optional<LibraryEntry> one = selected();
        if (one.isEmpty()) {
            return;
        }
        BackgroundCall.named(messages.library_openJob, monitor -> library.open(one.get().documentId()))
                .onSuccess(file -> {
                    if (!org.eclipse.swt.program.Program.launch(file.toString())) {
                        showMessage(MessageFormat.format(messages.library_noApplication, one.get().fileName()));
                    }
                })
                .onFailure(failure -> showMessage(MessageFormat.format(messages.library_openFailed,
                        Objects.requireNonNullElse(failure.getMessage(), failure.toString()))))
                .start(ui);
    }

    private void showMessage(String text) {
        boolean visible = text != null && !text.isBlank();
        message.setText(visible ? text : "");
        GridVisibility.set(message, visible);
        message.getParent().layout(true); // also when only the text changed: its height may have
    }

    // --- adding

    private void chooseFiles() {
        FileDialog dialog = new FileDialog(table.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText(messages.library_filesTitle);
        dialog.setFilterExtensions(new String[] {
                "*.pdf;*.PDF;*.png;*.PNG;*.jpg;*.jpeg;*.JPG;*.tif;*.tiff;*.TIF;*.docx;*.DOCX;*.xlsx;*.XLSX", "*" });
        if (dialog.open() == null) {
            return;
        }
        Path folder = Path.of(dialog.getFilterPath());
        add(Arrays.stream(dialog.getFileNames()).map(folder::resolve).toList());
    }

    private void chooseFolder() {
        DirectoryDialog dialog = new DirectoryDialog(table.getShell());
        dialog.setText(messages.library_folderTitle);
        dialog.setMessage(messages.library_folderMessage);
        String folder = dialog.open();
        if (folder != null) {
            add(List.of(Path.of(folder)));
        }
    }

    /**
     * Files the files and folders (recursing, hidden files left out) in the chosen 課's library, each listed at once
     * ({@link FileIntake}). What drops and the two add buttons call.
     */
    void add(List<Path> dropped) {
        String unit = unitCode;
        if (unit == null) {
            return;
        }
        if (own.stream().noneMatch(u -> u.code().equals(unit))) {
            showMessage(MessageFormat.format(messages.library_notMember, unitChooser.getText()));
            return;
        }
        showMessage(null);
        intake.add(unit, dropped);
    }

    private void chooseNewVersion() {
        java.util.Optional<LibraryEntry> one = selected();
        if (one.isEmpty()) {
            return;
        }
        FileDialog dialog = new FileDialog(table.getShell(), SWT.OPEN);
        dialog.setText(MessageFormat.format(messages.library_newVersionTitle, one.get().title()));
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        BackgroundCall.named(messages.library_addJob, monitor -> library.addVersion(one.get().documentId(), file))
                .onSuccess(queued -> reload())
                .onFailure(failure -> showMessage(failure instanceof FileNotAcceptedException refused
                        ? intake.refusal(file, refused) : failure.getMessage()))
                .start(ui);
    }

    private void editSelected() {
        java.util.Optional<LibraryEntry> one = selected();
        if (one.isEmpty()) {
            return;
        }
        EditDocumentDialog dialog = new EditDocumentDialog(table.getShell(), texts, one.get(), library.classifications(),
                LibraryService.fiscalYearOf(sync.officeToday()));
        if (dialog.open() != Window.OK || dialog.result() == null) {
            return;
        }
        try {
            library.edit(dialog.result());
            reload();
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(table.getShell(), messages.library_editTitle,
                    MessageFormat.format(messages.library_edit_refused, e.getMessage()));
        }
    }

    // --- from elsewhere

    /**
     * Shows a document — how a search hit opens: its 課 chosen, its line selected, its current version previewed
     * at {@code page} with {@code words} highlighted.
     */
    public void open(String documentId, int page, List<String> words) {
        BackgroundCall.named(messages.library_openJob, monitor -> library.entry(documentId)).onSuccess(line -> {
            if (table.isDisposed() || line.isEmpty()) {
                return;
            }
            pending = new Pending(documentId, page, List.copyOf(words));
            if (!line.get().unitCode().equals(unitCode)) {
                unitCode = line.get().unitCode();
                intake.clear();
            }
            reload();
        }).start(ui);
    }

    @Inject
    @Optional
    void replicaChanged(@UIEventTopic(SyncTopics.REPLICA_CHANGED) Object types) {
        if (table != null && !table.isDisposed() && (!(types instanceof Set<?> changed) || changed.isEmpty()
                || changed.contains(EntityTypes.DOCUMENT) || changed.contains(EntityTypes.UNIT)
                || changed.contains(EntityTypes.ASSIGNMENT))) {
            reload();
        }
    }

    @Inject
    @Optional
    void actionChanged(@UIEventTopic(SyncTopics.ACTION) QueuedAction action) {
        if (table != null && !table.isDisposed() && action.type().startsWith("document.")) {
            reload();
        }
    }

    @Inject
    @Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object session) {
        if (table != null && !table.isDisposed()) {
            unitCode = null;
            intake.clear();
            pending = null;
            showMessage(null);
            reload();
        }
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
