package org.kairan.minutes.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.minutes.PlaybackException;
import org.kairan.client.minutes.RecordingPlayer;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.GridVisibility;

/**
 * 発言から再生 and 停止, for minutes with a recording: the recording is brought to this desktop once (in the
 * background), then played from the selected utterance's time; while it plays, the time heard is shown and the
 * utterance being said is marked in the table. Showing other minutes or closing the view stops the sound. Minutes
 * without one (imported from a file) offer 録音を付ける… instead: the meeting's recording is kept on the server.
 */
final class PlaybackControls {

    /** How often the time heard and the marked utterance follow the sound. */
    private static final int FOLLOW_MILLIS = 200;

    /** What the controls ask of the editor around them. */
    interface Editor {
        /** The minutes shown (null: none). */
        Minutes minutes();

        /** The utterance chosen in the table, if any. */
        Optional<MinutesUtterance> selected();

        /** Marks the utterance being heard (empty: none). */
        void heard(Optional<String> utteranceId);

        void say(String text, boolean problem);

        /** Whether the minutes shown may be changed (not sent for 決裁). */
        boolean editable();

        /** The meeting's recording chosen by the person, or empty. */
        Optional<Path> chooseRecording();

        /** The recording kept on the server for the minutes shown (a job's id): they are played from it once saved. */
        void recordingKept(String recordingId);
    }

    /** How often the server is asked whether a recording being kept is converted. */
    private static final long POLL_MILLIS = 500;

    private final Messages messages;
    private final MinutesService service;
    private final RecordingPlayer player;
    private final UISynchronize ui;
    private final Editor editor;
    private final Composite row;
    private final Button play;
    private final Button stop;
    private final Button attach;
    private final Label position;
    private String playingMinutes;
    private boolean loading;
    /** Counts plays and stops: a recording that arrives after a later play or a stop is not played. */
    private long asked;

    PlaybackControls(Composite parent, Messages messages, MinutesService service, RecordingPlayer player,
            UISynchronize ui, Editor editor) {
        this.messages = messages;
        this.service = service;
        this.player = player;
        this.ui = ui;
        this.editor = editor;
        row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(row);
        play = button(messages.minutes_play, MinutesUiConstants.ID_PLAY, this::play);
        play.setToolTipText(messages.minutes_play_tooltip);
        stop = button(messages.minutes_stop, MinutesUiConstants.ID_STOP, this::stop);
        attach = button(messages.minutes_attachRecording, MinutesUiConstants.ID_ATTACH_RECORDING, this::attach);
        attach.setToolTipText(messages.minutes_attachRecording_tooltip);
        position = new Label(row, SWT.NONE);
        position.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_PLAYBACK);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(position);
        row.addListener(SWT.Dispose, e -> player.stop());
        show(null);
    }

    /** A button of the row, laid out by grid data (so that {@link GridVisibility} can hide it). */
    private Button button(String text, String id, Runnable action) {
        Button b = PushButtons.of(row, text, id, action);
        GridDataFactory.swtDefaults().applyTo(b);
        return b;
    }

    /** Follows the minutes shown: other minutes stop the sound; minutes without a recording hide the controls. */
    void show(Minutes minutes) {
        if (playingMinutes != null && (minutes == null || !minutes.id().equals(playingMinutes))) {
            stop();
        }
        boolean sound = minutes != null && minutes.hasRecording();
        boolean changed = GridVisibility.set(play, sound) | GridVisibility.set(stop, sound)
                | GridVisibility.set(attach, minutes != null && !sound && editor.editable());
        GridVisibility.show(row, minutes != null && (sound || editor.editable()));
        if (changed) {
            row.layout(true);
        }
        enable();
    }

    private void enable() {
        boolean playing = playingMinutes != null;
        play.setEnabled(!loading && editor.minutes() != null && editor.minutes().hasRecording());
        stop.setEnabled(playing || loading);
        attach.setEnabled(!loading && editor.editable());
        if (!playing && !loading) {
            position.setText("");
        }
    }

    /** Plays from the selected utterance (from the start when none is selected). */
    private void play() {
        Minutes minutes = editor.minutes();
        if (minutes == null || !minutes.hasRecording()) {
            return;
        }
        Duration from = editor.selected().map(MinutesUtterance::start).orElse(Duration.ZERO);
        loading = true;
        position.setText(messages.minutes_loadingRecording);
        enable();
        String id = minutes.id();
        long mine = ++asked;
        BackgroundCall.named(messages.minutes_recordingJob, monitor -> service.recording(id))
                .onSuccess(wav -> {
                    if (mine == asked) {
                        start(id, wav, from);
                    }
                })
                .onFailure(failure -> {
                    if (mine == asked && !row.isDisposed()) {
                        loading = false;
                        editor.say(failure.getMessage(), true);
                        enable();
                    }
                }).start(ui);
    }

    private void start(String minutesId, Path wav, Duration from) {
        loading = false;
        if (row.isDisposed() || editor.minutes() == null || !editor.minutes().id().equals(minutesId)) {
            return; // other minutes are shown by now
        }
        try {
            player.play(wav, from);
        } catch (PlaybackException e) {
            editor.say(e.getMessage(), true);
            enable();
            return;
        }
        playingMinutes = minutesId;
        editor.say(null, false);
        follow();
    }

    /**
     * 録音を付ける…: the meeting's recording (audio or video: the server converts it) is sent and kept without
     * transcription, for minutes whose transcript came from a file; once converted, the minutes are played from it.
     */
    private void attach() {
        Optional<Path> file = editor.chooseRecording();
        Minutes minutes = editor.minutes();
        if (file.isEmpty() || minutes == null) {
            return;
        }
        loading = true;
        position.setText(MessageFormat.format(messages.minutes_keepingRecording, file.get().getFileName()));
        enable();
        String id = minutes.id();
        long mine = ++asked;
        BackgroundCall.named(messages.minutes_recordingJob, monitor -> {
            TranscriptionJob job = service.keepRecording(file.get());
            while (!job.finished()) {
                if (monitor.isCanceled()) {
                    service.cancelTranscription(job.id());
                    throw new IllegalStateException(messages.minutes_keepCancelled);
                }
                Thread.sleep(POLL_MILLIS);
                job = service.transcription(job.id());
            }
            if (!job.done()) {
                throw new IllegalStateException(job.error() != null ? job.error() : job.status());
            }
            return job.id();
        }).onSuccess(recording -> {
            if (mine != asked || row.isDisposed()) {
                return;
            }
            loading = false;
            if (editor.minutes() != null && editor.minutes().id().equals(id)) {
                editor.recordingKept(recording);
                editor.say(messages.minutes_recordingKept, false);
            }
            enable();
        }).onFailure(failure -> {
            if (mine == asked && !row.isDisposed()) {
                loading = false;
                editor.say(failure.getMessage(), true);
                enable();
            }
        }).start(ui);
    }

    /** Shows the time heard and marks its utterance, until the sound ends or is stopped. */
    private void follow() {
        if (row.isDisposed() || playingMinutes == null) {
            return;
        }
        Optional<Duration> at = player.position();
        if (at.isEmpty()) {
            stopped();
            return;
        }
        position.setText(MessageFormat.format(messages.minutes_playing, MinutesTexts.offset(at.get())));
        editor.heard(utteranceAt(editor.minutes(), at.get()));
        enable();
        row.getDisplay().timerExec(FOLLOW_MILLIS, this::follow);
    }

    /** The utterance being said at a time of the recording: the last to start by then. */
    static Optional<String> utteranceAt(Minutes minutes, Duration at) {
        String said = null;
        for (MinutesUtterance u : minutes.utterances()) {
            if (u.start().compareTo(at) > 0) {
                break;
            }
            said = u.id();
        }
        return Optional.ofNullable(said);
    }

    void stop() {
        asked++;
        player.stop();
        stopped();
    }

    private void stopped() {
        playingMinutes = null;
        loading = false;
        if (!row.isDisposed()) {
            editor.heard(Optional.empty());
            enable();
        }
    }
}
