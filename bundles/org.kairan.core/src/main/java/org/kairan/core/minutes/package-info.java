/**
 * 議事録 (meeting minutes).
 * <p>
 * The transcript input: a transcript file exported by Teams, Zoom or Google Meet (WebVTT), a subtitle file (SRT) or
 * plain text with speaker lines becomes a {@link org.kairan.core.minutes.Transcript} of
 * {@link org.kairan.core.minutes.Utterance}s with their speakers and times. {@link
 * org.kairan.core.minutes.Transcripts#read(byte[], String)} is the one entry point: it limits the size, detects the
 * encoding (UTF-8, UTF-16 with a byte order mark, Shift_JIS as windows-31j) and the format, and refuses bad input
 * with a {@link org.kairan.core.minutes.TranscriptException} whose message is Japanese and names the line.
 * <p>
 * The minutes being written: {@link org.kairan.core.minutes.Minutes} (the head — 会議名, 日時, 場所, 出席者, 議題 —,
 * utterances with ids, speaker labels mapped to people, 決定事項, action items with 担当者 and 期限, 要旨), changed
 * through {@link org.kairan.core.minutes.MinutesEdits}; {@link org.kairan.core.minutes.MinutesSheet} lays them out as
 * a 会議録 for every output format, {@link org.kairan.core.minutes.MinutesWriters} writes WebVTT and plain text.
 * Pure JDK, no I/O beyond the stream it is given.
 */
package org.kairan.core.minutes;
