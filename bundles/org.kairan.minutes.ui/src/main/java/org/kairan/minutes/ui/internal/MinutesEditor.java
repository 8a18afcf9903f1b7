package org.kairan.minutes.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.client.minutes.ExportFormat;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.minutes.RecordingPlayer;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.search.SummaryDraft;
import org.kairan.core.minutes.MinutesException;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.minutes.ui.MinutesFiles;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;

/**
 * The minutes being written: the head (「会議の情報…」), the utterances edited in place with 結合, 分割 at the caret,
 * 話者の割り当て…, 決定事項にする and 対応事項にする, 発言から再生 of the recording ({@link PlaybackControls}), the
 * marks and 要旨 ({@link MarksPanel}); 保存 (queued, so it works
 * offline), 書き出し in the chosen format, 決裁に回付… and 起案を開く. Every edit goes through core's
 * {@link MinutesEdits}; one that cannot be made says why and changes nothing.
 */
final class MinutesEditor {

    /** What the editor asks of the part around it. */
    interface Host {
        void say(String text, boolean problem);

        MinutesFiles files();

        void openKessai(String kessaiId);

        /** The list changed through this editor (saved, sent): read it again. */
        void changed();

        /** The minutes shown now have (or no longer have) changes not saved. */
        void dirtyChanged(boolean dirty);
    }

    private static final ExportFormat[] FORMATS = ExportFormat.values();

    private final Messages messages;
    private final MinutesTexts texts;
    private final MinutesService service;
    private final UISynchronize ui;
    private final Host host;
    private final Composite root;
    private final Label title;
    private final Label details;
    private final Label state;
    private final UtteranceTable utterances;
    private final MarksPanel marks;
    private final PlaybackControls playback;
    private final Button editHead;
    private final Button merge;
    private final Button split;
    private final Button speakers;
    private final Button markDecision;
    private final Button markAction;
    private final Button save;
    private final Combo format;
    private final Button export;
    private final Button send;
    private final Button openKessai;
    private MinutesEntry entry;
    private Minutes minutes;
    private int baseVersion;
    private boolean dirty;

    MinutesEditor(Composite parent, Messages messages, MinutesTexts texts, MinutesService service,
            RecordingPlayer player, UISynchronize ui, Host host) {
        this.messages = messages;
        this.texts = texts;
        this.service = service;
        this.ui = ui;
        this.host = host;
        root = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 4).spacing(4, 4).applyTo(root);

        Composite head = new Composite(root, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(head);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(head);
        title = label(head, MinutesUiConstants.ID_HEAD_TITLE);
        title.setFont(JFaceResources.getHeaderFont());
        editHead = PushButtons.of(head, messages.minutes_editHead, MinutesUiConstants.ID_EDIT_HEAD, this::editHeader);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).span(1, 2).applyTo(editHead);
        details = label(head, MinutesUiConstants.ID_HEAD_DETAILS);
        state = label(head, MinutesUiConstants.ID_STATE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(state);

        Composite tools = new Composite(root, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(tools);
        merge = PushButtons.of(tools, messages.minutes_merge, MinutesUiConstants.ID_MERGE, this::mergeWithNext);
        split = PushButtons.of(tools, messages.minutes_split, MinutesUiConstants.ID_SPLIT, this::splitAtCaret);
        speakers = PushButtons.of(tools, messages.minutes_speakers, MinutesUiConstants.ID_SPEAKERS, this::mapSpeakers);
        markDecision = PushButtons.of(tools, messages.minutes_markDecision, MinutesUiConstants.ID_MARK_DECISION,
                this::markDecision);
        markAction = PushButtons.of(tools, messages.minutes_markAction, MinutesUiConstants.ID_MARK_ACTION,
                this::markAction);
        playback = new PlaybackControls(root, messages, service, player, ui, new PlaybackControls.Editor() {
            @Override
            public Minutes minutes() {
                return minutes;
            }

            @Override
            public Optional<MinutesUtterance> selected() {
                return utterances.selected();
            }

            @Override
            public void heard(Optional<String> utteranceId) {
                utterances.heard(utteranceId);
            }

            @Override
            public void say(String text, boolean problem) {
                host.say(text, problem);
            }

            @Override
            public boolean editable() {
                return entry != null && entry.editable();
            }

            @Override
            public Optional<Path> chooseRecording() {
                return host.files().chooseRecording(root.getShell());
            }

            @Override
            public void recordingKept(String recordingId) {
                utterances.commit();
                minutes = minutes.withRecording(recordingId);
                setDirty(true);
                playback.show(minutes);
            }
        });

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        utterances = new UtteranceTable(sash, messages, this::correct);
        utterances.control().addListener(SWT.Selection, e -> enable());
        marks = new MarksPanel(sash, messages, texts, new MarksPanel.Edits() {
            @Override
            public void unmark(String markId) {
                edit(m -> MinutesEdits.unmark(m, markId));
            }

            @Override
            public void summaryChanged(String summary) {
                minutes = minutes.withSummary(summary);
                setDirty(true);
            }

            @Override
            public void showUtterance(String utteranceId) {
                utterances.select(utteranceId);
                enable();
            }

            @Override
            public void draftSummary() {
                MinutesEditor.this.draftSummary();
            }
        });
        sash.setWeights(62, 38);

        Composite bar = new Composite(root, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(6).applyTo(bar);
        save = PushButtons.of(bar, messages.minutes_save, MinutesUiConstants.ID_SAVE, this::save);
        format = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        format.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_EXPORT_FORMAT);
        for (ExportFormat f : FORMATS) {
            format.add(texts.format(f));
        }
        format.select(0);
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(format);
        export = PushButtons.of(bar, messages.minutes_export, MinutesUiConstants.ID_EXPORT, this::export);
        send = PushButtons.of(bar, messages.minutes_send, MinutesUiConstants.ID_SEND, this::send);
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(send);
        openKessai = PushButtons.of(bar, messages.minutes_openKessai, MinutesUiConstants.ID_OPEN_KESSAI,
                () -> host.openKessai(entry.kessaiId()));
        show(null);
    }

    /**
     * 要旨の下書き: the key sentences, 決定事項 and 対応事項 drafted offline ({@link SummaryDraft}), to be edited; a 要旨
     * already written is replaced only when the user agrees.
     */
    private void draftSummary() {
        if (minutes == null) {
            return;
        }
        if (!minutes.summary().isBlank() && !MessageDialog.openQuestion(root.getShell(),
                messages.minutes_draftSummary_title, messages.minutes_draftSummary_replace)) {
            return;
        }
        minutes = minutes.withSummary(SummaryDraft.of(minutes, SummaryDraft.DEFAULT_SENTENCES));
        marks.show(minutes);
        setDirty(true);
    }

    private static Label label(Composite parent, String id) {
        Label label = new Label(parent, SWT.WRAP);
        label.setData(MinutesUiConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(label);
        return label;
    }

    Composite control() {
        return root;
    }

    boolean isDirty() {
        return dirty;
    }

    /** The id of the minutes shown, if any. */
    Optional<String> shownId() {
        return Optional.ofNullable(entry).map(MinutesEntry::id);
    }

    /**
     * Shows minutes (null: none). The same minutes again (the list was read again) keep what the person is editing:
     * only their state and, when nothing was changed here, their content follow.
     */
    void show(MinutesEntry next) {
        boolean same = entry != null && next != null && entry.id().equals(next.id());
        if (same && entry.editable()) {
            utterances.commit(); // what is being typed is kept
        }
        entry = next;
        if (next == null) {
            minutes = null;
            dirty = false;
        } else if (!same || !dirty || !next.editable()) {
            minutes = next.minutes();
            baseVersion = next.baseVersion();
            dirty = false;
        }
        fill();
    }

    /** Selects an utterance and scrolls it into view. */
    void reveal(String utteranceId) {
        utterances.select(utteranceId);
        enable();
    }

    private void fill() {
        if (minutes == null) {
            title.setText(messages.minutes_noneSelected);
            details.setText("");
            state.setText("");
            utterances.clear();
            marks.clear();
            playback.show(null);
        } else {
            MeetingHeader h = minutes.header();
            title.setText(h.title());
            StringBuilder d = new StringBuilder(texts.when(h));
            if (!h.place().isBlank()) {
                d.append("　").append(MessageFormat.format(messages.minutes_head_place, h.place()));
            }
            if (!h.attendees().isEmpty()) {
                d.append("\n").append(MessageFormat.format(messages.minutes_head_attendees, String.join("、",
                        h.attendees().stream().map(texts::attendee).toList())));
            }
            if (!h.agenda().isEmpty()) {
                d.append("\n").append(MessageFormat.format(messages.minutes_head_agenda, String.join("／", h.agenda())));
            }
            details.setText(d.toString());
            showState();
            utterances.show(minutes);
            marks.show(minutes);
            playback.show(minutes);
        }
        boolean editable = entry != null && entry.editable();
        utterances.setEditable(editable);
        marks.setEditable(editable);
        enable();
        root.layout(true, true);
    }

    private void showState() {
        String words = texts.state(entry);
        if (dirty) {
            words = MessageFormat.format(messages.minutes_unsaved, words);
        }
        String problem = texts.problem(entry);
        state.setText(MessageFormat.format(messages.minutes_stateLine, words,
                MessageFormat.format(messages.minutes_utteranceCount, minutes.utterances().size()))
                + (problem == null ? "" : "\n" + problem));
        state.setForeground(state.getDisplay().getSystemColor(problem == null ? SWT.COLOR_WIDGET_FOREGROUND
                : SWT.COLOR_DARK_RED));
    }

    private void enable() {
        boolean editable = entry != null && entry.editable();
        boolean chosen = editable && utterances.selected().isPresent();
        editHead.setEnabled(editable);
        merge.setEnabled(chosen);
        split.setEnabled(chosen);
        speakers.setEnabled(editable);
        markDecision.setEnabled(chosen);
        markAction.setEnabled(chosen);
        save.setEnabled(editable && (dirty || entry.state() == MinutesEntry.State.CONFLICT
                || entry.state() == MinutesEntry.State.REFUSED));
        format.setEnabled(entry != null);
        export.setEnabled(entry != null);
        send.setEnabled(editable && !dirty && entry.baseVersion() > 0 && entry.state() != MinutesEntry.State.CONFLICT);
        openKessai.setEnabled(entry != null && entry.state() == MinutesEntry.State.SENT && entry.kessaiId() != null);
    }

    private void setDirty(boolean now) {
        if (dirty != now) {
            host.dirtyChanged(now);
        }
        dirty = now;
        if (entry != null) {
            showState();
        }
        enable();
    }

    // --- edits

    @FunctionalInterface
    private interface Edit {
        Minutes apply(Minutes minutes) throws MinutesException;
    }

    private void edit(Edit edit) {
        if (minutes == null) {
            return;
        }
        try {
            minutes = edit.apply(minutes);
        } catch (MinutesException e) {
            host.say(e.getMessage(), true);
            return;
        }
        host.say(null, false);
        setDirty(true);
        utterances.show(minutes);
        marks.show(minutes);
    }

    private void correct(String utteranceId, String text) {
        edit(m -> MinutesEdits.correct(m, utteranceId, text));
    }

    private void mergeWithNext() {
        utterances.commit();
        utterances.selected().ifPresent(u -> edit(m -> MinutesEdits.mergeWithNext(m, u.id())));
    }

    private void splitAtCaret() {
        int caret = utterances.caret();
        utterances.commit();
        utterances.selected().ifPresent(u -> edit(m -> MinutesEdits.split(m, u.id(), caret)));
    }

    private void mapSpeakers() {
        utterances.commit();
        SpeakerDialog dialog = new SpeakerDialog(root.getShell(), messages, minutes, service::findStaff);
        if (dialog.open() != Window.OK || dialog.result().isEmpty()) {
            return;
        }
        edit(m -> {
            Minutes mapped = m;
            for (Map.Entry<String, Attendee> e : dialog.result().get().entrySet()) {
                mapped = MinutesEdits.mapSpeaker(mapped, e.getKey(), e.getValue());
            }
            return mapped;
        });
    }

    private void markDecision() {
        utterances.commit();
        utterances.selected().ifPresent(u -> edit(m -> MinutesEdits.markDecision(m, u.id(), null)));
    }

    private void markAction() {
        utterances.commit();
        Optional<MinutesUtterance> u = utterances.selected();
        if (u.isEmpty()) {
            return;
        }
        Attendee speaker = minutes.speakers().get(u.get().speaker());
        java.util.List<Attendee> people = new java.util.ArrayList<>(minutes.header().attendees());
        if (speaker != null && !people.contains(speaker)) {
            people.addFirst(speaker);
        }
        ActionItemDialog dialog = new ActionItemDialog(root.getShell(), messages, u.get().text(), people,
                service::findStaff, minutes.header().startsAt().toLocalDate());
        if (dialog.open() == Window.OK && dialog.result().isPresent()) {
            ActionItemDialog.ActionChoice c = dialog.result().get();
            edit(m -> MinutesEdits.addActionItem(m, u.get().id(), c.text(), c.assignee(), c.due()));
        }
    }

    private void editHeader() {
        utterances.commit();
        HeaderDialog dialog = new HeaderDialog(root.getShell(), messages, texts, minutes.header(), service::findStaff);
        if (dialog.open() == Window.OK && dialog.result().isPresent()) {
            minutes = minutes.withHeader(dialog.result().get());
            setDirty(true);
            fill();
        }
    }

    // --- save, export, send

    void save() {
        if (entry == null || !entry.editable()) {
            return;
        }
        utterances.commit();
        Minutes saving = minutes;
        try {
            service.save(saving, baseVersion); // a local queue: quick, and it works offline
        } catch (RuntimeException e) {
            host.say(e.getMessage(), true);
            return;
        }
        baseVersion++;
        setDirty(false);
        host.say(messages.minutes_saved, false);
        host.changed();
    }

    private void export() {
        if (entry == null) {
            return;
        }
        utterances.commit();
        if (dirty) {
            save(); // what is written is what is shown
        }
        ExportFormat chosen = FORMATS[Math.max(0, format.getSelectionIndex())];
        Optional<Path> target = host.files().chooseTarget(root.getShell(), texts.fileName(minutes.header(), chosen));
        if (target.isEmpty()) {
            return;
        }
        String id = entry.id();
        host.say(MessageFormat.format(messages.minutes_exporting, target.get().getFileName()), false);
        BackgroundCall.named(messages.minutes_exportJob, monitor -> {
            service.export(id, chosen, target.get());
            return target.get();
        }).onSuccess(written -> host.say(MessageFormat.format(messages.minutes_exported, written), false))
                .onFailure(failure -> host.say(MessageFormat.format(messages.minutes_exportFailed,
                        failure.getMessage()), true))
                .start(ui);
    }

    private void send() {
        if (entry == null || dirty) {
            return;
        }
        SendDialog dialog = new SendDialog(root.getShell(), messages, minutes.header().title(),
                service.classifications());
        if (dialog.open() != Window.OK || dialog.result().isEmpty()) {
            return;
        }
        try {
            service.send(entry.id(), baseVersion, dialog.result().get());
        } catch (RuntimeException e) {
            host.say(e.getMessage(), true);
            return;
        }
        host.say(messages.minutes_sending, false);
        host.changed();
    }
}
