package org.kairan.chat.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolTip;

/**
 * Tells the person that a chat message arrived where they are not looking (another conversation, another tab, another
 * window) or that a message names them: a balloon at the bottom right of the main window, like the 決裁 tab's, hidden
 * again after a while or on a click.
 */
final class ChatNotifier {

    private final ChatTexts texts;
    private ToolTip balloon;
    private String lastText = "";

    ChatNotifier(ChatTexts texts) {
        this.texts = texts;
    }

    /** The text of the last notification shown (for tests and the accessibility of the balloon). */
    String lastText() {
        return lastText;
    }

    void show(Shell shell, String line) {
        if (shell == null || shell.isDisposed() || line == null || line.isBlank()) {
            return;
        }
        lastText = line;
        if (balloon == null || balloon.isDisposed()) {
            balloon = new ToolTip(shell, SWT.BALLOON | SWT.ICON_INFORMATION);
        }
        balloon.setText(texts.messages().chat_notice_title);
        balloon.setMessage(line);
        Rectangle area = shell.getClientArea();
        balloon.setLocation(shell.toDisplay(area.x + area.width - 40, area.y + area.height - 40));
        balloon.setAutoHide(true);
        balloon.setVisible(true);
    }
}
