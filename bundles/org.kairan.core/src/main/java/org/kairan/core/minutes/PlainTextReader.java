package org.kairan.core.minutes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain text transcript in one of the shapes people and tools write:
 * <ul>
 * <li>speaker lines: {@code 山田 太郎: 本日の議題は…} (a full-width colon too), each possibly after a time
 * ({@code [00:01:02] 山田: …}, {@code 00:01:02 山田: …});</li>
 * <li>a speaker's name on its own line, possibly with a time ({@code 山田 太郎  0:03}), followed by the paragraph
 * said; such a line counts as a speaker when it carries a time, or when some name heads two paragraphs or more
 * (then the text is shaped that way and every paragraph's short first line is its speaker).</li>
 * </ul>
 * Lines that are not speaker lines continue the utterance before them; text before the first speaker is kept as an
 * utterance without speaker. A time gives the start; the end is the next timed utterance's start. Text with no
 * speaker at all is refused: it is not a transcript Kairan can attribute.
 */
public final class PlainTextReader implements TranscriptReader {

    private static final String TIME = "(?:(\\d{1,2}):)?(\\d{1,2}):(\\d{2})(?:[.,]\\d{1,3})?";
    private static final Pattern TIMED = Pattern.compile("[\\[(（]?" + TIME + "[\\])）]?\\s+(.*)");
    private static final Pattern NAME_WITH_TIME = Pattern.compile("(.{1,30}?)\\s+" + TIME);
    private static final int MAX_HEADING = 30;

    /** A line {@code [time] 名前: 発言}; the time is null when the line has none. */
    private record SpeakerLine(Duration time, String speaker, String text) {
    }

    /** A line that may be a speaker's name over a paragraph; the time is null when the line has none. */
    private record Heading(String name, Duration time) {
    }

    @Override
    public TranscriptFormat format() {
        return TranscriptFormat.PLAIN_TEXT;
    }

    @Override
    public Transcript read(DecodedText decoded, TranscriptLimits limits) throws TranscriptException {
        TextLines lines = TextLines.of(decoded.text());
        Utterances utterances = new Utterances(limits);
        if (hasSpeakerLines(lines)) {
            readSpeakerLines(lines, utterances);
        } else {
            readHeadings(lines, utterances);
        }
        if (!utterances.hasSpeaker()) {
            throw new TranscriptException(TranscriptProblem.NOT_A_TRANSCRIPT, 0,
                    "発言者が見つかりません。「山田 太郎: 発言」の形か、発言者の名前だけの行のあとに発言を書いた"
                            + "テキスト、または WebVTT (.vtt)・SRT (.srt) の字幕ファイルを選んでください");
        }
        return new Transcript(utterances.finish(), TranscriptFormat.PLAIN_TEXT, decoded.encoding(), 0);
    }

    private static boolean hasSpeakerLines(TextLines lines) {
        for (String line : lines.lines()) {
            if (speakerLine(line) != null) {
                return true;
            }
        }
        return false;
    }

    /** The speaker line, or null when the line is not one. */
    private static SpeakerLine speakerLine(String line) {
        String rest = line.strip();
        Duration time = null;
        Matcher timed = TIMED.matcher(rest);
        if (timed.matches()) {
            time = duration(timed, 1);
            rest = timed.group(4);
        }
        int colon = SpokenText.nameEnd(rest);
        if (colon < 0) {
            return null;
        }
        return new SpeakerLine(time, rest.substring(0, colon).strip(), rest.substring(colon + 1).strip());
    }

    private static void readSpeakerLines(TextLines lines, Utterances utterances) throws TranscriptException {
        for (int i = 0; i < lines.size(); i++) {
            SpeakerLine spoken = speakerLine(lines.get(i));
            if (spoken == null) {
                utterances.continueWith(lines.get(i), i + 1);
            } else {
                utterances.start(spoken.speaker(), spoken.time(), i + 1);
                utterances.continueWith(spoken.text(), i + 1);
            }
        }
    }

    private static void readHeadings(TextLines lines, Utterances utterances) throws TranscriptException {
        Map<String, Integer> headCount = new HashMap<>();
        List<Integer> heads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean startsParagraph = i == 0 || lines.get(i - 1).isBlank();
            boolean hasBody = i + 1 < lines.size() && !lines.get(i + 1).isBlank();
            Heading head = startsParagraph && hasBody ? heading(lines.get(i)) : null;
            if (head != null) {
                headCount.merge(head.name(), 1, Integer::sum);
                heads.add(i);
            }
        }
        boolean shaped = headCount.values().stream().anyMatch(count -> count > 1);
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            Heading head = next < heads.size() && heads.get(next) == i ? heading(lines.get(i)) : null;
            if (head != null) {
                next++;
            }
            if (head != null && (head.time() != null || shaped)) {
                utterances.start(head.name(), head.time(), i + 1);
            } else {
                utterances.continueWith(lines.get(i), i + 1);
            }
        }
    }

    /** The line as a speaker heading, or null when it cannot be one. */
    private static Heading heading(String line) {
        String name = line.strip();
        Duration time = null;
        Matcher withTime = NAME_WITH_TIME.matcher(name);
        if (withTime.matches()) {
            name = withTime.group(1).strip();
            time = duration(withTime, 2);
        }
        if (name.isEmpty() || name.length() > MAX_HEADING || Character.isDigit(name.charAt(0))) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            if ("。、．，！？!?「」『』:：()（）[]【】…".indexOf(name.charAt(i)) >= 0) {
                return null;
            }
        }
        return new Heading(name, time);
    }

    private static Duration duration(Matcher m, int group) {
        long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        long minutes = Long.parseLong(m.group(group + 1));
        long seconds = Long.parseLong(m.group(group + 2));
        return Duration.ofSeconds((hours * 60 + minutes) * 60 + seconds);
    }
}
