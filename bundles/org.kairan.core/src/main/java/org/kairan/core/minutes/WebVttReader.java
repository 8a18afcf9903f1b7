package org.kairan.core.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads WebVTT (W3C WebVTT, "WebVTT parser algorithm"), the format of Teams, Zoom and Google Meet transcripts.
 * <p>
 * As the spec says: the file must start with {@code WEBVTT} (after an optional byte order mark) followed by the end,
 * a space, a tab or a line end; NUL becomes U+FFFD; CR, LF and CR LF all end a line; blocks are separated by blank
 * lines; a block is a cue when its first or second line holds {@code -->}, the line before the timings being the
 * cue id; a line with {@code -->} inside a cue's text starts the next block; header text, {@code NOTE}, {@code STYLE}
 * and {@code REGION} blocks and cue settings are ignored; <em>a cue whose timings cannot be read is skipped</em>
 * and the rest of the file is still read. Skipped cues are counted in {@link Transcript#skippedCues()}.
 * <p>
 * One rule differs, on purpose: when the file's last line has no line end and is a cue's cut-off timings (the file
 * was truncated while saving), the spec would drop that cue silently; Kairan refuses the file
 * ({@link TranscriptProblem#TRUNCATED}) so that the end of a meeting is not lost without a word.
 */
public final class WebVttReader implements TranscriptReader {

    /** The start of a timings line cut off in the middle: digits, colons, a dot, an unfinished arrow. */
    private static final Pattern CUT_TIMINGS = Pattern.compile("[0-9:.]*[0-9][0-9:.]*(\\s*-{1,2}>?\\s*[0-9:.]*)?");

    @Override
    public TranscriptFormat format() {
        return TranscriptFormat.WEBVTT;
    }

    @Override
    public Transcript read(DecodedText decoded, TranscriptLimits limits) throws TranscriptException {
        String text = decoded.text();
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        TextLines lines = TextLines.of(text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD'));
        if (lines.size() == 0 || !hasSignature(lines.get(0))) {
            throw new TranscriptException(TranscriptProblem.NOT_A_TRANSCRIPT, 1,
                    "WebVTT ファイルではありません（1 行目が「WEBVTT」で始まっていません）");
        }
        Blocks blocks = new Blocks(lines, limits);
        blocks.readAll();
        return new Transcript(blocks.utterances, TranscriptFormat.WEBVTT, decoded.encoding(), blocks.skipped);
    }

    /** {@code WEBVTT} alone or followed by a space or a tab (then anything) on the first line. */
    static boolean hasSignature(String firstLine) {
        return firstLine.startsWith("WEBVTT")
                && (firstLine.length() == 6 || firstLine.charAt(6) == ' ' || firstLine.charAt(6) == '\t');
    }

    /** The block loop of the parser over the lines after the signature. */
    private static final class Blocks {
        private final TextLines lines;
        private final TranscriptLimits limits;
        private final List<Utterance> utterances = new ArrayList<>();
        private int index = 1;
        private int skipped;

        Blocks(TextLines lines, TranscriptLimits limits) {
            this.lines = lines;
            this.limits = limits;
        }

        void readAll() throws TranscriptException {
            if (index >= lines.size()) {
                return;
            }
            if (lines.get(index).isEmpty()) {
                index++;
            } else {
                block(true);
            }
            skipBlankLines();
            while (index < lines.size()) {
                block(false);
                skipBlankLines();
            }
        }

        private void skipBlankLines() {
            while (index < lines.size() && lines.get(index).isEmpty()) {
                index++;
            }
        }

        /** The spec's "collect a WebVTT block": adds the cue it finds, if any. */
        private void block(boolean inHeader) throws TranscriptException {
            int lineCount = 0;
            int previous = index;
            boolean seenArrow = false;
            VttTimestamps.Timings timings = null;
            String id = "";
            int timingsLine = 0;
            StringBuilder buffer = new StringBuilder();
            while (index < lines.size()) {
                String line = lines.get(index++);
                lineCount++;
                if (line.contains("-->")) {
                    if (inHeader || !(lineCount == 1 || (lineCount == 2 && !seenArrow))) {
                        index = previous;
                        break;
                    }
                    seenArrow = true;
                    previous = index;
                    timingsLine = index;
                    timings = VttTimestamps.parse(line);
                    if (timings == null) {
                        refuseIfCut(index - 1, line);
                    } else {
                        id = buffer.toString();
                        buffer.setLength(0);
                    }
                } else if (line.isEmpty()) {
                    break;
                } else {
                    if (!inHeader && !seenArrow && lineCount <= 2 && lines.isCutLast(index - 1)) {
                        refuseIfCut(index - 1, line);
                    }
                    if (!buffer.isEmpty()) {
                        buffer.append('\n');
                    }
                    buffer.append(line);
                    previous = index;
                }
            }
            if (timings != null) {
                add(timings, id, buffer.toString(), timingsLine);
            } else if (seenArrow) {
                skipped++;
            }
        }

        private void refuseIfCut(int lineIndex, String line) throws TranscriptException {
            if (lines.isCutLast(lineIndex) && CUT_TIMINGS.matcher(line.strip()).matches()) {
                throw new TranscriptException(TranscriptProblem.TRUNCATED, lineIndex + 1,
                        "ファイルが途中で切れています（最後の字幕の時刻が不完全です: " + line.strip() + "）");
            }
        }

        private void add(VttTimestamps.Timings timings, String id, String cueText, int line)
                throws TranscriptException {
            limits.checkCount(utterances.size() + 1, line);
            SpokenText spoken = SpokenText.ofCue(cueText);
            utterances.add(new Utterance(spoken.speaker(), timings.start(), timings.end(), spoken.text(), id));
        }
    }
}
