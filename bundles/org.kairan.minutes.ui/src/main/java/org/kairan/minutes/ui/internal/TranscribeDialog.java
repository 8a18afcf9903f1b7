package org.kairan.minutes.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.TranscriptionJob;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;

/**
 * 録音から文字起こし: the meeting's language (a language whose model the server lacks is named with the server's
 * own message and cannot be started), then the upload and the server's job with its progress, polled every second.
 * 取消 while the job runs stops it on the server and shows the server's 取消 (開始 starts it again; 取消 then closes);
 * closing the window stops it too. At 完了 the dialog stays with the server's words until 「議事録を作成…」 ends it
 * with OK; a 失敗 keeps its reason in view.
 */
final class TranscribeDialog extends org.kairan.ui.TitledDialog {

    private static final int POLL_MILLIS = 1000;

    private final Messages messages;
    private final MinutesService service;
    private final UISynchronize ui;
    private final Path recording;
    private List<SpeechLanguage> languages = List.of();
    private Combo language;
    private Label status;
    private ProgressBar progress;
    private TranscriptionJob job;
    /** 取消 pressed while the job runs: waiting for the server to say 取消. */
    private boolean cancelling;
    private boolean closed;

    TranscribeDialog(Shell parent, Messages messages, MinutesService service, UISynchronize ui, Path recording) {
        super(parent, messages.minutes_sttTitle);
        this.messages = messages;
        this.service = service;
        this.ui = ui;
        this.recording = recording;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.minutes_sttTitle);
        setMessage(MessageFormat.format(messages.minutes_sttMessage, recording.getFileName()));
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(messages.minutes_stt_language);
        language = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        language.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_STT_LANGUAGE);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(language);
        language.addListener(SWT.Selection, e -> languageChosen());
        progress = new ProgressBar(page, SWT.HORIZONTAL);
        progress.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_STT_PROGRESS);
        progress.setMaximum(100);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(progress);
        status = new Label(page, SWT.WRAP);
        status.setData(MinutesUiConstants.WIDGET_ID, MinutesUiConstants.ID_STT_STATUS);
        status.setText(messages.minutes_stt_loading);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);
        BackgroundCall.named(messages.minutes_sttLanguagesJob, monitor -> service.languages()).onSuccess(found -> {
            if (closed) {
                return;
            }
            languages = found;
            language.setItems(found.stream().map(l -> l.installed() ? l.name()
                    : MessageFormat.format(messages.minutes_stt_notInstalled, l.name())).toArray(String[]::new));
            int ja = 0;
            for (int i = 0; i < found.size(); i++) {
                if (found.get(i).language().equals("ja")) {
                    ja = i;
                }
            }
            if (!found.isEmpty()) {
                language.select(ja);
            }
            languageChosen();
        }).onFailure(failure -> say(MessageFormat.format(messages.minutes_stt_failed, failure.getMessage()), true))
                .start(ui);
        return area;
    }

    private Optional<SpeechLanguage> chosenLanguage() {
        int at = language.getSelectionIndex();
        return at >= 0 && at < languages.size() ? Optional.of(languages.get(at)) : Optional.empty();
    }

    private void languageChosen() {
        Optional<SpeechLanguage> chosen = chosenLanguage();
        boolean ready = chosen.map(SpeechLanguage::installed).orElse(false);
        if (chosen.isPresent() && !ready) {
            say(chosen.get().message() == null ? messages.minutes_stt_noModel : chosen.get().message(), true);
        } else {
            say(chosen.isPresent() ? messages.minutes_stt_ready : messages.minutes_stt_noLanguages, chosen.isEmpty());
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(ready && job == null);
        }
    }

    private void say(String text, boolean problem) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text);
        status.setForeground(status.getDisplay().getSystemColor(problem ? SWT.COLOR_DARK_RED : SWT.COLOR_WIDGET_FOREGROUND));
        status.getParent().layout(true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.minutes_stt_start, messages.minutes_stt_cancel);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.OK_ID) {
            if (job != null && job.done()) {
                super.buttonPressed(buttonId); // 議事録を作成…
            } else {
                start();
            }
            return;
        }
        if (job != null && !job.finished()) {
            cancel(); // the dialog stays to show the server's 取消
            return;
        }
        super.buttonPressed(buttonId);
    }

    private void start() {
        String code = chosenLanguage().map(SpeechLanguage::language).orElse(null);
        if (code == null) {
            return;
        }
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        language.setEnabled(false);
        cancelling = false;
        say(messages.minutes_stt_uploading, false);
        BackgroundCall.named(messages.minutes_sttUploadJob, monitor -> service.startTranscription(recording, code))
                .onSuccess(started -> {
                    job = started;
                    if (closed) {
                        close(); // closed while the recording was sent: stop the job it became
                        return;
                    }
                    showJob();
                }).onFailure(failure -> {
                    if (!closed) {
                        say(failure.getMessage(), true);
                        language.setEnabled(true);
                        languageChosen();
                    }
                }).start(ui);
    }

    private void showJob() {
        if (closed || progress.isDisposed()) {
            return;
        }
        progress.setSelection(job.progress());
        if (cancelling && !job.finished()) {
            say(messages.minutes_sttCancelJob + "…", false);
        } else {
            say(job.status() + (job.note() == null ? "" : "（" + job.note() + "）"), "FAILED".equals(job.state()));
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (job.done()) {
            cancelling = false;
            ok.setText(messages.minutes_stt_make); // the transcript is ready: the person says when to go on
            setButtonLayoutData(ok); // as wide as its new words
            ok.setEnabled(true);
            getShell().layout(true, true);
            return;
        }
        if (job.finished()) { // 取消 or 失敗: said above, and kept in view; 開始 can be pressed again
            cancelling = false;
            job = null;
            language.setEnabled(true);
            ok.setEnabled(chosenLanguage().map(SpeechLanguage::installed).orElse(false));
            return;
        }
        getShell().getDisplay().timerExec(POLL_MILLIS, this::poll);
    }

    private void poll() {
        if (closed || job == null) {
            return;
        }
        String id = job.id();
        BackgroundCall.named(messages.minutes_sttPollJob, monitor -> service.transcription(id)).onSuccess(now -> {
            job = now;
            showJob();
        }).onFailure(failure -> {
            if (!closed) {
                say(failure.getMessage(), true);
                getShell().getDisplay().timerExec(POLL_MILLIS * 5, this::poll); // the network may come back
            }
        }).quiet().start(ui);
    }

    /** 取消 while the job runs: the server stops it; polling shows its 取消. */
    private void cancel() {
        if (cancelling) {
            return;
        }
        cancelling = true;
        say(messages.minutes_sttCancelJob + "…", false);
        String id = job.id();
        BackgroundCall.named(messages.minutes_sttCancelJob, monitor -> {
            service.cancelTranscription(id);
            return null;
        }).onFailure(failure -> {
            if (!closed) {
                cancelling = false;
                say(failure.getMessage(), true);
            }
        }).start(ui);
    }

    @Override
    public boolean close() {
        if (job != null && !job.finished()) {
            String id = job.id(); // 取消 (or the window closed) while it runs: stop it on the server
            BackgroundCall.named(messages.minutes_sttCancelJob, monitor -> {
                service.cancelTranscription(id);
                return null;
            }).start(ui);
            job = null;
        }
        closed = true;
        return super.close();
    }

    /** The finished job (after OK). */
    Optional<TranscriptionJob> job() {
        return Optional.ofNullable(job);
    }
}
