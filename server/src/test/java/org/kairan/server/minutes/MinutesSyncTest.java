package org.kairan.server.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.BUCHO;
import static org.kairan.server.testing.DemoDesks.JOHO_KACHO;
import static org.kairan.server.testing.DemoDesks.KACHO;
import static org.kairan.server.testing.DemoDesks.KAKARICHO;
import static org.kairan.server.testing.DemoDesks.SHIMIN_SHUNIN;
import static org.kairan.server.testing.DemoDesks.SHUJI;
import static org.kairan.server.testing.DemoDesks.ZAISEI_KA;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesStatus;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.core.minutes.SaveMinutes;
import org.kairan.core.minutes.SendMinutes;
import org.kairan.core.sync.CommandCodes;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.core.sync.SyncChange;
import org.kairan.server.testing.DemoDesks;
import org.kairan.server.testing.SyncPages;

/**
 * 議事録 through the real server: saved by a 財政課 主事 and seen by the 課, the 部長 above it and an attendee of another
 * 課 — nobody else; edited on a base version (a stale save is a conflict naming the version); exported as .docx and
 * PDF; sent for 決裁 as a 起案中 起案 with the PDF attached, after which they are closed; bad payloads refused.
 */
class MinutesSyncTest {

    @TempDir
    Path dataDir;

    DemoDesks desks;

    @BeforeEach
    void start() {
        desks = DemoDesks.start(dataDir, null);
    }

    @AfterEach
    void stop() {
        desks.close();
    }

    static Minutes meeting(String id) {
        MeetingHeader header = new MeetingHeader("令和8年度 第1回 財政課内会議", LocalDateTime.of(2026, 4, 1, 10, 0),
                LocalDateTime.of(2026, 4, 1, 11, 0), "第2会議室",
                List.of(new Attendee(KACHO, "野村 健一"), new Attendee(SHIMIN_SHUNIN, "市民課 主任"),
                        Attendee.guest("鈴木 一郎（監査委員事務局）")),
                List.of("来年度予算の査定方針"));
        List<MinutesUtterance> said = List.of(
                new MinutesUtterance("u1", "話者 1", Duration.ofSeconds(5), Duration.ofSeconds(11),
                        "それでは第1回財政課内会議を始めます。"),
                new MinutesUtterance("u2", "話者 2", Duration.ofSeconds(12), Duration.ofSeconds(30),
                        "シーリングは前年度と同額とすべきです。"));
        return new Minutes(id, ZAISEI_KA, header, said, Map.of(), List.of(), List.of(), "", "");
    }

    private MinutesRecord seenBy(String staffNo, String id) {
        SyncChange change = SyncPages.pullAll(desks.running, desks.session(staffNo), null, 500).latest()
                .get(EntityTypes.MINUTES + "/" + id);
        if (change == null || change.deleted()) {
            return null;
        }
        try {
            return desks.running.json.readValue(change.data(), MinutesRecord.class);
        } catch (IOException e) {
            throw new AssertionError("the feed's minutes read as JSON", e);
        }
    }

    @Test
    void minutesAreSeenByTheKaTheirManagersAndAttendeesAndSavedOnTheirVersion() throws Exception {
        String id = UUID.randomUUID().toString();
        Minutes minutes = meeting(id);
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, 0));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), saved.message());
        MinutesRecord first = seenBy(KACHO, id);
        assertNotNull(first, "the 課長 of the 課 sees them");
        assertEquals(1, first.version());
        assertEquals(MinutesStatus.DRAFT, first.status());
        assertEquals(minutes, first.minutes(), "the minutes come back as saved");
        assertNotNull(seenBy(BUCHO, id), "the 部長 above the 課 sees them");
        assertNotNull(seenBy(SHIMIN_SHUNIN, id), "an attendee of another 課 sees them");
        assertNull(seenBy(JOHO_KACHO, id), "another 課 does not");

        Minutes named = MinutesEdits.mapSpeaker(minutes, "話者 1", new Attendee(KACHO, "野村 健一"));
        CommandResult edited = desks.send(KAKARICHO, CommandTypes.SAVE_MINUTES, new SaveMinutes(named, 1));
        assertEquals(CommandOutcome.APPLIED, edited.outcome(), edited.message());
        CommandResult stale = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, 1));
        assertEquals(CommandOutcome.CONFLICT, stale.outcome());
        assertEquals(CommandCodes.OUT_OF_DATE, stale.code());
        assertTrue(stale.message().contains("第2版"), stale.message());
        assertEquals("野村 健一", seenBy(SHUJI, id).minutes().speakerName("話者 1"), "the first save stays");

        Minutes fewer = named.withHeader(new MeetingHeader(named.header().title(), named.header().startsAt(),
                named.header().endsAt(), named.header().place(), List.of(new Attendee(KACHO, "野村 健一")),
                named.header().agenda()));
        assertEquals(CommandOutcome.APPLIED, desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(fewer, 2))
                .outcome());
        assertNull(seenBy(SHIMIN_SHUNIN, id), "an attendee taken off no longer sees them");

        CommandResult foreign = desks.send(JOHO_KACHO, CommandTypes.SAVE_MINUTES,
                new SaveMinutes(meeting(UUID.randomUUID().toString()), 0));
        assertEquals(CommandOutcome.REJECTED, foreign.outcome(), "only a 課's own staff make its minutes");
        assertEquals(CommandCodes.NOT_PERMITTED, foreign.code());
    }

    @Test
    void badMinutesAreRefusedWithTheReason() {
        Minutes twice = new Minutes(UUID.randomUUID().toString(), ZAISEI_KA, meeting("x").header(),
                List.of(new MinutesUtterance("u1", "", Duration.ZERO, Duration.ZERO, "あ"),
                        new MinutesUtterance("u1", "", Duration.ZERO, Duration.ZERO, "い")),
                Map.of(), List.of(), List.of(), "", "");
        CommandResult duplicate = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(twice, 0));
        assertEquals(CommandOutcome.REJECTED, duplicate.outcome());
        assertTrue(duplicate.message().contains("重複"), duplicate.message());

        List<MinutesUtterance> talk = new ArrayList<>();
        for (int i = 1; i <= 12_000; i++) {
            talk.add(new MinutesUtterance("u" + i, "話者 1", Duration.ofSeconds(i), Duration.ofSeconds(i + 1),
                    "来年度予算の査定方針について、各課の要求額を前年度と比べて説明します。"));
        }
        Minutes huge = new Minutes(UUID.randomUUID().toString(), ZAISEI_KA, meeting("x").header(), talk, Map.of(),
                List.of(), List.of(), "", "");
        CommandResult tooLarge = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(huge, 0));
        assertEquals(CommandOutcome.REJECTED, tooLarge.outcome());
        assertTrue(tooLarge.message().contains("議事録が大きすぎます"), tooLarge.message());
        assertNull(seenBy(SHUJI, huge.id()), "nothing half-saved");
    }

    @Test
    void minutesAreExportedAndSentForDecisionAsADraftWithThePdf() throws Exception {
        String id = UUID.randomUUID().toString();
        Minutes minutes = MinutesEdits.markDecision(meeting(id), "u2", "シーリングは前年度と同額とする。");
        assertEquals(CommandOutcome.APPLIED, desks.send(SHUJI, CommandTypes.SAVE_MINUTES,
                new SaveMinutes(minutes, 0)).outcome());

        HttpResponse<byte[]> docx = bytes("/api/minutes/records/" + id + "/export?format=docx", SHUJI);
        assertEquals(200, docx.statusCode());
        assertEquals('P', docx.body()[0], "a .docx is a zip");
        assertTrue(docx.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"),
                "named in Japanese");
        HttpResponse<byte[]> pdf = bytes("/api/minutes/records/" + id + "/export?format=pdf", KACHO);
        assertEquals(200, pdf.statusCode());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertTrue(new PDFTextStripper().getText(document).contains("シーリングは前年度と同額とする。"));
        }
        assertEquals(404, bytes("/api/minutes/records/" + id + "/export?format=pdf", JOHO_KACHO).statusCode(),
                "another 課 gets what a missing one gets");
        assertEquals(400, bytes("/api/minutes/records/" + id + "/export?format=xls", SHUJI).statusCode());

        String kessaiId = UUID.randomUUID().toString();
        CommandResult unknownClass = desks.send(SHUJI, CommandTypes.SEND_MINUTES,
                new SendMinutes(id, 1, kessaiId, "存在しない分類"));
        assertEquals(CommandOutcome.REJECTED, unknownClass.outcome());
        CommandResult staleSend = desks.send(SHUJI, CommandTypes.SEND_MINUTES, new SendMinutes(id, 0, kessaiId, "一般庶務"));
        assertEquals(CommandCodes.OUT_OF_DATE, staleSend.code(), "only the minutes one read are sent");

        CommandResult sent = desks.send(SHUJI, CommandTypes.SEND_MINUTES, new SendMinutes(id, 1, kessaiId, "一般庶務"));
        assertEquals(CommandOutcome.APPLIED, sent.outcome(), sent.message());
        Kessai draft = desks.as(SHUJI, kessaiId);
        assertEquals("令和8年度 第1回 財政課内会議 会議録", draft.title());
        assertEquals(KessaiStatus.DRAFT, draft.status(), "a 起案 for the sender to check and submit");
        assertEquals("一般庶務", draft.classification());
        assertEquals(1, draft.attachments().size());
        assertEquals("令和8年度 第1回 財政課内会議 会議録.pdf", draft.attachments().get(0).name());
        assertTrue(draft.body().contains("シーリングは前年度と同額とする。"), "the decisions are in the 本文");
        MinutesRecord closed = seenBy(SHUJI, id);
        assertEquals(MinutesStatus.SENT, closed.status());
        assertEquals(kessaiId, closed.kessaiId());

        CommandResult afterwards = desks.send(SHUJI, CommandTypes.SAVE_MINUTES, new SaveMinutes(minutes, 2));
        assertEquals(CommandCodes.CLOSED, afterwards.code(), "minutes sent for 決裁 are no longer edited");
        assertEquals(CommandCodes.CLOSED, desks.send(SHUJI, CommandTypes.SEND_MINUTES,
                new SendMinutes(id, 2, UUID.randomUUID().toString(), "一般庶務")).code());
    }

    private HttpResponse<byte[]> bytes(String path, String staffNo) {
        return desks.running.send(HttpRequest.newBuilder(desks.running.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + desks.session(staffNo)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
