package org.kairan.client.minutes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.client.kessai.internal.DemoCity.KAKARICHO;
import static org.kairan.client.kessai.internal.DemoCity.SHUJI;
import static org.kairan.client.kessai.internal.DemoCity.ZAISEI_KA;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.client.KairanClientException;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.internal.DemoCity;
import org.kairan.client.kessai.internal.ServerDesktop;
import org.kairan.client.minutes.SpeechLanguage;
import org.kairan.client.minutes.ExportFormat;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.TranscriptException;

/**
 * 議事録 on the desktop ({@code DefaultMinutesService}) against a real demo server: a transcript imported offline is
 * listed at once (送信待ち) and saved when the network is back; a file that is no transcript is refused with the
 * parser's Japanese reason and nothing is queued; two people of the 課 editing at once — the second save on a stale
 * version comes back as 競合 with the user's own minutes kept and the server's version as the base, and saving again
 * overwrites; the minutes are written as .docx by the server and as WebVTT here; 決裁に回付 makes a 起案中 起案.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MinutesServiceTest {

    @TempDir
    static Path temp;

    private DemoCity city;
    private final List<ServerDesktop> desktops = new ArrayList<>();

    @BeforeAll
    void startServer() throws Exception {
        city = DemoCity.start("minutes", temp);
    }

    @AfterAll
    void stopServer() throws Exception {
        city.close();
    }

    @BeforeEach
    void plugIn() {
        city.cable.plugIn();
    }

    @AfterEach
    void closeDesktops() {
        desktops.forEach(ServerDesktop::close);
        desktops.clear();
    }

    private ServerDesktop desktopOf(String staffNo) throws Exception {
        ServerDesktop desktop = city.synced(staffNo);
        desktops.add(desktop);
        return desktop;
    }

    private static MinutesEntry syncUntil(ServerDesktop desktop, String minutesId, String expected,
            Predicate<MinutesEntry> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            desktop.syncNow();
            var entry = desktop.minutes.entry(minutesId);
            if (entry.isPresent() && condition.test(entry.get())) {
                return entry.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(expected + " (not within 60 s; the entry is " + entry + ")");
            }
            Thread.sleep(200);
        }
    }

    private static Path transcript(String name) throws Exception {
        return Files.writeString(temp.resolve(name), """
                WEBVTT

                00:00:01.000 --> 00:00:04.000
                <v 話者 1>それでは課内会議を始めます。

                00:00:04.000 --> 00:00:09.000
                <v 話者 2>予算要求は前年度比五パーセント減を上限とします。

                00:00:09.000 --> 00:00:14.000
                <v 話者 1>各係は月末までに資料を提出してください。
                """, StandardCharsets.UTF_8);
    }

    private static MeetingHeader header(String title) {
        return new MeetingHeader(title, LocalDateTime.of(2026, 11, 20, 14, 0), LocalDateTime.of(2026, 11, 20, 15, 0),
                "第2会議室", List.of(new Attendee(SHUJI, "主事")), List.of("予算要求"));
    }

    /** One second of silence as a WAV (16 kHz, mono, 16 bit). */
    static Path silence(Path file) throws Exception {
        int samples = 16_000;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return Files.write(file, wav.array());
    }

    @Test
    void speechToTextSaysPlainlyWhenTheServerHasNoModelForTheLanguage() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        SpeechLanguage ja = shuji.minutes.languages().stream().filter(l -> l.language().equals("ja")).findFirst()
                .orElseThrow(() -> new AssertionError("Japanese is always listed"));
        assertEquals("日本語", ja.name());
        assertTrue(!ja.installed() && ja.message().contains("kairan.stt.model.ja"),
                "the demo server has no Japanese model and says which setting names it: " + ja);
        Path recording = silence(temp.resolve("課内会議.wav"));
        KairanClientException refused = assertThrows(KairanClientException.class,
                () -> shuji.minutes.startTranscription(recording, "ja"));
        assertEquals(ja.message(), refused.getMessage(), "the upload is refused with the server's own words");
    }

    @Test
    void importedOfflineListedAtOnceSavedLaterAndABadFileRefusedWithNothingQueued() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        assertEquals(ZAISEI_KA, shuji.minutes.ownUnits().getFirst().code(), "new minutes belong to the 主事's 課");
        city.cable.unplug();
        Path bad = Files.write(temp.resolve("録音.vtt"), new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E' });
        int queuedBefore = shuji.sync.actions().size();
        TranscriptException refused = assertThrows(TranscriptException.class,
                () -> shuji.minutes.importTranscript(bad, header("壊れた会議"), ZAISEI_KA));
        assertTrue(refused.getMessage().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HIRAGANA), "the parser's reason in Japanese: " + refused.getMessage());
        assertEquals(queuedBefore, shuji.sync.actions().size(), "nothing is queued for a bad file");

        Minutes made = shuji.minutes.importTranscript(transcript("課内会議.vtt"), header("第1回 課内会議"), ZAISEI_KA);
        MinutesEntry offline = shuji.minutes.entry(made.id()).orElseThrow();
        assertEquals(MinutesEntry.State.QUEUED, offline.state(), "listed at once, 送信待ち");
        assertEquals(3, offline.minutes().utterances().size());
        assertEquals(1, offline.baseVersion(), "the next save is based on the version the server will have");

        city.cable.plugIn();
        MinutesEntry saved = syncUntil(shuji, made.id(), "the minutes reach the server",
                e -> e.state() == MinutesEntry.State.DRAFT);
        assertEquals(1, saved.baseVersion());
        assertEquals(SHUJI, saved.updatedBy());
    }

    @Test
    void aSaveOnAStaleVersionIsAConflictKeepingTheUsersMinutesAndSavingAgainOverwrites() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        Minutes made = shuji.minutes.importTranscript(transcript("第2回.vtt"), header("第2回 課内会議"), ZAISEI_KA);
        syncUntil(shuji, made.id(), "saved", e -> e.state() == MinutesEntry.State.DRAFT);
        ServerDesktop kakaricho = desktopOf(KAKARICHO);
        MinutesEntry seen = syncUntil(kakaricho, made.id(), "the 係長 of the 課 sees the minutes", e -> true);
        kakaricho.minutes.save(seen.minutes().withSummary("係長の要旨"), seen.baseVersion());
        syncUntil(kakaricho, made.id(), "the 係長's save is applied", e -> e.state() == MinutesEntry.State.DRAFT
                && e.baseVersion() == 2);

        Minutes mine = MinutesEdits.mapSpeaker(made, "話者 1", new Attendee(SHUJI, "主事"));
        shuji.minutes.save(mine, 1);
        MinutesEntry conflict = syncUntil(shuji, made.id(), "the stale save is a conflict",
                e -> e.state() == MinutesEntry.State.CONFLICT);
        assertNotNull(conflict.problem(), "the server's reason is kept");
        assertEquals(mine, conflict.minutes(), "the user's own minutes are not lost");
        assertEquals(2, conflict.baseVersion(), "saving again starts from the server's version");

        shuji.minutes.save(conflict.minutes(), conflict.baseVersion());
        MinutesEntry overwritten = syncUntil(shuji, made.id(), "saving again overwrites",
                e -> e.state() == MinutesEntry.State.DRAFT && e.baseVersion() == 3);
        assertEquals("主事", overwritten.minutes().speakerName("話者 1"));
        assertTrue(shuji.sync.actions().stream().noneMatch(a -> a.state().isSettled()), "the conflict was dismissed");
    }

    @Test
    void writtenAsWordAndWebVttAndSentForKessai() throws Exception {
        ServerDesktop shuji = desktopOf(SHUJI);
        Minutes made = shuji.minutes.importTranscript(transcript("第3回.vtt"), header("第3回 課内会議"), ZAISEI_KA);
        Minutes marked = MinutesEdits.markDecision(MinutesEdits.mapSpeaker(made, "話者 2",
                new Attendee(KAKARICHO, "係長")), "u2", null);
        shuji.minutes.save(marked, 1); // not yet sent: export sends it first

        Path docx = temp.resolve("第3回 課内会議 会議録.docx");
        shuji.minutes.export(made.id(), ExportFormat.DOCX, docx);
        byte[] head = Files.readAllBytes(docx);
        assertTrue(head.length > 1000 && head[0] == 'P' && head[1] == 'K', "a Word file (a zip) from the server");
        Path vtt = temp.resolve("第3回.vtt");
        shuji.minutes.export(made.id(), ExportFormat.WEBVTT, vtt);
        assertTrue(Files.readString(vtt).contains("<v 係長>"), "WebVTT with the mapped names");

        MinutesEntry now = syncUntil(shuji, made.id(), "saved", e -> e.state() == MinutesEntry.State.DRAFT
                && e.baseVersion() == 2);
        assertThrows(IllegalArgumentException.class, () -> shuji.minutes.send(made.id(), 2, "ない分類"));
        String kessaiId = shuji.minutes.send(made.id(), now.baseVersion(),
                shuji.minutes.classifications().getFirst().name());
        assertEquals(MinutesEntry.State.SENDING, shuji.minutes.entry(made.id()).orElseThrow().state());
        MinutesEntry sent = syncUntil(shuji, made.id(), "決裁に回付", e -> e.state() == MinutesEntry.State.SENT);
        assertEquals(kessaiId, sent.kessaiId());
        ServerDesktop.await(Duration.ofSeconds(30), "a 起案中 起案 of the 主事", () -> shuji.kessai.inbox()
                .get(InboxFolder.DRAFTS).stream()
                .anyMatch(i -> i.id().equals(kessaiId) && i.title().equals("第3回 課内会議 会議録")));
        assertThrows(IllegalStateException.class, () -> shuji.minutes.save(marked, 2), "sent minutes are not saved");
    }
}
