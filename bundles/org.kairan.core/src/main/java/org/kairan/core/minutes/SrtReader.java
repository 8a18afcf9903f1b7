package org.kairan.core.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (.srt): subtitles separated by blank lines, each a number, a timings line
 * ({@code 00:01:02,500 --> 00:01:05,000}, a comma before the milliseconds; a dot is accepted too, as many tools write
 * one) and text lines, possibly starting with {@code 名前: }. SRT has no spec that says to skip a bad subtitle, so a
 * timings line that cannot be read refuses the file, naming the line.
 */
public final class SrtReader implements TranscriptReader {

    static final String TIME = "(\\d{1,3}):([0-5]\\d):([0-5]\\d)[,.](\\d{3})";
    private static final Pattern TIMESTAMP = Pattern.compile(TIME);
    private static final Pattern TIMINGS = Pattern.compile("\\s*" + TIME + "\\s*-->\\s*" + TIME + "(?:\\s.*)?");
    private static final Pattern NUMBER = Pattern.compile("\\s*\\d+\\s*");
    private static final Pattern CUT = Pattern.compile("[0-9:,.]*[0-9][0-9:,.]*(\\s*-{1,2}>?\\s*[0-9:,.]*)?");

    @Override
    public TranscriptFormat format() {
        return TranscriptFormat.SRT;
    }

    /** Whether the text starts like an SRT file: a number line then a timings line, or a timings line. */
    static boolean looksLikeSrt(TextLines lines) {
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        if (i < lines.size() && NUMBER.matcher(lines.get(i)).matches()) {
            i++;
        }
        return i < lines.size() && TIMINGS.matcher(lines.get(i)).matches();
    }

    @Override
    public Transcript read(DecodedText decoded, TranscriptLimits limits) throws TranscriptException {
        TextLines lines = TextLines.of(decoded.text());
        List<Utterance> utterances = new ArrayList<>();
        int i = skipBlank(lines, 0);
        while (i < lines.size()) {
            String id = "";
            if (NUMBER.matcher(lines.get(i)).matches() && !lines.get(i).contains(":")) {
                id = lines.get(i).strip();
                i++;
                if (i >= lines.size()) {
                    throw new TranscriptException(TranscriptProblem.TRUNCATED, i,
                            "ファイルが途中で切れています（字幕 " + id + " の時刻がありません）");
                }
            }
            Duration[] times = timings(lines, i);
            int timingsLine = i + 1;
            i++;
            StringBuilder text = new StringBuilder();
            while (i < lines.size() && !lines.get(i).isBlank() && !startsNextSubtitle(lines, i)) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(lines.get(i++));
            }
            limits.checkCount(utterances.size() + 1, timingsLine);
            SpokenText spoken = SpokenText.ofSrt(text.toString());
            utterances.add(new Utterance(spoken.speaker(), times[0], times[1], spoken.text(), id));
            i = skipBlank(lines, i);
        }
        return new Transcript(utterances, TranscriptFormat.SRT, decoded.encoding(), 0);
    }

    private static int skipBlank(TextLines lines, int i) {
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** A number line followed by a timings line, without the blank line between (a common slip). */
    private static boolean startsNextSubtitle(TextLines lines, int i) {
        return NUMBER.matcher(lines.get(i)).matches() && i + 1 < lines.size()
                && TIMINGS.matcher(lines.get(i + 1)).matches();
    }

    private static Duration[] timings(TextLines lines, int i) throws TranscriptException {
        String line = lines.get(i);
        Matcher m = TIMINGS.matcher(line);
        if (m.matches()) {
            return new Duration[] {duration(m, 1), duration(m, 5)};
        }
        if (lines.isCutLast(i) && CUT.matcher(line.strip()).matches()) {
            throw new TranscriptException(TranscriptProblem.TRUNCATED, i + 1,
                    "ファイルが途中で切れています（最後の字幕の時刻が不完全です: " + line.strip() + "）");
        }
        int arrow = line.indexOf("-->");
        if (arrow < 0) {
            throw new TranscriptException(TranscriptProblem.BAD_TIMESTAMP, i + 1,
                    "字幕の時刻の行（00:00:01,000 --> 00:00:04,000 の形）がありません (" + line.strip() + ")");
        }
        String start = line.substring(0, arrow).strip();
        String end = line.substring(arrow + 3).strip().split("\\s+", 2)[0];
        String bad = TIMESTAMP.matcher(start).matches() ? end : start;
        throw new TranscriptException(TranscriptProblem.BAD_TIMESTAMP, i + 1,
                "時刻の書式が正しくありません (" + bad + ")");
    }

    private static Duration duration(Matcher m, int group) {
        long hours = Long.parseLong(m.group(group));
        long minutes = Long.parseLong(m.group(group + 1));
        long seconds = Long.parseLong(m.group(group + 2));
        long millis = Long.parseLong(m.group(group + 3));
        return Duration.ofMillis(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis);
    }
}
