package org.kairan.minutes.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;

/**
 * Where the 議事録 view asks the person for files. By default the system's file dialogs; an application (or a UI
 * test, which cannot drive a native dialog) may put its own into the window's Eclipse context under this class.
 */
public interface MinutesFiles {

    /** A transcript to import (.vtt, .srt, .txt), or empty when the person changed their mind. */
    Optional<Path> chooseTranscript(Shell shell);

    /** A meeting recording to transcribe (audio or video), or empty. */
    Optional<Path> chooseRecording(Shell shell);

    /** Where to write an export, proposing {@code fileName}; empty when the person changed their mind. */
    Optional<Path> chooseTarget(Shell shell, String fileName);
}
