package org.kairan.minutes.ui.internal;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.kairan.minutes.ui.MinutesFiles;
import org.kairan.minutes.ui.nls.Messages;

/** {@link MinutesFiles} through the system's file dialogs. */
final class DialogMinutesFiles implements MinutesFiles {

    private final Messages messages;

    DialogMinutesFiles(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Path> chooseTranscript(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(messages.minutes_chooseTranscript);
        dialog.setFilterExtensions(new String[] { "*.vtt;*.srt;*.txt", "*" });
        dialog.setFilterNames(new String[] { messages.minutes_transcriptFiles, messages.minutes_allFiles });
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    @Override
    public Optional<Path> chooseRecording(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText(messages.minutes_chooseRecording);
        dialog.setFilterExtensions(new String[] { "*.wav;*.mp3;*.m4a;*.mp4;*.ogg;*.opus;*.flac;*.webm", "*" });
        dialog.setFilterNames(new String[] { messages.minutes_recordingFiles, messages.minutes_allFiles });
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    @Override
    public Optional<Path> chooseTarget(Shell shell, String fileName) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(messages.minutes_exportTitle);
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }
}
