package org.kairan.server.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterGroup;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.AssignmentKind;
import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.core.organisation.UnitKind;
import org.kairan.core.protocol.ChatCredentials;
import org.kairan.core.protocol.TransferRequest;
import org.kairan.server.testing.RunningServer;
import org.kairan.server.testing.TestRoster;

/**
 * One room and one shared roster group per 課 on the real managed Prosody, kept in step with the directory: 財政課
 * (課長 900003 in the 課, 主事 900004 in its 財政係) and 情報政策課 (900001, 900002).
 */
class DepartmentRoomsTest {

    private static final String ZAISEI_ROOM = "120200@conference.kairan.local";
    private static final String JOHO_ROOM = "110400@conference.kairan.local";

    @TempDir
    Path dir;

    private RunningServer startWithChat() throws InterruptedException {
        RunningServer running = RunningServer.start(RunningServer.config(dir, null).toBuilder()
                .chat(ChatSettings.managed()).build()).withTestRoster();
        settle(running);
        return running;
    }

    private static void settle(RunningServer running) throws InterruptedException {
        assertTrue(running.server.chatAccess().awaitProvisioning(Duration.ofMinutes(1)), "the chat upkeep finishes");
    }

    private static XMPPTCPConnection login(RunningServer running, String staffNo) throws Exception {
        HttpResponse<String> response = running.get("/api/chat/credentials", running.sessionFor(staffNo));
        assertEquals(200, response.statusCode(), response.body());
        ChatCredentials credentials = running.read(response, ChatCredentials.class);
        ManagedProsody prosody = (ManagedProsody) running.server.chat().orElseThrow();
        return XmppLogin.login(prosody.address(), prosody.files().certificate(), credentials.jid(),
                credentials.password());
    }

    private static MultiUserChat join(XMPPTCPConnection connection, String room, String nick) throws Exception {
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom(room));
        muc.join(Resourcepart.from(nick));
        return muc;
    }

    private static StanzaError.Condition refusal(XMPPTCPConnection connection, String room) {
        XMPPException.XMPPErrorException refused = assertThrows(XMPPException.XMPPErrorException.class,
                () -> join(connection, room, "outsider"), "a non-member cannot enter " + room);
        return refused.getStanzaError().getCondition();
    }

    /** A XEP-0313 query of the room's archive; the archived messages' XML, or the error. */
    private static List<String> archive(XMPPTCPConnection connection, String room) throws Exception {
        EntityBareJid roomJid = JidCreate.entityBareFrom(room);
        // a collector, not a listener: collectors see stanzas in order, before the query's result returns
        StanzaCollector results = connection.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                FromMatchesFilter.createBare(roomJid)));
        try {
            MamQuery query = new MamQuery();
            query.setTo(roomJid);
            connection.createStanzaCollectorAndSend(query).nextResultOrThrow();
            List<String> messages = new ArrayList<>();
            for (Stanza m = results.pollResult(); m != null; m = results.pollResult()) {
                messages.add(m.toXML().toString());
            }
            return messages;
        } finally {
            results.cancel();
        }
    }

    private static final class MamQuery extends IQ {
        MamQuery() {
            super("query", "urn:xmpp:mam:2");
            setType(IQ.Type.set);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    @Test
    void colleaguesOfA課TalkInItsArchivedRoomAndOthersAreKeptOutOfRoomAndArchive() throws Exception {
        try (RunningServer running = startWithChat()) {
            XMPPTCPConnection kacho = login(running, TestRoster.KACHO);
            XMPPTCPConnection shuji = login(running, TestRoster.SHUJI);
            XMPPTCPConnection other = login(running, TestRoster.ADMIN);
            try {
                var info = MultiUserChatManager.getInstanceFor(kacho).getRoomInfo(JidCreate.entityBareFrom(ZAISEI_ROOM));
                assertEquals("財政課", info.getName(), "the room is named after the 課");
                assertTrue(info.isPersistent() && info.isMembersOnly(), "persistent and members-only");

                String kachosNick = TestRoster.KACHO.toLowerCase(java.util.Locale.ROOT);
                XMPPException.XMPPErrorException posing = assertThrows(XMPPException.XMPPErrorException.class,
                        () -> join(shuji, ZAISEI_ROOM, kachosNick),
                        "a member cannot take another's nickname, even while that one is away");
                assertEquals(StanzaError.Condition.conflict, posing.getStanzaError().getCondition(),
                        "each member's nickname (their 職員番号) is reserved for them, so it tells who wrote");
                MultiUserChat kachosRoom = join(kacho, ZAISEI_ROOM, kachosNick);
                CompletableFuture<String> heard = new CompletableFuture<>();
                kachosRoom.addMessageListener(m -> {
                    if (m.getBody() != null) {
                        heard.complete(m.getBody());
                    }
                });
                MultiUserChat shujisRoom = join(shuji, ZAISEI_ROOM, TestRoster.SHUJI.toLowerCase(java.util.Locale.ROOT));
                shujisRoom.sendMessage("予算の資料を共有します");
                assertEquals("予算の資料を共有します", heard.get(10, TimeUnit.SECONDS),
                        "the 係's 主事 and the 課長 talk in the 課's room");

                assertEquals(StanzaError.Condition.registration_required, refusal(other, ZAISEI_ROOM),
                        "someone of another 課 is not a member");
                XMPPException.XMPPErrorException archive = assertThrows(XMPPException.XMPPErrorException.class,
                        () -> archive(other, ZAISEI_ROOM), "nor can they read the room's archive");
                assertEquals(StanzaError.Condition.forbidden, archive.getStanzaError().getCondition());
                List<String> archived = archive(kacho, ZAISEI_ROOM);
                assertTrue(archived.stream().anyMatch(x -> x.contains("予算の資料を共有します")),
                        "while a member reads the message back from the archive: " + archived);
                join(other, JOHO_ROOM, "kanri").leave();
            } finally {
                kacho.disconnect();
                shuji.disconnect();
                other.disconnect();
            }
        }
    }

    @Test
    void a人事異動MovesThePersonToTheNew課sRoomOnItsDateAndOutOfTheOldOne() throws Exception {
        try (RunningServer running = startWithChat()) {
            XMPPTCPConnection shuji = login(running, TestRoster.SHUJI);
            try {
                XMPPTCPConnection auditor = login(running, TestRoster.AUDITOR);
                HttpResponse<String> transfer = running.postJson("/api/admin/transfers",
                        running.sessionFor(TestRoster.ADMIN), List.of(
                                new TransferRequest(TestRoster.SHUJI, TestRoster.JOHO_KA, "主事",
                                        LocalDate.of(2026, 4, 2), AssignmentKind.PRIMARY),
                                new TransferRequest(TestRoster.AUDITOR, TestRoster.ZAISEI_KAKARI, "主査",
                                        LocalDate.of(2026, 4, 1), AssignmentKind.PRIMARY)));
                assertEquals(204, transfer.statusCode(), transfer.body());
                settle(running);
                try {
                    join(auditor, ZAISEI_ROOM, "kansa").leave();
                    assertEquals(StanzaError.Condition.registration_required, refusal(auditor, JOHO_ROOM),
                            "a 人事異動 dated today moves the person between the rooms as soon as it is applied");
                } finally {
                    auditor.disconnect();
                }
                join(shuji, ZAISEI_ROOM, "sato").leave();
                assertEquals(StanzaError.Condition.registration_required, refusal(shuji, JOHO_ROOM),
                        "a 人事異動 dated tomorrow changes nothing yet");

                running.clock.advance(Duration.ofDays(1));
                running.server.chatAccess().syncRooms("test");
                settle(running);
                join(shuji, JOHO_ROOM, "sato").leave();
                assertEquals(StanzaError.Condition.registration_required, refusal(shuji, ZAISEI_ROOM),
                        "on its 発令日 the person is in the new 課's room and no longer in the old one");
            } finally {
                shuji.disconnect();
            }
            String groups = Files.readString(((ManagedProsody) running.server.chat().orElseThrow()).files().groupsFile());
            assertTrue(groups.contains("[情報政策課]\n900001@kairan.local=管理　太郎\n900004@kairan.local=佐藤　美咲\n"),
                    "the roster groups follow too:\n" + groups);
            assertTrue(groups.contains("[財政課]\n900002@kairan.local=監査　花子\n900003@kairan.local=財政　一郎\n"),
                    "the roster groups follow too:\n" + groups);
        }
    }

    @Test
    void theGroupsFileHasOneSectionPer課WithNamesThatCannotBreakIt() {
        List<OrgUnit> units = List.of(
                new OrgUnit("100000", null, UnitKind.BUREAU, "市長部局", "", "", 1),
                new OrgUnit("110000", "100000", UnitKind.DEPARTMENT, "総務部", "", "", 1),
                new OrgUnit("110100", "110000", UnitKind.DIVISION, "総務課", "", "", 1),
                new OrgUnit("110101", "110100", UnitKind.SECTION, "庶務係", "", "", 1),
                new OrgUnit("200000", null, UnitKind.BUREAU, "教育委員会", "", "", 2),
                new OrgUnit("200100", "200000", UnitKind.DIVISION, "総務課", "", "", 1),
                new OrgUnit("300100", "110000", UnitKind.DIVISION, "+[広報]課", "", "", 2));
        List<StaffMember> staff = List.of(
                new StaffMember("A1", "山田\n[太郎]", "", "", Set.of()),
                new StaffMember("2", "鈴木　次郎", "", "", Set.of()),
                new StaffMember("3", "田中　三郎", "", "", Set.of()));
        List<Assignment> posts = List.of(
                new Assignment("A1", "110101", "主事", LocalDate.of(2025, 4, 1), null, AssignmentKind.PRIMARY),
                new Assignment("A1", "300100", "主事", LocalDate.of(2025, 4, 1), null, AssignmentKind.CONCURRENT),
                new Assignment("2", "200100", "主事", LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31),
                        AssignmentKind.PRIMARY),
                new Assignment("3", "110000", "部長", LocalDate.of(2025, 4, 1), null, AssignmentKind.PRIMARY));
        OrganisationDirectory directory = new OrganisationDirectory(
                new DirectorySnapshot(LocalDate.of(2026, 4, 1), List.of(), units, staff, posts));
        List<DepartmentRooms.Room> rooms = DepartmentRooms.plan(directory, LocalDate.of(2026, 4, 1),
                "conference.x", n -> n.toLowerCase(java.util.Locale.ROOT) + "@x");
        assertEquals(List.of("110100@conference.x", "200100@conference.x", "300100@conference.x"),
                rooms.stream().map(DepartmentRooms.Room::jid).toList(), "a room per 課, none for 部 or 係");
        assertEquals(List.of("総務部 総務課", "教育委員会 総務課", "+[広報]課"),
                rooms.stream().map(DepartmentRooms.Room::name).toList(), "two 総務課 are told apart");
        assertEquals(Set.of("a1@x"), rooms.get(0).members().keySet(), "the 係 belongs to its 課; the 部長 to none");
        assertTrue(rooms.get(1).members().isEmpty(), "a post that ended is no membership");
        assertEquals(Set.of("a1@x"), rooms.get(2).members().keySet(), "a 兼務 counts");
        assertEquals("""
                ; Written by the Kairan server: one group per 課. Edits are lost.
                [総務部 総務課]
                a1@x=山田 [太郎]
                [広報課]
                a1@x=山田 [太郎]
                """, DepartmentRooms.groupsText(rooms),
                "no line breaks from names, no brackets or leading + in group names, no empty groups");
    }

    @Test
    void aFreshlyLoggedInPersonHasTheir課sColleaguesInTheir課sRosterGroup() throws Exception {
        try (RunningServer running = startWithChat()) {
            XMPPTCPConnection shuji = login(running, TestRoster.SHUJI);
            try {
                Roster roster = Roster.getInstanceFor(shuji);
                roster.reloadAndWait();
                RosterGroup group = roster.getGroup("財政課");
                assertNotNull(group, "a group named after the 課: " + roster.getGroups().stream()
                        .map(RosterGroup::getName).toList());
                Set<String> colleagues = group.getEntries().stream().map(e -> e.getJid().toString())
                        .collect(Collectors.toSet());
                assertTrue(colleagues.contains(TestRoster.KACHO + "@kairan.local"), "with the 課長: " + colleagues);
                RosterEntry kacho = roster.getEntry(JidCreate.bareFrom(TestRoster.KACHO + "@kairan.local"));
                assertEquals("財政　一郎", kacho.getName(), "under their 氏名");
                assertFalse(roster.contains(JidCreate.bareFrom(TestRoster.ADMIN + "@kairan.local")),
                        "and nobody of another 課");
            } finally {
                shuji.disconnect();
            }
        }
    }
}
