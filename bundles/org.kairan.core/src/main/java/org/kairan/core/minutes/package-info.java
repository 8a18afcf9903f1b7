/**
 * 議事録 (meeting minutes), the transcript input: a transcript file exported by Teams, Zoom or Google Meet
 * (WebVTT), a subtitle file (SRT) or plain text with speaker lines becomes a {@link org.kairan.core.minutes.Transcript}
 * of {@link org.kairan.core.minutes.Utterance}s with their speakers and times. {@link
 * org.kairan.core.minutes.Transcripts#read(byte[], String)} is the one entry point: it limits the size, detects the
 * encoding (UTF-8, UTF-16 with a byte order mark, Shift_JIS as windows-31j) and the format, and refuses bad input
 * with a {@link org.kairan.core.minutes.TranscriptException} whose message is Japanese and names the line. Pure JDK,
 * no I/O beyond the stream it is given.
 */
package org.kairan.core.minutes;
