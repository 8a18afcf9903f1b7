package org.kairan.chat.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatService;
import org.kairan.chat.ui.ChatUiConstants;
import org.kairan.chat.ui.nls.Messages;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.FileDrops;
import org.kairan.ui.GridVisibility;

/**
 * Where the user writes to the open conversation: the input (Enter sends, Shift+Enter breaks the line, ↑ in an
 * empty input or 「訂正」 puts the user's last message in it to be corrected, Esc gives the correction up), 「送信」,
 * and files sent with 「ファイル…」 or dropped, each in a job of its own. What cannot be sent stays in the input and the
 * reason goes to the part's message line.
 */
final class Composer {

    /** What the composer needs of the part. */
    interface Part {
        /** The open conversation's address, or null. */
        String conversation();

        /** Shows a line to the user (null clears it). */
        void say(String text, boolean problem);

        boolean disposed();
    }

    private final ChatService chat;
    private final Messages messages;
    private final ChatTexts texts;
    private final UISynchronize ui;
    private final Part part;
    private final Label correcting;
    private final Text input;
    /** Whether the input holds a correction of the user's last message. */
    private boolean correctingLast;

    Composer(Composite parent, ChatService chat, ChatTexts texts, UISynchronize ui, Part part) {
        this.chat = chat;
        this.messages = texts.messages();
        this.texts = texts;
        this.ui = ui;
        this.part = part;
        correcting = new Label(parent, SWT.WRAP);
        correcting.setText(messages.chat_correcting);
        correcting.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).exclude(true).applyTo(correcting);
        correcting.setVisible(false);

        Composite compose = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(compose);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(6, 4).applyTo(compose);
        input = new Text(compose, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        input.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_INPUT);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, input.getLineHeight() * 3 + 8).applyTo(input);
        input.addListener(SWT.KeyDown, this::keyInInput);
        acceptDroppedFiles(input);
        Composite buttons = new Composite(compose, SWT.NONE);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(4, 0).applyTo(buttons);
        button(buttons, messages.chat_send, ChatUiConstants.ID_SEND, this::send);
        button(buttons, messages.chat_correct, ChatUiConstants.ID_CORRECT, this::startCorrecting);
        button(buttons, messages.chat_file, ChatUiConstants.ID_FILE, this::chooseFile);
    }

    private static void button(Composite bar, String text, String id, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setData(ChatUiConstants.WIDGET_ID, id);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Makes {@code control} send the regular files dropped on it to the open conversation. */
    void acceptDroppedFiles(Control control) {
        FileDrops.accept(control, paths -> sendFiles(paths.stream().filter(Files::isRegularFile).toList()));
    }

    void setFocus() {
        input.setFocus();
    }

    private void keyInInput(Event e) {
        if ((e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR || e.character == '\r')
                && (e.stateMask & SWT.SHIFT) == 0) {
            e.doit = false;
            send();
        } else if (e.keyCode == SWT.ARROW_UP && input.getText().isEmpty()) {
            e.doit = false;
            startCorrecting();
        } else if (e.keyCode == SWT.ESC && correctingLast) {
            e.doit = false;
            cancelCorrecting();
            input.setText("");
        }
    }

    /** Sends what is typed (or the correction); the text stays in the input when it cannot be sent. */
    void send() {
        String text = input.getText();
        String current = part.conversation();
        if (current == null || text.isBlank()) {
            return;
        }
        try {
            if (correctingLast) {
                chat.correctLast(current, text);
            } else {
                chat.send(current, text);
            }
            input.setText("");
            cancelCorrecting();
            part.say(null, false);
        } catch (ChatException e) {
            part.say(texts.error(e, null, -1, -1, text), true);
        }
        input.setFocus();
    }

    /** Puts the user's last message of the conversation into the input, to be corrected and sent with Enter. */
    void startCorrecting() {
        String current = part.conversation();
        if (current == null) {
            return;
        }
        List<ChatMessage> known = chat.messages(current);
        ChatMessage last = null;
        for (int i = known.size() - 1; i >= 0; i--) {
            if (known.get(i).outgoing()) {
                last = known.get(i);
                break;
            }
        }
        if (last == null || last.file() != null) {
            part.say(messages.chat_error_NOTHING_TO_CORRECT, true);
            return;
        }
        correctingLast = true;
        input.setText(last.body());
        input.setSelection(last.body().length());
        GridVisibility.show(correcting, true);
        input.setFocus();
    }

    /** Gives a correction up (another conversation was opened). */
    void cancelCorrecting() {
        correctingLast = false;
        GridVisibility.show(correcting, false);
    }

    private void chooseFile() {
        if (part.conversation() == null) {
            return;
        }
        FileDialog dialog = new FileDialog(input.getShell(), SWT.OPEN | SWT.MULTI);
        dialog.setText(messages.chat_fileTitle);
        if (dialog.open() == null) {
            return;
        }
        Path folder = Path.of(dialog.getFilterPath());
        sendFiles(Arrays.stream(dialog.getFileNames()).map(folder::resolve).toList());
    }

    /** A file that could not be sent, with what the message about it needs. */
    private static final class FileFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ChatException cause;
        final long size;
        final long max;

        FileFailure(ChatException cause, long size, long max) {
            super(cause.getMessage(), cause);
            this.cause = cause;
            this.size = size;
            this.max = max;
        }
    }

    /** Sends each file in a job of its own; progress and refusals show in the message line. */
    void sendFiles(List<Path> files) {
        String address = part.conversation();
        if (address == null) {
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            BackgroundCall.named(messages.chat_fileJob, monitor -> {
                try {
                    return chat.sendFile(address, file);
                } catch (ChatException e) {
                    long size = -1;
                    try {
                        size = Files.size(file);
                    } catch (java.io.IOException | RuntimeException unreadable) {
                        // the message says it cannot be read
                    }
                    throw new FileFailure(e, size, chat.maxFileSize());
                }
            }).onSuccess(sent -> {
                if (!part.disposed()) {
                    part.say(MessageFormat.format(messages.chat_fileSent, name), false);
                }
            }).onFailure(failure -> {
                if (part.disposed()) {
                    return;
                }
                part.say(failure instanceof FileFailure f ? texts.error(f.cause, name, f.size, f.max, null)
                        : MessageFormat.format(messages.chat_error_FAILED, ChatPart.describe(failure)), true);
            }).start(ui);
        }
    }
}
