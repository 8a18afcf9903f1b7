package org.kairan.chat.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.kairan.approval.ui.KessaiOpener;
import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatFile;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.chat.ui.ChatUiConstants;
import org.kairan.chat.ui.nls.Messages;
import org.kairan.client.KairanServerClient;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.GridVisibility;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * チャット: on the left the conversations (the user's 課 rooms first, then 1:1 by recency, unread ones in bold with
 * their count and an @ when one names the user) above the colleagues by 課 with their presence (double-click one to
 * write to them); on the right the open conversation ({@link MessageList}) and where the user writes
 * ({@link Composer}), the user's own presence and the connection's state. What is shown is marked read while the
 * tab is in front; what arrives elsewhere, and every message naming the user, shows a balloon ({@link ChatNotifier}); the tab's
 * label counts the unread messages. Everything comes from {@link ChatService} and its events ({@link ChatTopics}).
 */
public final class ChatPart {

    /** Messages read per scroll to the top. */
    static final int EARLIER_PAGE = 50;
    /** Pages read back at most to reach the message a search hit led to (1,000 messages). */
    static final int REVEAL_PAGES = 20;
    private static final ChatPresence[] CHOOSABLE = { ChatPresence.AVAILABLE, ChatPresence.AWAY, ChatPresence.BUSY };

    private final ChatService chat;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final Messages messages;
    private final ChatTexts texts;
    private final ChatNotifier notifier;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private MPart part;
    private String partLabel;
    private Table conversations;
    private Tree contacts;
    private Label title;
    private Label state;
    private Label message;
    private MessageList list;
    private Composer composer;
    private Combo presence;
    private Font bold;
    private final Map<ChatPresence, Image> dots = new HashMap<>();
    /** The open conversation's address, or null. */
    private String current;
    private ConversationKind currentKind = ConversationKind.DIRECT;
    private String currentName = "";
    private final Set<String> collapsedGroups = new HashSet<>();
    /** Unread counts as last seen, to notice what arrived. */
    private final Map<String, Integer> unreadSeen = new HashMap<>();
    /** The last message received per conversation (what a notification quotes). */
    private final Map<String, ChatMessage> lastReceived = new HashMap<>();
    private boolean messagesDirty;
    private boolean listsDirty;
    private boolean loadingEarlier;
    /** The message a search hit led to, to be shown once the conversation is; or null. */
    private String revealing;
    /** Whether the message line says the open conversation could not be read (cleared once it is). */
    private boolean openFailed;

    @Inject
    public ChatPart(ChatService chat, KairanServerClient client, UISynchronize ui, @Translation Messages messages,
            ECommandService commands, EHandlerService handlers) {
        this.chat = chat;
        this.client = client;
        this.ui = ui;
        this.messages = messages;
        this.commands = commands;
        this.handlers = handlers;
        this.texts = new ChatTexts(messages, Locale.getDefault());
        this.notifier = new ChatNotifier(texts);
    }

    @PostConstruct
    void create(Composite parent, MPart modelPart) {
        this.part = modelPart;
        this.partLabel = modelPart.getLocalizedLabel();
        bold = FontDescriptor.createFrom(parent.getFont()).setStyle(SWT.BOLD).createFont(parent.getDisplay());
        for (ChatPresence p : ChatPresence.values()) {
            dots.put(p, dot(parent, p));
        }
        GridLayoutFactory.fillDefaults().applyTo(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        createLeft(sash);
        createRight(sash);
        sash.setWeights(26, 74);
        showState(chat.state());
        refreshLists();
        showConversation();
    }

    private Image dot(Control parent, ChatPresence p) {
        RGB rgb = switch (p) {
            case AVAILABLE -> new RGB(0x2E, 0xA0, 0x43);
            case AWAY -> new RGB(0xE0, 0xA0, 0x00);
            case BUSY -> new RGB(0xD0, 0x30, 0x30);
            case OFFLINE -> new RGB(0xB0, 0xB0, 0xB0);
        };
        Image image = new Image(parent.getDisplay(), 12, 12);
        GC gc = new GC(image);
        try {
            gc.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
            gc.fillRectangle(0, 0, 12, 12);
            gc.setAntialias(SWT.ON);
            gc.setBackground(new Color(rgb));
            gc.fillOval(1, 1, 10, 10);
        } finally {
            gc.dispose();
        }
        return image;
    }

    @PreDestroy
    void dispose() {
        dots.values().forEach(Image::dispose);
        if (bold != null) {
            bold.dispose();
        }
    }

    private void createLeft(Composite sash) {
        SashForm left = new SashForm(sash, SWT.VERTICAL);
        Composite top = new Composite(left, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(0, 4).applyTo(top);
        Label heading = new Label(top, SWT.NONE);
        heading.setText(messages.chat_conversations);
        heading.setFont(bold);
        conversations = new Table(top, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        conversations.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_CONVERSATIONS);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(conversations);
        conversations.addListener(SWT.Selection, e -> {
            if (e.item != null && e.item.getData() instanceof Conversation c) {
                open(c.address(), c.kind(), c.name());
            }
        });
        Composite bottom = new Composite(left, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(0, 4).applyTo(bottom);
        Label people = new Label(bottom, SWT.NONE);
        people.setText(messages.chat_contacts);
        people.setFont(bold);
        contacts = new Tree(bottom, SWT.SINGLE | SWT.BORDER);
        contacts.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_CONTACTS);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(contacts);
        contacts.addListener(SWT.DefaultSelection, e -> {
            if (e.item != null && e.item.getData() instanceof ChatContact c) {
                open(c.address(), ConversationKind.DIRECT, c.name());
            }
        });
        contacts.addListener(SWT.Collapse, e -> collapsedGroups.add(((TreeItem) e.item).getText()));
        contacts.addListener(SWT.Expand, e -> collapsedGroups.remove(((TreeItem) e.item).getText()));
        left.setWeights(45, 55);
    }

    private void createRight(Composite sash) {
        Composite right = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(0, 4).applyTo(right);

        Composite header = new Composite(right, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(header);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(header);
        title = new Label(header, SWT.NONE);
        title.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_TITLE);
        title.setFont(bold);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(title);
        state = new Label(header, SWT.RIGHT);
        state.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_STATE);
        GridDataFactory.fillDefaults().align(SWT.END, SWT.CENTER).applyTo(state);

        message = new Label(right, SWT.WRAP);
        message.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_MESSAGE);
        message.setForeground(right.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).exclude(true).applyTo(message);
        message.setVisible(false);

        list = new MessageList(right, texts, client::officeZone, new MessageList.Actions() {
            @Override
            public void save(ChatFile file) {
                saveFile(file);
            }

            @Override
            public void openKessai(String kessaiId) {
                ChatPart.this.openKessai(kessaiId);
            }

            @Override
            public void earlier() {
                loadEarlier();
            }

            @Override
            public void say(String text) {
                showMessage(text, false);
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).applyTo(list.control());

        composer = new Composer(right, chat, texts, ui, new Composer.Part() {
            @Override
            public String conversation() {
                return current;
            }

            @Override
            public void say(String text, boolean problem) {
                showMessage(text, problem);
            }

            @Override
            public boolean disposed() {
                return ChatPart.this.disposed();
            }
        });
        composer.acceptDroppedFiles(list.control());

        Composite bar = new Composite(right, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(6, 0).applyTo(bar);
        new Label(bar, SWT.NONE).setText(messages.chat_presence);
        presence = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
        presence.setData(ChatUiConstants.WIDGET_ID, ChatUiConstants.ID_PRESENCE);
        presence.setItems(Arrays.stream(CHOOSABLE).map(texts::presence).toArray(String[]::new));
        presence.select(0);
        presence.addListener(SWT.Selection, e -> {
            int i = presence.getSelectionIndex();
            if (i >= 0) {
                chat.setPresence(CHOOSABLE[i]);
            }
        });
        Label hint = new Label(bar, SWT.WRAP);
        hint.setText(messages.chat_inputHint);
        hint.setForeground(right.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).indent(12, 0).applyTo(hint);
    }

    // --- the lists on the left

    private boolean disposed() {
        return conversations == null || conversations.isDisposed();
    }

    /** Refreshes the lists once after a burst of events. */
    private void listsChanged() {
        if (listsDirty) {
            return;
        }
        listsDirty = true;
        ui.asyncExec(() -> {
            listsDirty = false;
            if (!disposed()) {
                refreshLists();
            }
        });
    }

    private void refreshLists() {
        List<Conversation> all = chat.conversations();
        fillConversations(all);
        fillContacts(chat.contacts(), all);
        if (part != null && partLabel != null) {
            part.setLabel(texts.tab(partLabel, all));
        }
    }

    private void fillConversations(List<Conversation> all) {
        conversations.setRedraw(false);
        try {
            conversations.removeAll();
            for (Conversation c : all) {
                TableItem item = new TableItem(conversations, SWT.NONE);
                item.setText(texts.conversation(c));
                item.setData(c);
                if (c.unread() > 0) {
                    item.setFont(bold);
                }
                if (c.address().equals(current)) {
                    conversations.setSelection(item);
                }
            }
        } finally {
            conversations.setRedraw(true);
        }
    }

    private void fillContacts(List<ChatContact> all, List<Conversation> rooms) {
        String me = chat.me().orElse("");
        Map<String, List<ChatContact>> byGroup = new LinkedHashMap<>();
        // the user's own 課 first (the rooms they are in are named after their 課), then the others in order
        rooms.stream().filter(c -> c.kind() == ConversationKind.ROOM).map(Conversation::name)
                .forEach(name -> byGroup.put(name, new ArrayList<>()));
        for (ChatContact c : all) {
            if (!c.address().equals(me)) {
                byGroup.computeIfAbsent(texts.group(c.group()), g -> new ArrayList<>()).add(c);
            }
        }
        byGroup.values().removeIf(List::isEmpty);
        contacts.setRedraw(false);
        try {
            contacts.removeAll();
            byGroup.forEach((group, people) -> {
                TreeItem groupItem = new TreeItem(contacts, SWT.NONE);
                groupItem.setText(group);
                for (ChatContact c : people) {
                    TreeItem item = new TreeItem(groupItem, SWT.NONE);
                    item.setText(texts.contact(c));
                    item.setImage(dots.get(c.presence()));
                    item.setData(c);
                }
                groupItem.setExpanded(!collapsedGroups.contains(group));
            });
        } finally {
            contacts.setRedraw(true);
        }
    }

    // --- the open conversation

    /** Opens a conversation: shows what is known at once, reads its latest messages in a job, marks it read. */
    void open(String address, ConversationKind kind, String name) {
        open(address, kind, name, null);
    }

    /**
     * Opens a conversation at a message (a search hit's): it is marked and scrolled into view, once read from the
     * archive if it is older than what is shown.
     *
     * @param messageId the message, or {@code null} to open at the end
     */
    void open(String address, ConversationKind kind, String name, String messageId) {
        revealing = messageId;
        if (address.equals(current)) {
            markReadIfShown();
            revealWhenShown();
            return;
        }
        list.forgetFound();
        current = address;
        currentKind = kind;
        currentName = name;
        composer.cancelCorrecting();
        showMessage(null, false);
        showConversation();
        list.allowEarlier();
        load(address);
        composer.setFocus();
    }

    /** Reads the conversation's latest messages in a job (again when chat comes back online). */
    private void load(String address) {
        BackgroundCall.named(messages.chat_openJob, monitor -> chat.open(address)).onSuccess(opened -> {
            if (!disposed() && address.equals(current)) {
                if (openFailed) {
                    openFailed = false;
                    showMessage(null, false);
                }
                showMessages(false, true);
                markReadIfShown();
                listsChanged();
                revealWhenShown();
            }
        }).onFailure(failure -> {
            if (!disposed() && address.equals(current)) {
                openFailed = true;
                showMessage(MessageFormat.format(messages.chat_openFailed, describe(failure)), true);
            }
        }).start(ui);
    }

    private void showConversation() {
        boolean open = current != null;
        title.setText(open ? currentName : messages.chat_noConversation);
        title.getParent().layout(true);
        if (open) {
            showMessages(false, true);
        } else {
            list.clear();
        }
        for (TableItem item : conversations.getItems()) {
            if (item.getData() instanceof Conversation c && c.address().equals(current)) {
                conversations.setSelection(item);
            }
        }
    }

    private void showMessages(boolean earlierAdded, boolean toEnd) {
        if (current == null) {
            return;
        }
        List<ChatMessage> shown = chat.messages(current);
        Set<String> names = new HashSet<>();
        chat.contacts().forEach(c -> names.add(c.name()));
        chat.me().map(chat::nameOf).ifPresent(names::add);
        shown.forEach(m -> names.add(m.senderName()));
        list.show(shown, currentKind, names, chat::nameOf, earlierAdded, toEnd);
    }

    private void messagesChanged() {
        if (messagesDirty) {
            return;
        }
        messagesDirty = true;
        ui.asyncExec(() -> {
            messagesDirty = false;
            if (!disposed()) {
                showMessages(false, false);
                markReadIfShown();
            }
        });
    }

    /** Whether the chat tab is in front (its widgets are visible). */
    private boolean tabVisible() {
        return !disposed() && list.control().isVisible();
    }

    private boolean windowActive() {
        Shell shell = conversations.getShell();
        return shell.getDisplay().getActiveShell() == shell;
    }

    /** Marks the open conversation read when the tab is in front. */
    private void markReadIfShown() {
        if (current != null && tabVisible()) {
            Conversation c = chat.conversations().stream().filter(k -> k.address().equals(current)).findFirst()
                    .orElse(null);
            if (c != null && c.unread() > 0) {
                chat.markRead(current);
            }
        }
    }

    /**
     * Marks and shows the message a search hit led to; if it is not shown yet, reads earlier pages of the archive in
     * a job until it is (at most {@link #REVEAL_PAGES} pages), then says so if it still is not.
     */
    private void revealWhenShown() {
        String id = revealing;
        String address = current;
        if (id == null || address == null || list.reveal(id)) {
            revealing = null;
            return;
        }
        revealing = null;
        showMessage(messages.chat_earlier, false);
        BackgroundCall.named(messages.chat_earlierJob, monitor -> {
            for (int page = 0; page < REVEAL_PAGES; page++) {
                if (chat.messages(address).stream().anyMatch(m -> m.id().equals(id))
                        || !chat.loadEarlier(address, EARLIER_PAGE)) {
                    break;
                }
            }
            return chat.messages(address).stream().anyMatch(m -> m.id().equals(id));
        }).onSuccess(there -> {
            if (disposed() || !address.equals(current)) {
                return;
            }
            showMessages(true, false);
            list.allowEarlier();
            showMessage(there && list.reveal(id) ? null : messages.chat_foundNotLoaded, false);
        }).onFailure(failure -> {
            if (!disposed()) {
                showMessage(describe(failure), true);
            }
        }).quiet().start(ui);
    }

    private void loadEarlier() {
        String address = current;
        if (address == null || loadingEarlier) {
            return;
        }
        loadingEarlier = true;
        showMessage(messages.chat_earlier, false);
        BackgroundCall.named(messages.chat_earlierJob, monitor -> chat.loadEarlier(address, EARLIER_PAGE))
                .onSuccess(any -> {
                    loadingEarlier = false;
                    if (disposed() || !address.equals(current)) {
                        return;
                    }
                    showMessage(any ? null : messages.chat_noEarlier, false);
                    if (any) {
                        showMessages(true, false);
                        list.allowEarlier();
                    }
                }).onFailure(failure -> {
                    loadingEarlier = false;
                    if (!disposed()) {
                        showMessage(describe(failure), true);
                        list.allowEarlier();
                    }
                }).quiet().start(ui);
    }

    // --- files received

    private void saveFile(ChatFile file) {
        FileDialog dialog = new FileDialog(title.getShell(), SWT.SAVE);
        dialog.setText(MessageFormat.format(messages.chat_saveTitle, file.name()));
        dialog.setFileName(file.name());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path target = Path.of(chosen);
        BackgroundCall.named(messages.chat_saveJob, monitor -> {
            chat.download(file, target);
            return target;
        }).onSuccess(saved -> {
            if (!disposed()) {
                showMessage(MessageFormat.format(messages.chat_saved, saved.getFileName()), false);
            }
        }).onFailure(failure -> {
            if (!disposed()) {
                showMessage(MessageFormat.format(messages.chat_saveFailed, file.name(), describe(failure)), true);
            }
        }).start(ui);
    }

    private void openKessai(String kessaiId) {
        if (!KessaiOpener.open(commands, handlers, kessaiId)) {
            showMessage(messages.chat_kessaiNotOpened, true);
        }
    }

    // --- messages to the person

    static String describe(Exception failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    }

    private void showMessage(String text, boolean problem) {
        if (message == null || message.isDisposed()) {
            return;
        }
        boolean visible = text != null && !text.isBlank();
        message.setText(visible ? text : "");
        message.setForeground(message.getDisplay().getSystemColor(problem ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GRAY));
        GridVisibility.show(message, visible);
    }

    private void showState(ChatState now) {
        state.setText(texts.state(now));
        state.setForeground(state.getDisplay().getSystemColor(switch (now) {
            case ONLINE -> SWT.COLOR_DARK_GREEN;
            case UNAVAILABLE, RECONNECTING -> SWT.COLOR_DARK_RED;
            default -> SWT.COLOR_DARK_GRAY;
        }));
        state.getParent().layout(true);
    }

    /** The text of the last notification shown (for tests). */
    public String lastNotice() {
        return notifier.lastText();
    }

    // --- events

    @Inject
    @Optional
    void stateChanged(@UIEventTopic(ChatTopics.STATE) ChatState now) {
        if (disposed()) {
            return;
        }
        showState(now);
        int chosen = presence.getSelectionIndex();
        if (now == ChatState.ONLINE && chosen > 0) {
            chat.setPresence(CHOOSABLE[chosen]); // a new chat login starts 在席: keep what the person chose
        }
        if (now == ChatState.ONLINE && current != null) {
            load(current); // opened while chat was not connected, or messages came meanwhile
        }
        if (now == ChatState.OFF) {
            presence.select(0); // the next person to log in starts 在席
        }
        if (now == ChatState.OFF || now == ChatState.UNAVAILABLE) {
            current = null;
            unreadSeen.clear();
            lastReceived.clear();
            showConversation();
        }
        listsChanged();
    }

    @Inject
    @Optional
    void contactsChanged(@UIEventTopic(ChatTopics.CONTACTS) Object what) {
        if (!disposed()) {
            listsChanged();
        }
    }

    @Inject
    @Optional
    void messageChanged(@UIEventTopic(ChatTopics.MESSAGE) ChatMessage changed) {
        if (disposed()) {
            return;
        }
        if (!changed.outgoing()) {
            lastReceived.put(changed.conversation(), changed);
        }
        if (changed.conversation().equals(current)) {
            messagesChanged();
        }
    }

    @Inject
    @Optional
    void conversationChanged(@UIEventTopic(ChatTopics.CONVERSATION) Conversation changed) {
        if (disposed()) {
            return;
        }
        int before = unreadSeen.getOrDefault(changed.address(), 0);
        unreadSeen.put(changed.address(), changed.unread());
        if (changed.unread() > before) {
            boolean inView = changed.address().equals(current) && tabVisible() && windowActive();
            if (!inView || changed.mentioned()) {
                notifier.show(conversations.getShell(), texts.notice(changed, lastReceived.get(changed.address())));
            }
        }
        listsChanged();
    }

    @Inject
    @Optional
    void fileProgress(@UIEventTopic(ChatTopics.FILE_PROGRESS) ChatTopics.FileProgress progress) {
        if (disposed() || !progress.conversation().equals(current)) {
            return;
        }
        long percent = progress.size() <= 0 ? 0 : Math.min(100, progress.sent() * 100 / progress.size());
        showMessage(MessageFormat.format(messages.chat_fileProgress, progress.name(), percent), false);
    }

    @Inject
    @Optional
    void partInFront(@UIEventTopic(UIEvents.UILifeCycle.BRINGTOTOP) org.osgi.service.event.Event event) {
        if (!disposed() && event.getProperty(UIEvents.EventTags.ELEMENT) == part) {
            ui.asyncExec(() -> {
                if (!disposed()) {
                    markReadIfShown();
                }
            });
        }
    }

    @Focus
    void focus() {
        if (current != null) {
            composer.setFocus();
        } else {
            conversations.setFocus();
        }
    }
}
