package org.kairan.core.minutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The one way to read a transcript file: limits its size, decodes it ({@link TranscriptDecoder}), chooses the format
 * from the content first and the file name's extension second, and reads it with that format's
 * {@link TranscriptReader}. A transcript with no utterance at all is refused as empty: a file either becomes
 * minutes completely or not at all.
 */
public final class Transcripts {

    private Transcripts() {
    }

    public static Transcript read(byte[] bytes, String fileName) throws TranscriptException {
        return read(bytes, fileName, TranscriptLimits.DEFAULT);
    }

    public static Transcript read(byte[] bytes, String fileName, TranscriptLimits limits)
            throws TranscriptException {
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge(limits);
        }
        if (bytes.length == 0) {
            throw empty();
        }
        DecodedText decoded = TranscriptDecoder.decode(bytes);
        if (decoded.text().isBlank()) {
            throw empty();
        }
        TranscriptReader reader = readerFor(decoded.text(), fileName);
        if (reader.format() != TranscriptFormat.WEBVTT && looksBinary(decoded.text())) {
            throw new TranscriptException(TranscriptProblem.NOT_A_TRANSCRIPT, 0,
                    "字幕・文字起こしのファイルではありません（文字でないデータが含まれています）。WebVTT (.vtt)・"
                            + "SRT (.srt)・テキスト (.txt) のファイルを選んでください");
        }
        Transcript transcript = reader.read(decoded, limits);
        if (transcript.utterances().isEmpty()) {
            String skipped = transcript.skippedCues() > 0
                    ? "（" + transcript.skippedCues() + " 件の字幕はすべて時刻が読めませんでした）" : "";
            throw new TranscriptException(TranscriptProblem.EMPTY, 0, "発言が 1 件もありません" + skipped);
        }
        return transcript;
    }

    /** Reads the stream to its end, or refuses it as soon as it is longer than the limit. */
    public static Transcript read(InputStream in, String fileName) throws IOException {
        return read(in, fileName, TranscriptLimits.DEFAULT);
    }

    public static Transcript read(InputStream in, String fileName, TranscriptLimits limits) throws IOException {
        return read(readAtMost(in, limits), fileName, limits);
    }

    /** The reader for the text: by content (WEBVTT signature, SRT numbering and timings), then by extension. */
    static TranscriptReader readerFor(String text, String fileName) {
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (start.startsWith("WEBVTT")) {
            return new WebVttReader();
        }
        String head = start.length() > 4096 ? start.substring(0, 4096) : start;
        if (SrtReader.looksLikeSrt(TextLines.of(head))) {
            return new SrtReader();
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vtt") || name.endsWith(".webvtt")) {
            return new WebVttReader();
        }
        if (name.endsWith(".srt")) {
            return new SrtReader();
        }
        return new PlainTextReader();
    }

    /** NUL or many control characters: binary data that happened to decode. */
    private static boolean looksBinary(String text) {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        return controls > 8 && controls * 100L > text.length();
    }

    private static byte[] readAtMost(InputStream in, TranscriptLimits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(chunk, 0, (int) Math.min(chunk.length, limits.maxBytes() + 1 - total))) > 0) {
            total += n;
            if (total > limits.maxBytes()) {
                throw tooLarge(limits);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static TranscriptException tooLarge(TranscriptLimits limits) {
        return new TranscriptException(TranscriptProblem.TOO_LARGE, 0,
                "ファイルが大きすぎます（上限 " + limits.sizeLabel() + "）。会議ごとに分けたファイルを選んでください");
    }

    private static TranscriptException empty() {
        return new TranscriptException(TranscriptProblem.EMPTY, 0, "ファイルが空です");
    }
}
