package org.kairan.core.minutes;

import java.time.Duration;
import java.util.List;

/**
 * The minutes as text files: WebVTT (the utterances as cues with {@code <v 氏名>} voices, read back by
 * {@link Transcripts} and by Teams-aware tools) and plain text (the whole {@link MinutesSheet}).
 */
public final class MinutesWriters {

    private MinutesWriters() {
    }

    /** WebVTT: one cue per utterance, its id the utterance's, the speaker as a voice span. */
    public static String webVtt(Minutes minutes) {
        return webVtt(minutes.utterances().stream().map(u -> new Utterance(minutes.speakerName(u.speaker()), u.start(),
                u.end(), u.text(), u.id())).toList());
    }

    /**
     * WebVTT of utterances (a transcript, the speech recogniser's segments): a cue each, its id the utterance's cue id
     * or else its number, the speaker as a voice span when known; {@code WEBVTT} alone when there are none.
     */
    public static String webVtt(List<Utterance> utterances) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int number = 0;
        for (Utterance u : utterances) {
            number++;
            Duration end = u.end().compareTo(u.start()) > 0 ? u.end() : u.start();
            vtt.append('\n').append(u.hasCueId() ? u.cueId() : Integer.toString(number)).append('\n')
                    .append(timestamp(u.start())).append(" --> ").append(timestamp(end)).append('\n');
            if (u.hasSpeaker()) {
                // a voice's name ends at '>' and may not hold markup
                vtt.append("<v ").append(u.speaker().replace("<", "").replace(">", "").replace("&", "＆")).append('>');
            }
            vtt.append(cueText(u.text())).append('\n');
        }
        return vtt.toString();
    }

    /** The text of a cue: escaped, and never a blank line or an arrow, which would end or break the cue. */
    private static String cueText(String text) {
        return escape(text).replace("-->", "--&gt;").lines().filter(l -> !l.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** hh:mm:ss.ttt. */
    static String timestamp(Duration at) {
        long millis = Math.max(0, at.toMillis());
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    /** Plain text of the whole 会議録, for mail or a text editor. */
    public static String plainText(Minutes minutes) {
        MinutesSheet sheet = MinutesSheet.of(minutes);
        StringBuilder text = new StringBuilder(sheet.title()).append("\n\n");
        for (MinutesSheet.Line line : sheet.head()) {
            text.append(line.label().isEmpty() ? "　".repeat(3) : pad(line.label())).append('　').append(line.value())
                    .append('\n');
        }
        for (MinutesSheet.Section section : sheet.sections()) {
            text.append("\n【").append(section.heading()).append("】\n");
            for (MinutesSheet.Row row : section.rows()) {
                text.append(switch (section.heading()) {
                    case "今後の対応" -> row.cells().get(0) + "（担当：" + row.cells().get(1) + "、期限："
                            + row.cells().get(2) + "）";
                    case "議事の経過" -> "[" + row.cells().get(0) + "] " + row.cells().get(1) + "："
                            + row.cells().get(2).replace("\n", "\n　　");
                    default -> String.join("　", row.cells());
                }).append('\n');
            }
        }
        return text.toString();
    }

    /** A head label padded to three full-width characters (日時 → 日　時), as printed forms align them. */
    private static String pad(String label) {
        return label.length() == 2 ? label.charAt(0) + "　" + label.charAt(1) : label;
    }
}
