package org.kairan.chat.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.chat.ChatContact;
import org.kairan.chat.ChatException;
import org.kairan.chat.ChatMessage;
import org.kairan.chat.ChatPresence;
import org.kairan.chat.ChatState;
import org.kairan.chat.ChatTopics;
import org.kairan.chat.Conversation;
import org.kairan.chat.ConversationKind;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.KairanServerProcess;

/**
 * Two desktops of the same 課 (財政課: 主事 佐藤 花子 and her 係長) and one of another (市民課) against the real
 * server and its managed Prosody: they see each other, chat 1:1 and in their 課's room with 既読, correct, mention,
 * share a PDF; the other 課 cannot read the room.
 */
class ChatAgainstServerTest {

    @TempDir
    static Path workspaces;

    private static KairanServerProcess server;
    private static ChatDesk clerk;
    private static ChatDesk sectionHead;
    private static ChatDesk citizenDesk;

    @BeforeAll
    static void startServerAndDesks() throws Exception {
        Path log = Path.of(System.getProperty("kairan.server.log", "target/kairan-server.log"))
                .resolveSibling("kairan-server-chat.log");
        server = KairanServerProcess.startDemo(log, "--demo-library", "false");
        server.awaitOutput(KairanServerProcess.CHAT_ROOMS_READY, java.time.Duration.ofSeconds(60));
        clerk = ChatDesk.logIn(server.url(), DemoAccounts.FINANCE_CLERK, workspaces.resolve("clerk"));
        sectionHead = ChatDesk.logIn(server.url(), DemoAccounts.FINANCE_SECTION_HEAD, workspaces.resolve("head"));
        citizenDesk = ChatDesk.logIn(server.url(), DemoAccounts.CITIZEN_CLERK, workspaces.resolve("citizen"));
        for (ChatDesk desk : List.of(clerk, sectionHead, citizenDesk)) {
            ChatDesk.await(desk.staffNo + " online in chat", desk.chat::state, s -> s == ChatState.ONLINE);
        }
    }

    @AfterAll
    static void stop() {
        for (ChatDesk desk : new ChatDesk[] { clerk, sectionHead, citizenDesk }) {
            if (desk != null) {
                desk.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static String divisionRoom(ChatDesk desk) throws InterruptedException {
        return ChatDesk.await(desk.staffNo + "'s 課 room", () -> desk.chat.conversations().stream()
                .filter(c -> c.kind() == ConversationKind.ROOM).findFirst(), Optional::isPresent).get().address();
    }

    private static ChatMessage awaitMessage(ChatDesk desk, String conversation, String text)
            throws InterruptedException {
        return ChatDesk.await(desk.staffNo + " receiving 「" + text + "」", () -> desk.chat.messages(conversation)
                .stream().filter(m -> m.body().equals(text)).findFirst(), Optional::isPresent).get();
    }

    private static int unread(ChatDesk desk, String conversation) {
        return desk.chat.conversations().stream().filter(c -> c.address().equals(conversation)).findFirst()
                .map(Conversation::unread).orElse(0);
    }

    @Test
    void colleaguesOfOneDivisionSeeEachOtherOnlineByName() throws Exception {
        ChatContact head = ChatDesk.await("the 係長 in the clerk's contacts, online", () -> clerk.chat.contacts().stream()
                .filter(c -> c.address().equals(sectionHead.address())).findFirst(),
                c -> c.isPresent() && c.get().presence() == ChatPresence.AVAILABLE).get();
        assertEquals("財政課", head.group(), "colleagues are listed under their 課");
        assertFalse(head.name().isBlank());
        assertEquals(head.name(), clerk.chat.nameOf(sectionHead.address()), "names come from the shared roster");
        java.util.Map<String, String> kana = new java.util.HashMap<>();
        clerk.client.directory().staff().forEach(p -> kana.put(p.staffNo().toLowerCase(java.util.Locale.ROOT), p.kana()));
        List<String> readings = clerk.chat.contacts().stream().filter(c -> c.group().equals("財政課"))
                .map(c -> kana.get(c.staffNo())).toList();
        assertTrue(readings.size() > 3, "the 課's colleagues are listed: " + readings);
        assertEquals(readings.stream().sorted().toList(), readings, "colleagues are listed in 五十音 order of their かな");

        sectionHead.chat.setPresence(ChatPresence.AWAY);
        ChatDesk.await("the 係長 away", () -> clerk.chat.contacts().stream()
                .filter(c -> c.address().equals(sectionHead.address())).findFirst().orElseThrow().presence(),
                p -> p == ChatPresence.AWAY);
        sectionHead.chat.setPresence(ChatPresence.AVAILABLE);
        ChatDesk.await("the 係長 back", () -> clerk.chat.contacts().stream()
                .filter(c -> c.address().equals(sectionHead.address())).findFirst().orElseThrow().presence(),
                p -> p == ChatPresence.AVAILABLE);
    }

    @Test
    void oneToOneWithReadMarkersAndACorrection() throws Exception {
        String text = "本日の打合せは15時からです。<b>資料</b>は共有フォルダにあります";
        int unreadBefore = unread(sectionHead, clerk.address());
        ChatMessage sent = clerk.chat.send(sectionHead.address(), text);
        assertTrue(sent.outgoing());

        ChatMessage received = awaitMessage(sectionHead, clerk.address(), text);
        assertEquals(clerk.address(), received.sender());
        assertEquals(text, received.body(), "markup arrives as the characters typed");
        assertFalse(received.outgoing());
        Conversation unread = ChatDesk.await("one more unread for the 係長", () -> sectionHead.chat.conversations()
                .stream().filter(c -> c.address().equals(clerk.address())).findFirst(),
                c -> c.isPresent() && c.get().unread() == unreadBefore + 1).get();
        assertEquals(clerk.chat.nameOf(clerk.address()), unread.name());

        ChatDesk.await("the clerk's message acknowledged by the chat server", () -> clerk.chat.messages(
                sectionHead.address()).stream().filter(m -> m.id().equals(sent.id())).findFirst().orElseThrow()
                .delivery(), d -> d == ChatMessage.Delivery.SENT);
        assertTrue(clerk.chat.messages(sectionHead.address()).stream().filter(m -> m.id().equals(sent.id()))
                .findFirst().orElseThrow().readBy().isEmpty(), "nobody has read it yet");

        sectionHead.chat.markRead(clerk.address());
        assertEquals(0, sectionHead.chat.conversations().stream().filter(c -> c.address().equals(clerk.address()))
                .findFirst().orElseThrow().unread());
        ChatDesk.await("既読 on the clerk's message", () -> clerk.chat.messages(sectionHead.address()).stream()
                .filter(m -> m.id().equals(sent.id())).findFirst().orElseThrow().readBy(),
                r -> r.contains(sectionHead.address()));
        assertTrue(clerk.announced.stream().anyMatch(e -> ChatTopics.MESSAGE.equals(e[0])
                && e[1] instanceof ChatMessage m && m.id().equals(sent.id()) && !m.readBy().isEmpty()),
                "the change was announced for the part to redraw");

        ChatMessage corrected = clerk.chat.correctLast(sectionHead.address(), "本日の打合せは16時からです");
        assertTrue(corrected.corrected());
        assertEquals(sent.id(), corrected.id(), "a correction replaces the message, it is not a new one");
        ChatDesk.await("the correction on the 係長's desktop", () -> sectionHead.chat.messages(clerk.address())
                .stream().filter(m -> m.id().equals(sent.id())).findFirst().orElseThrow(),
                m -> m.corrected() && m.body().equals("本日の打合せは16時からです"));

        String reply = "承知しました。16時に伺います";
        sectionHead.chat.send(clerk.address(), reply);
        awaitMessage(clerk, sectionHead.address(), reply);

        ChatException empty = assertThrows(ChatException.class, () -> clerk.chat.send(sectionHead.address(), "  \n "));
        assertEquals(ChatException.Reason.EMPTY, empty.reason());
        ChatException tooLong = assertThrows(ChatException.class,
                () -> clerk.chat.send(sectionHead.address(), "あ".repeat(10_001)));
        assertEquals(ChatException.Reason.TOO_LONG, tooLong.reason());
        assertTrue(tooLong.getMessage().contains("10001"), tooLong.getMessage());
        assertThrows(ChatException.class, () -> citizenDesk.chat.correctLast(sectionHead.address(), "x"),
                "nothing to correct where one has sent nothing");
    }

    @Test
    void theDivisionRoomCarriesMentionsAndReaders() throws Exception {
        String room = divisionRoom(clerk);
        assertEquals(room, divisionRoom(sectionHead), "both are members of the same 課 room");
        assertEquals("財政課", clerk.chat.conversations().stream().filter(c -> c.address().equals(room)).findFirst()
                .orElseThrow().name());

        String headName = clerk.chat.nameOf(sectionHead.address());
        String text = "@" + headName + " 来年度予算の資料を確認してください";
        ChatMessage sent = clerk.chat.send(room, text);
        ChatMessage received = awaitMessage(sectionHead, room, text);
        assertTrue(received.mentionsMe(), "the 係長 is named");
        assertEquals(clerk.address(), received.sender());
        assertTrue(ChatDesk.await("the mention in the 係長's list", () -> sectionHead.chat.conversations().stream()
                .filter(c -> c.address().equals(room)).findFirst().orElseThrow(), Conversation::mentioned).unread() > 0);
        ChatDesk.await("the clerk sees her own message once, sent", () -> clerk.chat.messages(room).stream()
                .filter(m -> m.id().equals(sent.id())).toList(),
                l -> l.size() == 1 && l.get(0).delivery() == ChatMessage.Delivery.SENT);

        sectionHead.chat.markRead(room);
        ChatDesk.await("既読 1 in the room", () -> clerk.chat.messages(room).stream()
                .filter(m -> m.id().equals(sent.id())).findFirst().orElseThrow().readBy(),
                r -> r.contains(sectionHead.address()));

        String kessai = "この件は " + org.kairan.chat.ChatService.KESSAI_LINK + "K-2026-0042 で起案しました";
        sectionHead.chat.send(room, kessai);
        assertEquals("K-2026-0042", awaitMessage(clerk, room, kessai).kessaiId(), "a shared 決裁 is a link");
    }

    @Test
    void aPdfIsSharedAndSavedAndAnOversizedFileIsRefusedClearly(@TempDir Path files) throws Exception {
        Path pdf = files.resolve("予算資料.pdf");
        byte[] content = ("%PDF-1.4\n% 予算資料\n" + "0".repeat(20_000) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        Files.write(pdf, content);
        ChatMessage shared = clerk.chat.sendFile(sectionHead.address(), pdf);
        assertNotNull(shared.file());
        assertEquals("予算資料.pdf", shared.file().name());

        ChatMessage received = ChatDesk.await("the PDF at the 係長's desk", () -> sectionHead.chat.messages(
                clerk.address()).stream().filter(m -> m.file() != null && m.id().equals(shared.id())).findFirst(),
                Optional::isPresent).get();
        assertEquals("予算資料.pdf", received.file().name());
        assertEquals(content.length, received.file().size(), "the receiver sees the file's size (XEP-0446)");
        Path saved = files.resolve("saved.pdf");
        sectionHead.chat.download(received.file(), saved);
        assertArrayEquals(content, Files.readAllBytes(saved), "the file arrives whole");

        long limit = clerk.chat.maxFileSize();
        assertTrue(limit > 0, "the chat server announces its limit");
        Path huge = files.resolve("大きすぎる.pdf");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(limit + 1);
        }
        int before = clerk.chat.messages(sectionHead.address()).size();
        ChatException refused = assertThrows(ChatException.class, () -> clerk.chat.sendFile(sectionHead.address(), huge));
        assertEquals(ChatException.Reason.FILE_TOO_LARGE, refused.reason());
        assertTrue(refused.getMessage().contains("大きすぎる.pdf") && refused.getMessage().contains("MB"),
                refused.getMessage());
        assertEquals(before, clerk.chat.messages(sectionHead.address()).size(), "nothing half-sent is shown");

        ChatException missing = assertThrows(ChatException.class,
                () -> clerk.chat.sendFile(sectionHead.address(), files.resolve("ない.pdf")));
        assertEquals(ChatException.Reason.FILE_UNREADABLE, missing.reason());
    }

    @Test
    void historyComesFromTheArchiveAndTwoDesktopsOfOnePersonAgree() throws Exception {
        List<String> earlier = List.of("昨日の議事録を送ります", "修正をお願いします", "よろしくお願いします");
        for (String text : earlier) {
            clerk.chat.send(sectionHead.address(), text);
        }
        awaitMessage(sectionHead, clerk.address(), earlier.get(2));

        try (ChatDesk laptop = ChatDesk.anotherDesktopOf(server.url(), sectionHead, workspaces.resolve("head-laptop"))) {
            ChatDesk.await("the 係長's laptop online", laptop.chat::state, s -> s == ChatState.ONLINE);
            Conversation recent = ChatDesk.await("the conversation with the clerk listed at login", () -> laptop.chat
                    .conversations().stream().filter(c -> c.address().equals(clerk.address())).findFirst(),
                    Optional::isPresent).get();
            assertEquals(0, recent.unread(), "what was read before is not counted again on another desktop");
            List<String> opened = laptop.chat.open(clerk.address()).stream().map(ChatMessage::body).toList();
            assertTrue(opened.containsAll(earlier), "the conversation's history comes from the archive: " + opened);
            laptop.chat.loadEarlier(clerk.address(), 50); // nothing more, or more: either way no error

            String now = "今から会議室に向かいます";
            clerk.chat.send(sectionHead.address(), now);
            awaitMessage(sectionHead, clerk.address(), now);
            awaitMessage(laptop, clerk.address(), now);
            ChatDesk.await("unread on the laptop", () -> unread(laptop, clerk.address()), n -> n > 0);

            sectionHead.chat.markRead(clerk.address());
            ChatDesk.await("read on the desk is read on the laptop too (carbons)", () -> unread(laptop,
                    clerk.address()), n -> n == 0);

            String fromLaptop = "了解です（ノートPCから）";
            laptop.chat.send(clerk.address(), fromLaptop);
            ChatMessage onDesk = awaitMessage(sectionHead, clerk.address(), fromLaptop);
            assertTrue(onDesk.outgoing(), "what the laptop sent shows on the desk as the 係長's own");
            awaitMessage(clerk, sectionHead.address(), fromLaptop);
        }
    }

    @Test
    void theWholeHistoryIsReadFromTheArchivesAndThenOnlyWhatIsNew() throws Exception {
        String room = divisionRoom(clerk);
        String direct = "歳出予算の見積書を明日までに提出します";
        String inRoom = "財政課の皆さん、補正予算の日程を共有します";
        ChatMessage sent = clerk.chat.send(sectionHead.address(), direct);
        clerk.chat.send(room, inRoom);
        awaitMessage(sectionHead, clerk.address(), direct);
        awaitMessage(sectionHead, room, inRoom);
        int shownBefore = sectionHead.chat.messages(clerk.address()).size();

        java.util.Map<String, ChatMessage> read = new java.util.LinkedHashMap<>();
        java.util.Map<String, Conversation> where = new java.util.HashMap<>();
        org.kairan.chat.ChatHistoryMarks marks = sectionHead.chat.readHistory(org.kairan.chat.ChatHistoryMarks.NONE,
                (c, m) -> {
                    read.put(m.id(), m);
                    where.put(m.id(), c);
                });
        ChatMessage first = read.get(sent.id());
        assertNotNull(first, "a 1:1 message comes from the user's own archive: " + read.values());
        assertEquals(direct, first.body());
        assertEquals(clerk.address(), first.sender());
        assertEquals(ConversationKind.DIRECT, where.get(sent.id()).kind());
        assertEquals(clerk.chat.nameOf(clerk.address()), where.get(sent.id()).name(), "titled with the colleague's 氏名");
        ChatMessage roomMessage = read.values().stream().filter(m -> m.body().equals(inRoom)).findFirst().orElseThrow();
        assertEquals("財政課", where.get(roomMessage.id()).name(), "a room's message comes with the 課's name");
        assertTrue(marks.of(org.kairan.chat.ChatHistoryMarks.OWN) != null && marks.of(room) != null,
                "the marks say how far each archive was read: " + marks);
        assertEquals(marks, org.kairan.chat.ChatHistoryMarks.decode(marks.encode()));
        assertEquals(shownBefore, sectionHead.chat.messages(clerk.address()).size(),
                "reading the history adds nothing to the conversation shown");

        List<ChatMessage> again = new java.util.ArrayList<>();
        org.kairan.chat.ChatHistoryMarks same = sectionHead.chat.readHistory(marks, (c, m) -> again.add(m));
        assertEquals(List.of(), again, "from the marks, nothing is read twice");
        assertEquals(marks, same);

        String later = "見積書を提出しました";
        ChatMessage latest = clerk.chat.send(sectionHead.address(), later);
        clerk.chat.correctLast(sectionHead.address(), "見積書を本日提出しました");
        ChatDesk.await("the correction on the 係長's desktop", () -> sectionHead.chat.messages(clerk.address())
                .stream().filter(m -> m.id().equals(latest.id())).findFirst(),
                m -> m.isPresent() && m.get().corrected());
        java.util.Map<String, ChatMessage> news = new java.util.LinkedHashMap<>();
        sectionHead.chat.readHistory(marks, (c, m) -> news.put(m.id(), m));
        assertEquals(List.of(latest.id()), List.copyOf(news.keySet()), "only what is new, the correction as its message");
        assertEquals("見積書を本日提出しました", news.get(latest.id()).body());
        assertTrue(news.get(latest.id()).corrected());

        List<String> citizens = new java.util.ArrayList<>();
        org.kairan.chat.ChatHistoryMarks theirs = citizenDesk.chat.readHistory(org.kairan.chat.ChatHistoryMarks.NONE,
                (c, m) -> citizens.add(c.address()));
        assertFalse(citizens.contains(room) || theirs.lastRead().containsKey(room),
                "another 課's history reads its own rooms only");
    }

    @Test
    void chatEndsWhenAnAdministratorEndsThePersonsAccess() throws Exception {
        try (ChatDesk contracts = ChatDesk.logIn(server.url(), DemoAccounts.CONTRACTS_SECTION_HEAD,
                workspaces.resolve("contracts"));
                ChatDesk admin = ChatDesk.logIn(server.url(), DemoAccounts.ADMIN, workspaces.resolve("admin"))) {
            ChatDesk.await("the 契約管財係長 online in chat", contracts.chat::state, s -> s == ChatState.ONLINE);
            admin.client.revokeSessions(DemoAccounts.CONTRACTS_SECTION_HEAD);
            ChatDesk.await("chat off once the Kairan session is gone (not reconnecting for ever)",
                    contracts.chat::state, s -> s == ChatState.OFF);
            ChatException off = assertThrows(ChatException.class,
                    () -> contracts.chat.send(clerk.address(), "まだ送れますか"));
            assertEquals(ChatException.Reason.NOT_CONNECTED, off.reason());
        }
    }

    @Test
    void anotherDivisionCannotReadTheRoom() throws Exception {
        String room = divisionRoom(clerk);
        String secret = "財政課内のみ: 査定の途中経過";
        clerk.chat.send(room, secret);
        awaitMessage(sectionHead, room, secret);

        assertTrue(citizenDesk.chat.conversations().stream().noneMatch(c -> c.address().equals(room)),
                "the room is not among the 市民課 member's conversations");
        assertFalse(divisionRoom(citizenDesk).equals(room), "they have their own 課's room");
        ChatException refused = assertThrows(ChatException.class, () -> citizenDesk.chat.open(room),
                "the room's archive refuses a non-member");
        assertEquals(ChatException.Reason.FAILED, refused.reason());
        assertTrue(citizenDesk.chat.messages(room).stream().noneMatch(m -> m.body().equals(secret)));
    }
}
