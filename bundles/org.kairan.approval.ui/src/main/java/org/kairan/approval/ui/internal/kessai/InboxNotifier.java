package org.kairan.approval.ui.internal.kessai;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolTip;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxNotice;

/**
 * Tells the person that something arrived for them (承認待ち, 後閲, 差戻し): a balloon at the bottom right of the
 * main window, one line per folder with the titles, hidden again after a while or on a click.
 */
final class InboxNotifier {

    private final KessaiTexts texts;
    private ToolTip balloon;
    private String lastText = "";

    InboxNotifier(KessaiTexts texts) {
        this.texts = texts;
    }

    /** The text of the last notification shown (for tests and the accessibility of the balloon). */
    String lastText() {
        return lastText;
    }

    void show(Shell shell, InboxNotice notice) {
        if (notice.arrived().isEmpty() || shell == null || shell.isDisposed()) {
            return;
        }
        Map<InboxFolder, List<String>> byFolder = new LinkedHashMap<>();
        notice.arrived().forEach(a -> byFolder.computeIfAbsent(a.folder(), f -> new ArrayList<>()).add(a.title()));
        List<String> lines = new ArrayList<>();
        byFolder.forEach((folder, titles) -> lines.add(MessageFormat.format(texts.messages().kessai_notice_arrived,
                texts.folder(folder), titles.size(), String.join("、", titles))));
        lastText = String.join("\n", lines);
        if (balloon == null || balloon.isDisposed()) {
            balloon = new ToolTip(shell, SWT.BALLOON | SWT.ICON_INFORMATION);
        }
        balloon.setText(texts.messages().kessai_notice_title);
        balloon.setMessage(lastText);
        Rectangle area = shell.getClientArea();
        balloon.setLocation(shell.toDisplay(area.x + area.width - 40, area.y + area.height - 40));
        balloon.setAutoHide(true);
        balloon.setVisible(true);
    }
}
