package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatService;
import org.kairan.chat.ChatState;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.chat.ui.ChatUiConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.search.SearchService;
import org.kairan.search.ui.SearchUiConstants;

/**
 * The チャット tab (issue 6) with the demo city's 財政課 主事 at the desktop and the 財政係長 at another (a plain XMPP
 * client with the chat account the Kairan server hands him), through the managed chat server the test server runs:
 * the colleague shows 在席 under 財政課 in the contacts; a double-click opens the 1:1 conversation; a Japanese message
 * typed and sent with Enter reaches him, his answer (naming her with @) shows in the conversation; once he has read
 * hers it says 既読; his message in the 財政課 room counts as unread on the room's line, with a notification, and
 * shows when the room is opened. With -Dkairan.screenshots=DIR it saves the conversation as chat-ja.png.
 */
@Order(80)
class ChatUiTest {

    private SwtDriver driver;
    private Desktop desktop;
    private KairanServerClient client;
    private TestServer server;
    private ChatService chat;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        client = Services.of(KairanServerClient.class);
        server = Services.of(TestServer.class);
        chat = Services.of(ChatService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        if (!client.session().map(s -> s.user().staffNo().equals(DemoAccounts.FINANCE_CLERK)).orElse(false)) {
            new KessaiScreen(driver, desktop, Services.of(KessaiService.class), Services.of(SyncService.class))
                    .waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
        }
    }

    /**
     * Waits until the server has made the chat accounts, the 課 rooms and the contact groups (it does so after it
     * starts, while the desktop may already be logged in); a chat login made before has no contacts and no room
     * (the chat server gives a session the groups as they were at its login), so the desktop logs in again.
     */
    private void chatWithTheCitysRooms() throws Exception {
        Path log = Path.of(System.getProperty("kairan.server.log", "kairan-server.log"));
        driver.waitUntil("the server has made the chat rooms and contact groups", () -> {
            try {
                String text = Files.exists(log) ? Files.readString(log) : "";
                // the log of an earlier run may be above this server's start
                return text.lastIndexOf("chat rooms of the 課 at start") > text.lastIndexOf("KairanServer - started");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        if (chat.contacts().isEmpty() || chat.conversations().stream().noneMatch(c -> c.kind() == ConversationKind.ROOM)) {
            new KessaiScreen(driver, desktop, Services.of(KessaiService.class), Services.of(SyncService.class))
                    .waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
            desktop.showPart(ChatUiConstants.PART_CHAT);
            driver.waitUntil("the desktop is logged in to chat again", () -> chat.state() == ChatState.ONLINE
                    && !chat.contacts().isEmpty());
        }
    }

    /** A session of another demo account, enrolling its second factor on first use. */
    private String token(String staffNo) {
        ServerApi api = server.api();
        Optional<Authenticator> known = server.authenticator(staffNo);
        if (known.isPresent()) {
            return api.logIn(staffNo, TestServer.DEMO_PASSWORD, known.get());
        }
        ServerApi.Login login = api.enrol(staffNo, TestServer.DEMO_PASSWORD);
        server.remember(staffNo, login.authenticator());
        return login.token();
    }

    private Optional<TreeItem> contactRow(String address) {
        for (TreeItem group : desktop.find(ChatUiConstants.ID_CONTACTS, Tree.class).getItems()) {
            for (TreeItem person : group.getItems()) {
                if (person.getData() instanceof ChatContact c && c.address().equals(address)) {
                    return Optional.of(person);
                }
            }
        }
        return Optional.empty();
    }

    private String treeText() {
        List<String> lines = new ArrayList<>();
        for (TreeItem group : desktop.find(ChatUiConstants.ID_CONTACTS, Tree.class).getItems()) {
            lines.add(group.getText());
            for (TreeItem person : group.getItems()) {
                lines.add("  " + person.getText());
            }
        }
        return lines.toString();
    }

    private Optional<TableItem> conversationRow(String address) {
        for (TableItem item : desktop.find(ChatUiConstants.ID_CONVERSATIONS, Table.class).getItems()) {
            if (item.getData() instanceof Conversation c && c.address().equals(address)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** The message rows shown, each a Composite carrying its ChatMessage. */
    private List<Composite> messageRows() {
        List<Composite> rows = new ArrayList<>();
        for (Control c : SwtDriver.all(desktop.find(ChatUiConstants.ID_MESSAGES, Control.class),
                c -> c.getData(ChatUiConstants.DATA_MESSAGE) instanceof ChatMessage)) {
            rows.add((Composite) c);
        }
        return rows;
    }

    private Optional<Composite> rowWithText(String text) {
        return messageRows().stream().filter(r -> SwtDriver.all(r, c -> c instanceof StyledText s
                && s.getText().equals(text)).size() == 1).findFirst();
    }

    private static String stateOf(Composite row) {
        return SwtDriver.find(row, ChatUiConstants.ID_MESSAGE_STATE, Label.class).getText();
    }

    /** The text of the chat tab's last notification (the part's own class is internal to its bundle). */
    private String lastNotice() {
        Object part = desktop.windowContext().get(EPartService.class).findPart(ChatUiConstants.PART_CHAT).getObject();
        try {
            return (String) part.getClass().getMethod("lastNotice").invoke(part);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the chat part tells its last notification", e);
        }
    }

    /** Drops the files on the messages as the file manager does: a FileTransfer drop through their DropTarget. */
    private void drop(Path... paths) throws Exception {
        SwtDriver.dropFiles(desktop.find(ChatUiConstants.ID_MESSAGES, Control.class), paths);
    }

    /** Types the text and presses Enter in the input, as a person would. */
    private void typeAndPressEnter(String text) {
        Text input = desktop.find(ChatUiConstants.ID_INPUT, Text.class);
        SwtDriver.type(input, text);
        Event enter = new Event();
        enter.keyCode = SWT.CR;
        enter.character = '\r';
        enter.doit = true;
        input.notifyListeners(SWT.KeyDown, enter);
        driver.settle();
    }

    @Test
    void colleaguesTalkOneToOneAndInTheirRoomAndSeeWhatTheOtherHasRead() throws Exception {
        desktop.showPart(ChatUiConstants.PART_CHAT);
        driver.waitUntil("the desktop is logged in to chat", () -> chat.state() == ChatState.ONLINE);
        driver.waitUntil("the chat tab says オンライン",
                () -> desktop.find(ChatUiConstants.ID_STATE, Label.class).getText().equals("オンライン"));
        chatWithTheCitysRooms();
        String me = chat.me().orElseThrow();
        String myName = client.session().orElseThrow().user().name();

        try (ChatPeer colleague = ChatPeer.logIn(server.api(), token(DemoAccounts.FINANCE_SECTION_HEAD))) {
            // the colleague, now logged in to chat, is 在席 under 財政課
            try {
                driver.waitUntil("the colleague shows 在席 under 財政課 in the contacts", () -> contactRow(
                        colleague.address()).filter(r -> r.getText().endsWith("在席")
                                && r.getParentItem().getText().equals("財政課")).isPresent());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the tree shows " + treeText() + "; the service knows "
                        + chat.contacts() + "; the colleague is " + colleague.address(), e);
            }
            TreeItem row = contactRow(colleague.address()).orElseThrow();
            String colleagueName = ((ChatContact) row.getData()).name();
            assertTrue(row.getText().startsWith(colleagueName), "the contact is listed by 氏名: " + row.getText());

            // a double-click opens the 1:1 conversation
            Tree tree = desktop.find(ChatUiConstants.ID_CONTACTS, Tree.class);
            tree.setSelection(row);
            Event doubleClick = new Event();
            doubleClick.item = row;
            tree.notifyListeners(SWT.DefaultSelection, doubleClick);
            driver.waitUntil("the conversation with the colleague is open",
                    () -> desktop.find(ChatUiConstants.ID_TITLE, Label.class).getText().equals(colleagueName));

            // the desktop writes; Enter sends; the colleague receives exactly that text
            String mine = "お疲れさまです。令和8年度の予算資料（第3版）を確認しました。<b>修正点</b>は2か所です。";
            typeAndPressEnter(mine);
            driver.waitUntil("the colleague receives the message", () -> colleague.receivedWith(mine).isPresent());
            assertEquals("", desktop.find(ChatUiConstants.ID_INPUT, Text.class).getText(),
                    "the input is emptied once the message is sent");
            driver.waitUntil("the message is shown as typed (markup is text)", () -> rowWithText(mine).isPresent());

            // the colleague answers, naming her; the answer shows in the open conversation with the @ highlighted
            String answer = "ありがとうございます。@" + myName + " さん、15時に伺います。";
            colleague.send(me, answer);
            driver.waitUntil("the colleague's answer is shown", () -> rowWithText(answer).isPresent());
            StyledText answerText = (StyledText) SwtDriver.all(rowWithText(answer).get(),
                    c -> c instanceof StyledText).get(0);
            assertTrue(answerText.getStyleRanges().length > 0, "the @name in the answer is highlighted");

            // 既読: once the colleague has read her message
            assertEquals("", stateOf(rowWithText(mine).get()), "not read yet: no 既読");
            Message received = colleague.receivedWith(mine).get();
            colleague.markDisplayed(me, ChatPeer.originId(received));
            driver.waitUntil("her message says 既読", () -> rowWithText(mine).map(ChatUiTest::stateOf)
                    .filter("既読"::equals).isPresent());
            driver.waitUntil("the 1:1 conversation is listed with nothing unread", () -> conversationRow(
                    colleague.address()).filter(r -> r.getText().equals(colleagueName)).isPresent());
            desktop.screenshot("chat-ja");

            // ↑ in the empty input brings back her last message; what she changes replaces it everywhere
            Text input = desktop.find(ChatUiConstants.ID_INPUT, Text.class);
            Event up = new Event();
            up.keyCode = SWT.ARROW_UP;
            up.doit = true;
            input.notifyListeners(SWT.KeyDown, up);
            assertEquals(mine, input.getText(), "↑ in the empty input puts her last message there to correct");
            String corrected = mine.replace("2か所", "3か所");
            typeAndPressEnter(corrected);
            driver.waitUntil("the colleague receives the correction", () -> colleague.receivedWith(corrected).isPresent());
            driver.waitUntil("her message shows the corrected text, marked （訂正済み）", () -> rowWithText(corrected)
                    .filter(r -> SwtDriver.all(r, c -> c instanceof Label l && l.getText().equals("（訂正済み）"))
                            .size() == 1).isPresent());
            assertTrue(rowWithText(mine).isEmpty(), "the corrected message replaces the original, not beside it");

            // a file larger than the chat server takes, dropped on the conversation, is refused on the desktop with
            // the sizes; nothing is sent
            Path folder = Files.createTempDirectory("kairan-chat-files");
            long max = chat.maxFileSize();
            assertTrue(max > 0, "the chat server announces its file size limit");
            Path big = folder.resolve("庁舎図面.pdf");
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(max + 1); // sparse: no disk written
            }
            drop(big);
            driver.waitUntil("the message line says the file is too large", () -> desktop.find(
                    ChatUiConstants.ID_MESSAGE, Label.class).getText().startsWith("「庁舎図面.pdf」は大きすぎて送れません"));
            assertTrue(messageRows().stream().noneMatch(r -> r.getData(ChatUiConstants.DATA_MESSAGE)
                    instanceof ChatMessage m && m.file() != null && m.file().name().equals("庁舎図面.pdf")),
                    "the refused file is not shown as sent");

            // the 課 room: the colleague writes there; the room's line counts it while another conversation is open
            String room = chat.conversations().stream().filter(c -> c.kind() == ConversationKind.ROOM
                    && c.name().equals("財政課")).map(Conversation::address).findFirst()
                    .orElseThrow(() -> new AssertionError("the desktop's user is in the 財政課 room: "
                            + chat.conversations()));
            colleague.join(room);
            String inRoom = "財政課の皆さん、明日の予算ヒアリングは10時から第2会議室です。";
            colleague.sendToRoom(room, inRoom);
            driver.waitUntil("the room's line shows one unread message", () -> conversationRow(room)
                    .filter(r -> r.getText().equals("財政課 (1)")).isPresent());
            driver.waitUntil("a notification quotes the room's message", () -> lastNotice().contains(inRoom));
            assertEquals("チャット (1)", desktop.windowContext().get(EPartService.class).findPart(ChatUiConstants.PART_CHAT)
                    .getLabel(), "the tab counts the unread message");
            Table conversations = desktop.find(ChatUiConstants.ID_CONVERSATIONS, Table.class);
            TableItem roomRow = conversationRow(room).orElseThrow();
            assertEquals(0, conversations.indexOf(roomRow), "the user's 課 room comes first in the list");
            conversations.setSelection(roomRow);
            Event select = new Event();
            select.item = roomRow;
            conversations.notifyListeners(SWT.Selection, select);
            driver.waitUntil("the room's message is shown", () -> rowWithText(inRoom).isPresent());
            driver.waitUntil("the room is read once shown", () -> conversationRow(room)
                    .filter(r -> r.getText().equals("財政課")).isPresent());

            // in the room, 既読 counts the colleagues who have read her message and names them
            String toRoom = "承知しました。資料は@" + colleagueName + " さんに預けます。";
            typeAndPressEnter(toRoom);
            driver.waitUntil("the colleague sees her message in the room", () -> colleague.receivedWith(toRoom)
                    .isPresent());
            colleague.markDisplayedInRoom(room, ChatPeer.originId(colleague.receivedWith(toRoom).get()));
            driver.waitUntil("her room message says 既読 1", () -> rowWithText(toRoom).map(ChatUiTest::stateOf)
                    .filter("既読 1"::equals).isPresent());
            assertEquals("既読：" + colleagueName, SwtDriver.find(rowWithText(toRoom).get(),
                    ChatUiConstants.ID_MESSAGE_STATE, Label.class).getToolTipText(), "the readers are named");
            desktop.screenshot("chat-room-ja");

            // a PDF dropped on the room is shared: shown with its name once the chat server has it
            Path pdf = folder.resolve("予算ヒアリング資料.pdf");
            Files.write(pdf, ("%PDF-1.4\n% 予算ヒアリング資料\n" + "0".repeat(10_000) + "\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            drop(pdf);
            driver.waitUntil("the PDF is shown as shared in the room", () -> messageRows().stream().anyMatch(r -> r
                    .getData(ChatUiConstants.DATA_MESSAGE) instanceof ChatMessage m && m.file() != null
                    && m.file().name().equals("予算ヒアリング資料.pdf") && m.delivery() == ChatMessage.Delivery.SENT));

            // the room's message is found by the search as チャット and opens its conversation
            TableItem oneToOne = conversationRow(colleague.address()).orElseThrow();
            conversations.setSelection(oneToOne);
            Event back = new Event();
            back.item = oneToOne;
            conversations.notifyListeners(SWT.Selection, back);
            driver.waitUntil("the 1:1 conversation is open again", () -> desktop.find(ChatUiConstants.ID_TITLE,
                    Label.class).getText().equals(colleagueName));
            SearchScreen search = new SearchScreen(driver, desktop);
            search.show();
            search.search("予算ヒアリング", "財政課");
            search.select("財政課");
            search.results().notifyListeners(SWT.DefaultSelection, new Event());
            driver.waitUntil("the search hit opens the 財政課 room in the チャット tab", () -> desktop.find(
                    ChatUiConstants.ID_TITLE, Label.class).getText().equals("財政課"));
            driver.waitUntil("the message found is marked and scrolled into view", () -> messageRows().stream()
                    .filter(r -> Boolean.TRUE.equals(r.getData(ChatUiConstants.DATA_FOUND))).anyMatch(r -> {
                        ScrolledComposite scroller = desktop.find(ChatUiConstants.ID_MESSAGES,
                                ScrolledComposite.class);
                        int top = scroller.getOrigin().y;
                        int y = r.getLocation().y;
                        return r.getData(ChatUiConstants.DATA_MESSAGE) instanceof ChatMessage m
                                && (m.body().equals(inRoom) || m.file() != null)
                                && y >= top && y < top + scroller.getClientArea().height;
                    }));

            // the index made again from nothing: the chat comes back from the chat server's archives
            search.show();
            SearchService index = Services.of(SearchService.class);
            ProgressBar progress = desktop.find(
                    SearchUiConstants.ID_INDEX_PROGRESS, ProgressBar.class);
            AtomicBoolean rebuilding = new AtomicBoolean();
            progress.addListener(SWT.Show, e -> rebuilding.set(true));
            driver.script().when("the rebuild is confirmed", () -> driver.shellOf(
                    MessageDialog.class).isPresent(), () -> SwtDriver.click(SwtDriver
                            .dialogButton(driver.shellOf(MessageDialog.class).get(), 0)))
                    .start();
            SwtDriver.click(search.button(SearchUiConstants.ID_INDEX_REBUILD));
            driver.waitUntil("the index is made again", () -> rebuilding.get() && !index.state().busy());
            search.search("予算ヒアリング", "財政課");
        }
    }
}
