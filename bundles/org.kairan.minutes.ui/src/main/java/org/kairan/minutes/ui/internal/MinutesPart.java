package org.kairan.minutes.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.MDirtyable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.approval.ui.KessaiOpener;
import org.kairan.client.ClientTopics;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.minutes.RecordingPlayer;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.Transcript;
import org.kairan.core.minutes.Transcripts;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.sync.EntityTypes;
import org.kairan.minutes.ui.MinutesFiles;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.GridVisibility;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 議事録: the minutes of the user's 課 (会議名, 日時 in 和暦, 状態), newest meeting first, with 「取り込み…」 (a
 * transcript file and then the meeting's head) and 「録音から文字起こし…」 (the server's speech-to-text), and the
 * selected minutes in the {@link MinutesEditor}. Live through {@link SyncTopics#REPLICA_CHANGED} and
 * {@link SyncTopics#ACTION}.
 */
public final class MinutesPart {

    private static final LocalTime USUAL_START = LocalTime.of(10, 0);

    private final MinutesService service;
    private final RecordingPlayer player;
    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final MinutesTexts texts;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final IEclipseContext context;
    private final MDirtyable dirtyable;
    private Table list;
    private Label count;
    private Label message;
    private MinutesEditor editor;
    private List<MinutesEntry> entries = List.of();
    private String selectedId;
    private boolean loading;
    private boolean loadAgain;
    private String pendingUtterance;

    @Inject
    public MinutesPart(MinutesService service, RecordingPlayer player, SyncService sync, UISynchronize ui,
            @Translation Messages messages, ECommandService commands, EHandlerService handlers, IEclipseContext context,
            MDirtyable dirtyable) {
        this.service = service;
        this.player = player;
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.texts = new MinutesTexts(messages, Locale.getDefault());
        this.commands = commands;
        this.handlers = handlers;
        this.context = context;
        this.dirtyable = dirtyable;
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(8, 6).applyTo(bar);
        PushButtons.of(bar, messages.minutes_import, MinutesUiConstants.ID_IMPORT, this::importTranscript);
        PushButtons.of(bar, messages.minutes_transcribe, MinutesUiConstants.ID_TRANSCRIBE, this::transcribe);
        count = new Label(bar, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);
        message = new Label(parent, SWT.WRAP);
        message.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_MESSAGE);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).hint(400, SWT.DEFAULT).applyTo(message);
        GridVisibility.show(message, false);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createList(sash);
        editor = new MinutesEditor(sash, messages, texts, service, player, ui, new MinutesEditor.Host() {
            @Override
            public void say(String text, boolean problem) {
                showMessage(text, problem);
            }

            @Override
            public MinutesFiles files() {
                return MinutesPart.this.files();
            }

            @Override
            public void openKessai(String kessaiId) {
                MinutesPart.this.openKessai(kessaiId);
            }

            @Override
            public void changed() {
                reload();
            }

            @Override
            public void dirtyChanged(boolean dirty) {
                dirtyable.setDirty(dirty);
            }
        });
        sash.setWeights(31, 69);
        reload();
    }

    private void createList(Composite parent) {
        list = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        list.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_LIST);
        list.setHeaderVisible(true);
        list.setLinesVisible(true);
        for (Object[] c : new Object[][] { { messages.minutes_col_title, 170 }, { messages.minutes_col_when, 160 },
                { messages.minutes_col_state, 80 } }) {
            TableColumn column = new TableColumn(list, SWT.LEFT);
            column.setText((String) c[0]);
            column.setWidth((Integer) c[1]);
        }
        list.addListener(SWT.Selection, e -> {
            int at = list.getSelectionIndex();
            if (at >= 0) {
                choose((MinutesEntry) list.getItem(at).getData());
            }
        });
    }

    /** Where files are asked for: the context's {@link MinutesFiles} if one was put there, else the system's dialogs. */
    private MinutesFiles files() {
        MinutesFiles own = context.get(MinutesFiles.class);
        return own != null ? own : new DialogMinutesFiles(messages);
    }

    private Shell shell() {
        return list.getShell();
    }

    // --- the list

    private void reload() {
        if (loading) {
            loadAgain = true;
            return;
        }
        loading = true;
        BackgroundCall.named(messages.minutes_loadJob, monitor -> service.entries()).onSuccess(loaded -> {
            loading = false;
            if (list.isDisposed()) {
                return;
            }
            if (loadAgain) {
                loadAgain = false;
                reload();
            }
            show(loaded);
        }).onFailure(failure -> {
            loading = false;
            showMessage(failure.getMessage(), true);
        }).quiet().start(ui);
    }

    private void show(List<MinutesEntry> loaded) {
        entries = loaded;
        list.setRedraw(false);
        try {
            list.removeAll();
            for (MinutesEntry e : entries) {
                TableItem item = new TableItem(list, SWT.NONE);
                item.setText(new String[] { e.minutes().header().title(), texts.listWhen(e.minutes().header()),
                        texts.state(e) });
                item.setData(e);
                if (e.state() == MinutesEntry.State.CONFLICT || e.state() == MinutesEntry.State.REFUSED) {
                    item.setForeground(list.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                }
                if (e.id().equals(selectedId)) {
                    list.setSelection(item);
                }
            }
        } finally {
            list.setRedraw(true);
        }
        count.setText(MessageFormat.format(messages.minutes_count, entries.size()));
        count.getParent().layout(true);
        Optional<MinutesEntry> shown = entries.stream().filter(e -> e.id().equals(selectedId)).findFirst();
        if (shown.isPresent() && (shown.get().state() == MinutesEntry.State.CONFLICT
                || shown.get().state() == MinutesEntry.State.REFUSED)) {
            showMessage(null, false); // 「保存しました」 no longer holds: the editor's state line says why
        }
        editor.show(shown.orElse(null));
        if (pendingUtterance != null && shown.isPresent()) {
            editor.reveal(pendingUtterance);
            pendingUtterance = null;
        }
    }

    private void choose(MinutesEntry entry) {
        if (entry.id().equals(selectedId)) {
            return;
        }
        if (editor.isDirty()) {
            editor.save(); // leaving minutes with changes: they are kept (queued), never lost
        }
        selectedId = entry.id();
        showMessage(null, false);
        editor.show(entries.stream().filter(e -> e.id().equals(selectedId)).findFirst().orElse(entry));
    }

    private void select(String minutesId) {
        selectedId = minutesId;
        reload();
    }

    /** Shows minutes (a search hit), and one of their utterances when {@code utteranceId} is given. */
    public void open(String minutesId, String utteranceId) {
        if (editor.isDirty() && !editor.shownId().orElse("").equals(minutesId)) {
            editor.save();
        }
        pendingUtterance = utteranceId;
        select(minutesId);
    }

    // --- new minutes

    private Optional<String> unitCode() {
        List<OrgUnit> own = service.ownUnits();
        if (own.isEmpty()) {
            showMessage(messages.minutes_noUnit, true);
            return Optional.empty();
        }
        return Optional.of(own.getFirst().code());
    }

    private void importTranscript() {
        Optional<String> unit = unitCode();
        Optional<Path> file = unit.isEmpty() ? Optional.empty() : files().chooseTranscript(shell());
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        showMessage(MessageFormat.format(messages.minutes_reading, path.getFileName()), false);
        BackgroundCall.named(messages.minutes_readJob, monitor -> Transcripts.read(Files.readAllBytes(path),
                path.getFileName().toString())).onSuccess(transcript -> {
                    showMessage(null, false);
                    String name = baseName(path.getFileName().toString());
                    Optional<MeetingHeader> header = askHeader(name, transcript.hasTimes() ? transcript.length() : null);
                    header.ifPresent(h -> BackgroundCall.named(messages.minutes_importJob,
                            monitor -> service.importTranscript(path, h, unit.get())).onSuccess(this::imported)
                            .onFailure(f -> showMessage(f.getMessage(), true)).start(ui));
                }).onFailure(failure -> showMessage(MessageFormat.format(messages.minutes_importRefused,
                        path.getFileName(), failure.getMessage()), true)).start(ui);
    }

    private void imported(Minutes minutes) {
        showMessage(MessageFormat.format(messages.minutes_imported, minutes.header().title(),
                minutes.utterances().size()), false);
        select(minutes.id());
    }

    private Optional<MeetingHeader> askHeader(String title, java.time.Duration length) {
        LocalDateTime start = sync.officeToday().atTime(USUAL_START);
        MeetingHeader initial = new MeetingHeader(title, start, length == null ? null : start.plus(length), "",
                List.of(), List.of());
        HeaderDialog dialog = new HeaderDialog(shell(), messages, texts, initial, service::findStaff);
        return dialog.open() == Window.OK ? dialog.result() : Optional.empty();
    }

    private void transcribe() {
        Optional<String> unit = unitCode();
        Optional<Path> recording = unit.isEmpty() ? Optional.empty() : files().chooseRecording(shell());
        if (recording.isEmpty()) {
            return;
        }
        TranscribeDialog dialog = new TranscribeDialog(shell(), messages, service, ui, recording.get());
        if (dialog.open() != Window.OK || dialog.job().isEmpty()) {
            return;
        }
        TranscriptionJob job = dialog.job().get();
        Optional<MeetingHeader> header = askHeader(baseName(job.fileName()), job.durationSeconds() == null ? null
                : java.time.Duration.ofMillis(Math.round(job.durationSeconds() * 1000)));
        header.ifPresent(h -> BackgroundCall.named(messages.minutes_importJob,
                monitor -> service.minutesFromTranscription(job.id(), h, unit.get())).onSuccess(this::imported)
                .onFailure(f -> showMessage(f.getMessage(), true)).start(ui));
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    // --- elsewhere

    private void openKessai(String kessaiId) {
        if (!KessaiOpener.open(commands, handlers, kessaiId)) {
            showMessage(messages.minutes_kessaiNotOpened, true);
        }
    }

    private void showMessage(String text, boolean problem) {
        if (message == null || message.isDisposed()) {
            return;
        }
        boolean visible = text != null && !text.isBlank();
        message.setText(visible ? text : "");
        message.setForeground(message.getDisplay().getSystemColor(problem ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GRAY));
        GridVisibility.show(message, visible);
    }

    // --- live

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void replicaChanged(@UIEventTopic(SyncTopics.REPLICA_CHANGED) Object types) {
        if (list != null && !list.isDisposed() && (!(types instanceof Set<?> changed) || changed.isEmpty()
                || changed.contains(EntityTypes.MINUTES))) {
            reload();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void actionChanged(@UIEventTopic(SyncTopics.ACTION) QueuedAction action) {
        if (list != null && !list.isDisposed() && action.type().startsWith("minutes.")) {
            reload();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object session) {
        if (list != null && !list.isDisposed()) {
            selectedId = null;
            editor.show(null);
            showMessage(null, false);
            reload();
        }
    }

    @Persist
    void persist() {
        if (editor.isDirty()) {
            editor.save();
        }
    }

    @Focus
    void focus() {
        list.setFocus();
    }

    static String describe(Exception failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    }
}
