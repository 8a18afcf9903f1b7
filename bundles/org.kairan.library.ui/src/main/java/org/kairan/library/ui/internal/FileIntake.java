package org.kairan.library.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.e4.ui.di.UISynchronize;
import org.kairan.client.documents.LibraryService;
import org.kairan.client.sync.FileNotAcceptedException;
import org.kairan.library.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;

/**
 * Files on their way into a 課's library, for the 文書庫 to list above its documents: the files and folders dropped
 * or chosen (folders recursed, hidden files left out) are listed at once as 準備中, then copied into the outbox and
 * queued one after the other in a job; a file refused here (empty, too large, unreadable) stays listed with the
 * reason until the next files are added. Called on the UI thread.
 */
final class FileIntake {

    /** A file being copied into the outbox ({@code refusal} null), or refused there. */
    record LocalFile(Path path, String name, String refusal) {
    }

    /** What the 文書庫 does when the intake moves on. */
    interface Screen {
        /** The files listed changed: list them again. */
        void filesChanged();

        /** A file reached the outbox or was refused: read the library again. */
        void fileStaged();

        /** Shows the message, or hides it ({@code null}). */
        void say(String message);

        boolean isDisposed();
    }

    private final LibraryService library;
    private final UISynchronize ui;
    private final Messages messages;
    private final Screen screen;
    private final List<LocalFile> files = new ArrayList<>();

    FileIntake(LibraryService library, UISynchronize ui, Messages messages, Screen screen) {
        this.library = library;
        this.ui = ui;
        this.messages = messages;
        this.screen = screen;
    }

    /** The files being added or refused, in the order they came. */
    List<LocalFile> files() {
        return List.copyOf(files);
    }

    /** Forgets them (another 課 or another user). */
    void clear() {
        files.clear();
    }

    /** Files the files and folders in the library of {@code unit}. */
    void add(String unit, List<Path> dropped) {
        files.removeIf(f -> f.refusal() != null);
        BackgroundCall.named(messages.library_addJob, monitor -> DroppedFiles.expand(dropped)).onSuccess(expanded -> {
            if (screen.isDisposed()) {
                return;
            }
            for (Path f : expanded) {
                files.add(new LocalFile(f, String.valueOf(f.getFileName()), null));
            }
            screen.filesChanged();
            stage(unit, expanded);
        }).onFailure(failure -> screen.say(failure.getMessage())).start(ui);
    }

    private void stage(String unit, List<Path> expanded) {
        BackgroundCall.named(messages.library_addJob, monitor -> {
            monitor.beginTask(messages.library_addJob, expanded.size());
            List<String> refusals = new ArrayList<>();
            for (Path file : expanded) {
                String refusal = null;
                try {
                    library.add(unit, file);
                } catch (FileNotAcceptedException e) {
                    refusal = refusal(file, e);
                } catch (IOException | RuntimeException e) {
                    refusal = MessageFormat.format(messages.library_unreadable, file.getFileName(),
                            Objects.requireNonNullElse(e.getMessage(), e.toString()));
                }
                String why = refusal;
                if (why != null) {
                    refusals.add(why);
                }
                ui.asyncExec(() -> staged(file, why));
                monitor.worked(1);
            }
            return refusals;
        }).onSuccess(refusals -> {
            if (!screen.isDisposed()) {
                screen.say(refusals.isEmpty() ? MessageFormat.format(messages.library_added, expanded.size())
                        : MessageFormat.format(messages.library_someRefused, refusals.size(), String.join("／", refusals)));
            }
        }).start(ui);
    }

    /** A file is in the outbox (its line now comes from the service) or was refused (its line says why). */
    private void staged(Path file, String refusal) {
        if (screen.isDisposed()) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().equals(file) && files.get(i).refusal() == null) {
                if (refusal == null) {
                    files.remove(i);
                } else {
                    files.set(i, new LocalFile(file, files.get(i).name(), refusal));
                }
                break;
            }
        }
        screen.fileStaged();
    }

    /** Why a file was not taken, in the user's words (a new file or a new version alike). */
    String refusal(Path file, FileNotAcceptedException refused) {
        return switch (refused.reason()) {
            case EMPTY -> MessageFormat.format(messages.library_empty, file.getFileName());
            case TOO_LARGE -> MessageFormat.format(messages.library_tooLarge, file.getFileName(), refused.getMessage());
            default -> refused.getMessage();
        };
    }
}
