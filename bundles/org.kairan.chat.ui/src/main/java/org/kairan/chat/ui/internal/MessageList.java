package org.kairan.chat.ui.internal;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ConversationKind;
import org.kairan.chat.ui.ChatUiConstants;

/**
 * The open conversation's messages: a day separator in 和暦 before each day, and per message the sender's 氏名, the
 * time (HH:mm), （訂正済み）, 送信待ち / 既読 / 既読 N (the readers' names as its tooltip and on a click), the text exactly
 * as typed with the names called with @ highlighted, a shared file with its size and 「保存…」, a linked 決裁's
 * 「決裁を開く」. Scrolling to the top asks for earlier messages. A message a search hit led to is marked and scrolled
 * into view.
 */
final class MessageList {

    /** What the list asks of the part. */
    interface Actions {
        void save(ChatFile file);

        void openKessai(String kessaiId);

        /** The list was scrolled to its top: load earlier messages. */
        void earlier();

        /** A message's readers were clicked: say who read it. */
        void say(String text);
    }

    private final ScrolledComposite scroller;
    private final Composite content;
    private final ChatTexts texts;
    private final Supplier<ZoneId> zone;
    private final Actions actions;
    private final Font bold;
    private final Color outgoingBackground;
    private final Color mentionBackground;
    private final Color gray;
    private final Color blue;
    private final Color foundBackground;
    private boolean atTopAsked;
    /** The message a search hit led to, marked until another conversation is shown; or null. */
    private String found;

    MessageList(Composite parent, ChatTexts texts, Supplier<ZoneId> zone, Actions actions) {
        this.texts = texts;
        this.zone = zone;
        this.actions = actions;
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.BORDER);
        scroller.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGES);
        scroller.setExpandHorizontal(true);
        scroller.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        content = new Composite(scroller, SWT.NONE);
        content.setBackground(scroller.getBackground());
        GridLayoutFactory.fillDefaults().margins(8, 8).spacing(0, 6).applyTo(content);
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> relayout(false));
        scroller.getVerticalBar().setIncrement(24);
        scroller.getVerticalBar().addListener(SWT.Selection, e -> {
            if (scroller.getVerticalBar().getSelection() == 0 && !atTopAsked) {
                atTopAsked = true;
                actions.earlier();
            }
        });
        bold = FontDescriptor.createFrom(parent.getFont()).setStyle(SWT.BOLD).createFont(parent.getDisplay());
        outgoingBackground = new Color(new RGB(0xE8, 0xF1, 0xFB));
        mentionBackground = new Color(new RGB(0xFF, 0xE8, 0x8A));
        foundBackground = new Color(new RGB(0xFF, 0xF6, 0xC8));
        gray = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY);
        blue = new Color(new RGB(0x1F, 0x5F, 0xA8));
        scroller.addListener(SWT.Dispose, e -> bold.dispose());
    }

    Control control() {
        return scroller;
    }

    /** Whether the list shows its last message (new ones then scroll into view). */
    private boolean atEnd() {
        Point size = content.getSize();
        return scroller.getOrigin().y + scroller.getClientArea().height >= size.y - 24;
    }

    /**
     * Shows the messages.
     *
     * @param keepFromBottom whether earlier messages were added at the top (the view stays on the message it showed)
     * @param toEnd          whether to scroll to the last message
     */
    void show(List<ChatMessage> messages, ConversationKind kind, Collection<String> names, UnaryOperator<String> nameOf,
            boolean keepFromBottom, boolean toEnd) {
        boolean follow = toEnd || atEnd();
        int oldHeight = content.getSize().y;
        int oldY = scroller.getOrigin().y;
        scroller.setRedraw(false);
        try {
            for (Control c : content.getChildren()) {
                c.dispose();
            }
            for (MessageRows.Row row : MessageRows.of(messages, zone.get())) {
                switch (row) {
                    case MessageRows.Day day -> daySeparator(day);
                    case MessageRows.Line line -> message(line.message(), kind, names, nameOf);
                }
            }
            relayout(false);
            int newHeight = content.getSize().y;
            if (keepFromBottom) {
                scroller.setOrigin(0, Math.max(0, newHeight - oldHeight + oldY));
            } else if (follow) {
                scroller.setOrigin(0, newHeight);
            }
        } finally {
            scroller.setRedraw(true);
        }
        atTopAsked = scroller.getVerticalBar().getSelection() == 0 && newHeightFits();
    }

    private boolean newHeightFits() {
        return content.getSize().y <= scroller.getClientArea().height;
    }

    /** Lets the list ask for earlier messages again (after a page came, or none could). */
    void allowEarlier() {
        atTopAsked = false;
    }

    void clear() {
        found = null;
        for (Control c : content.getChildren()) {
            c.dispose();
        }
        relayout(false);
    }

    /** Forgets the message marked as found (another conversation is shown). */
    void forgetFound() {
        found = null;
    }

    /**
     * Marks the message a search hit led to and scrolls it into view, a third from the top.
     *
     * @return whether it is shown
     */
    boolean reveal(String messageId) {
        for (Control c : content.getChildren()) {
            if (c.getData(ChatUiConstants.DATA_MESSAGE) instanceof ChatMessage m && m.id().equals(messageId)) {
                found = messageId;
                c.setData(ChatUiConstants.DATA_FOUND, Boolean.TRUE);
                paint(c, foundBackground);
                scroller.setOrigin(0, Math.max(0, c.getLocation().y - scroller.getClientArea().height / 3));
                return true;
            }
        }
        return false;
    }

    private static void paint(Control control, Color background) {
        control.setBackground(background);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                paint(child, background);
            }
        }
    }

    private void relayout(boolean unused) {
        int width = scroller.getClientArea().width;
        if (width <= 0) {
            return;
        }
        Point size = content.computeSize(width, SWT.DEFAULT);
        content.setSize(width, size.y);
        content.layout(true, true);
    }

    private void daySeparator(MessageRows.Day day) {
        Label label = new Label(content, SWT.CENTER);
        label.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_DAY);
        label.setText("――　" + texts.day(day.day()) + "　――");
        label.setForeground(gray);
        label.setBackground(content.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(label);
    }

    private void message(ChatMessage m, ConversationKind kind, Collection<String> names, UnaryOperator<String> nameOf) {
        boolean isFound = m.id().equals(found);
        Color background = isFound ? foundBackground : m.outgoing() ? outgoingBackground : content.getBackground();
        Composite row = new Composite(content, SWT.NONE);
        row.setData(ChatUiConstants.DATA_MESSAGE, m);
        if (isFound) {
            row.setData(ChatUiConstants.DATA_FOUND, Boolean.TRUE);
        }
        row.setBackground(background);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().margins(6, 4).spacing(8, 2).numColumns(4).applyTo(row);

        Label sender = new Label(row, SWT.NONE);
        sender.setText(m.senderName());
        sender.setFont(bold);
        sender.setBackground(background);
        Label time = new Label(row, SWT.NONE);
        time.setText(texts.time(m.sentAt(), zone.get()));
        time.setForeground(gray);
        time.setBackground(background);
        Label corrected = new Label(row, SWT.NONE);
        corrected.setText(m.corrected() ? texts.messages().chat_corrected : "");
        corrected.setForeground(gray);
        corrected.setBackground(background);
        Label state = new Label(row, SWT.NONE);
        state.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGE_STATE);
        state.setText(texts.delivery(m, kind));
        state.setForeground(m.delivery() == ChatMessage.Delivery.WAITING ? gray : blue);
        state.setBackground(background);
        String readers = texts.readers(m, nameOf);
        if (!readers.isEmpty()) {
            state.setToolTipText(readers);
            state.setCursor(state.getDisplay().getSystemCursor(SWT.CURSOR_HAND));
            state.addListener(SWT.MouseUp, e -> actions.say(readers));
        }
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(state);

        if (m.file() != null) {
            Composite file = new Composite(row, SWT.NONE);
            file.setBackground(background);
            GridDataFactory.fillDefaults().span(4, 1).applyTo(file);
            GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 0).applyTo(file);
            Label name = new Label(file, SWT.NONE);
            name.setText(m.file().name() + "（" + texts.size(m.file().size()) + "）");
            name.setBackground(background);
            Button save = new Button(file, SWT.PUSH);
            save.setText(texts.messages().chat_save);
            save.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGE_SAVE);
            save.addListener(SWT.Selection, e -> actions.save(m.file()));
        } else {
            StyledText body = new StyledText(row, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI);
            body.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGE_TEXT);
            body.setText(m.body());
            body.setBackground(background);
            body.setCaret(null);
            for (MessageRows.Span span : MessageRows.mentions(m.body(), names)) {
                StyleRange style = new StyleRange(span.start(), span.length(), blue, mentionBackground);
                style.font = bold;
                body.setStyleRange(style);
            }
            GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(100, SWT.DEFAULT).applyTo(body);
        }
        if (m.kessaiId() != null) {
            Link link = new Link(row, SWT.NONE);
            link.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGE_KESSAI);
            link.setText(texts.messages().chat_openKessai);
            link.setBackground(background);
            link.addListener(SWT.Selection, e -> actions.openKessai(m.kessaiId()));
            GridDataFactory.fillDefaults().span(4, 1).applyTo(link);
        }
    }

    /** For tests and the scroll: the list's scrolling parent. */
    ScrolledComposite scroller() {
        return scroller;
    }

    /** Every message shown, for whoever needs it (the correction looks for the user's last). */
    static void forEach(Composite content, Consumer<ChatMessage> action) {
        for (Control c : content.getChildren()) {
            if (c.getData(ChatUiConstants.DATA_MESSAGE) instanceof ChatMessage m) {
                action.accept(m);
            }
        }
    }
}
