package org.kairan.core.minutes;

import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How long importing a long meeting's transcript takes (issue 7, goal ≤ 1 s): a generated 3-hour 課内会議 as Teams
 * exports it (WebVTT, UTF-8 with BOM, a cue every 4 s, six speakers in voice spans, Japanese text, some cues on two
 * lines), and the same meeting as a Shift_JIS SRT (so that the failed strict UTF-8 decode comes first). Each is read
 * through {@link Transcripts#read(byte[], String)} from bytes in memory: decode, parse, speakers. Not a test; see
 * bench/README.md for the commands.
 * <p>
 * Arguments: {@code [--hours 3] [--every 4] [--warmup 20] [--runs 31]}.
 */
public final class TranscriptImportBenchmark {

    private static final String[] SPEAKERS = {"山田 太郎", "佐藤 花子", "鈴木 一郎", "髙橋 次郎", "渡辺 恵子", "伊藤 健"};
    private static final String[] PHRASES = {"それでは次の議題に移ります。", "来年度予算の要求状況について報告します。",
        "人事異動に伴う事務分掌の見直しが必要です。", "決裁は来週の課長会議までに回します。", "住民説明会の日程は令和8年12月3日を予定しています。",
        "資料の2ページをご覧ください。", "はい、承知しました。", "その点については財政課と合議が必要だと思います。",
        "文書番号は伊情第123号です。", "補足ですが、電子決裁の操作研修を各課で実施します。"};

    private TranscriptImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int hours = intArg(args, "--hours", 3);
        int every = intArg(args, "--every", 4);
        int warmup = intArg(args, "--warmup", 20);
        int runs = intArg(args, "--runs", 31);
        String meeting = teamsVtt(hours * 3600 / every, every);
        byte[] vtt = meeting.getBytes(StandardCharsets.UTF_8);
        byte[] srt = srt(hours * 3600 / every, every).getBytes(Charset.forName("windows-31j"));
        System.out.printf("java %s, %d cpus, load average %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        measure("Teams WebVTT, UTF-8 BOM", vtt, "課内会議.vtt", warmup, runs);
        measure("SRT, Shift_JIS", srt, "課内会議.srt", warmup, runs);
    }

    private static void measure(String label, byte[] bytes, String name, int warmup, int runs) throws Exception {
        long first = System.nanoTime();
        Transcript transcript = Transcripts.read(bytes, name);
        first = System.nanoTime() - first;
        for (int i = 0; i < warmup; i++) {
            Transcripts.read(bytes, name);
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            transcript = Transcripts.read(bytes, name);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%s: %,d bytes, %,d utterances, %d speakers, length %s, encoding %s%n", label,
                bytes.length, transcript.utterances().size(), transcript.speakers().size(), transcript.length(),
                transcript.encoding());
        System.out.printf("  first (cold) %.1f ms; warm over %d runs after %d: median %.1f ms, p90 %.1f ms, min %.1f ms,"
                + " max %.1f ms (goal ≤ 1000 ms)%n", first / 1e6, runs, warmup, times[runs / 2] / 1e6,
                times[(int) Math.ceil(runs * 0.9) - 1] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6);
    }

    private static String teamsVtt(int cues, int every) {
        StringBuilder vtt = new StringBuilder("\uFEFFWEBVTT\r\n\r\n");
        for (int i = 0; i < cues; i++) {
            vtt.append("3f9c2a7e-5b1d-4e8a-9c3f-0d6b2e4a8c1f/").append(i + 10).append("-0\r\n");
            vtt.append(time(i * every * 1000L, '.')).append(" --> ").append(time((i + 1) * every * 1000L - 200, '.'));
            vtt.append("\r\n<v ").append(SPEAKERS[(i * 7 / 3) % SPEAKERS.length]).append('>').append(text(i));
            vtt.append("</v>\r\n\r\n");
        }
        return vtt.toString();
    }

    private static String srt(int cues, int every) {
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < cues; i++) {
            srt.append(i + 1).append("\r\n").append(time(i * every * 1000L, ',')).append(" --> ")
                    .append(time((i + 1) * every * 1000L - 200, ',')).append("\r\n")
                    .append(SPEAKERS[(i * 7 / 3) % SPEAKERS.length]).append(": ").append(text(i)).append("\r\n\r\n");
        }
        return srt.toString();
    }

    /** One or two phrases; every fifth cue on two lines. */
    private static String text(int i) {
        String text = PHRASES[i % PHRASES.length];
        if (i % 3 == 0) {
            text += PHRASES[(i / 3) % PHRASES.length];
        }
        if (i % 5 == 0) {
            text += "\r\n" + PHRASES[(i + 4) % PHRASES.length];
        }
        return text;
    }

    private static String time(long millis, char separator) {
        return String.format("%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                separator, millis % 1000);
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
