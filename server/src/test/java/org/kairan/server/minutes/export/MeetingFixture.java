package org.kairan.server.minutes.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.Transcripts;

/** A 財政課内会議 from a Teams transcript, speakers named, a decision and two action items marked, a summary. */
final class MeetingFixture {

    static final String TEAMS = """
            WEBVTT

            00:00:05.000 --> 00:00:11.000
            <v 話者 1>それでは第3回財政課内会議を始めます。本日の議題は来年度予算の査定方針です。

            00:00:19.000 --> 00:00:31.000
            <v 話者 2>各課の要求額は前年度比で5%増えています。シーリングは前年度と同じにすべきです。

            00:00:31.000 --> 00:00:40.000
            <v 話者 1>では、シーリングは前年度と同じとします。佐藤さんは12月4日までに各課へ通知してください。
            """;

    private MeetingFixture() {
    }

    /** Keeps an exported file under target/minutes-export, to be looked at (and converted by LibreOffice). */
    static void keep(String name, byte[] content) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "minutes-export");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve(name), content);
    }

    static Minutes minutes() throws Exception {
        MeetingHeader header = new MeetingHeader("令和8年度 第3回 財政課内会議", LocalDateTime.of(2026, 11, 27, 14, 0),
                LocalDateTime.of(2026, 11, 27, 15, 0), "第2会議室",
                List.of(new Attendee("100231", "山田 太郎"), new Attendee("466475", "佐藤 花子")),
                List.of("来年度予算の査定方針", "補正予算の日程"));
        Minutes minutes = Minutes.fromTranscript("m-1", "120200", header,
                Transcripts.read(TEAMS.getBytes(StandardCharsets.UTF_8), "会議.vtt"));
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 1", new Attendee("100231", "山田 太郎"));
        minutes = MinutesEdits.mapSpeaker(minutes, "話者 2", new Attendee("466475", "佐藤 花子"));
        minutes = MinutesEdits.markDecision(minutes, "u3", "シーリングは前年度と同額とする。");
        minutes = MinutesEdits.addActionItem(minutes, "u3", "各課へシーリングを通知する", new Attendee("466475", "佐藤 花子"),
                LocalDate.of(2026, 12, 4));
        minutes = MinutesEdits.addActionItem(minutes, "u2", "要求額の増加理由を整理する", null, null);
        return minutes.withSummary("来年度予算の査定方針を協議し、シーリングを前年度と同額とすることとした。");
    }
}
