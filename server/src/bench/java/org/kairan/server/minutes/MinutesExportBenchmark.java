package org.kairan.server.minutes;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesEdits;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.server.minutes.export.MinutesDocx;
import org.kairan.server.record.MinutesPdf;
import org.kairan.server.record.RecordFonts;

/**
 * How long exporting a long meeting's 会議録 takes (issue 7: ".docx export of it: time"): a generated 3-hour
 * 課内会議 (an utterance every 4 s, 2,700 utterances, six speakers mapped to staff, two 決定事項, three 対応事項, a
 * 要旨) written as .docx (Apache POI) and as PDF (PDFBox with the IPA fonts) into memory. Not a test; see
 * bench/README.md for the commands. Arguments: {@code [--hours 3] [--every 4] [--warmup 3] [--runs 9]}.
 */
public final class MinutesExportBenchmark {

    private static final String[] SPEAKERS = {"山田 太郎", "佐藤 花子", "鈴木 一郎", "髙橋 次郎", "渡辺 恵子", "伊藤 健"};
    private static final String[] PHRASES = {"それでは次の議題に移ります。", "来年度予算の要求状況について報告します。",
        "人事異動に伴う事務分掌の見直しが必要です。", "決裁は来週の課長会議までに回します。",
        "住民説明会の日程は令和8年12月3日を予定しています。", "資料の2ページをご覧ください。",
        "その点については財政課と合議が必要だと思います。", "補足ですが、電子決裁の操作研修を各課で実施します。"};

    private MinutesExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hours = intArg(args, "--hours", 3);
        int every = intArg(args, "--every", 4);
        int warmup = intArg(args, "--warmup", 3);
        int runs = intArg(args, "--runs", 9);
        Minutes minutes = meeting(hours * 3600 / every, every);
        System.out.printf("java %s, %d cpus, load average %.2f; %,d utterances%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), minutes.utterances().size());
        MinutesPdf pdf = new MinutesPdf(RecordFonts.installed());
        measure(".docx (Apache POI)", warmup, runs, out -> {
            MinutesDocx.write(minutes, out);
            return 0;
        });
        measure("PDF (PDFBox, IPA fonts)", warmup, runs, out -> pdf.write(minutes, out));
    }

    interface Export {
        int write(ByteArrayOutputStream out) throws Exception;
    }

    private static void measure(String label, int warmup, int runs, Export export) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long first = System.nanoTime();
        int pages = export.write(out);
        first = System.nanoTime() - first;
        for (int i = 0; i < warmup; i++) {
            export.write(new ByteArrayOutputStream());
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            export.write(new ByteArrayOutputStream());
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%s: %,d bytes%s; first (cold) %.0f ms; warm over %d runs after %d: median %.0f ms, min %.0f ms,"
                + " max %.0f ms%n", label, out.size(), pages > 0 ? ", " + pages + " pages" : "", first / 1e6, runs,
                warmup, times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6);
    }

    static Minutes meeting(int count, int every) throws Exception {
        List<MinutesUtterance> utterances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = PHRASES[i % PHRASES.length] + (i % 3 == 0 ? PHRASES[(i + 3) % PHRASES.length] : "");
            utterances.add(new MinutesUtterance("u" + (i + 1), "話者 " + ((i * 7 / 3) % SPEAKERS.length + 1),
                    Duration.ofSeconds((long) i * every), Duration.ofSeconds((long) (i + 1) * every - 1), text));
        }
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < SPEAKERS.length; i++) {
            attendees.add(new Attendee(String.valueOf(120001 + i), SPEAKERS[i]));
        }
        Minutes minutes = new Minutes("m", "120200", new MeetingHeader("令和8年度 第3回 財政課内会議",
                LocalDateTime.of(2026, 11, 27, 13, 0), LocalDateTime.of(2026, 11, 27, 16, 0), "第2会議室", attendees,
                List.of("来年度予算の査定方針", "補正予算の日程", "電子決裁の操作研修")), utterances, Map.of(), List.of(),
                List.of(), "来年度予算の査定方針を協議し、シーリングを前年度と同額とすることとした。", "");
        for (int i = 0; i < SPEAKERS.length; i++) {
            minutes = MinutesEdits.mapSpeaker(minutes, "話者 " + (i + 1), attendees.get(i));
        }
        minutes = MinutesEdits.markDecision(minutes, "u" + (count / 27 + 1), "シーリングは前年度と同額とする。");
        minutes = MinutesEdits.markDecision(minutes, "u" + (count / 3 + 1), "操作研修は各課で実施する。");
        for (int i = 0; i < 3; i++) {
            minutes = MinutesEdits.addActionItem(minutes, "u" + (count / 2 + i * count / 9 + 1), "対応事項 " + (i + 1),
                    attendees.get(i), LocalDate.of(2026, 12, 4 + i));
        }
        return minutes;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
