package org.kairan.server.minutes;

import java.util.List;

/**
 * The transcript of a finished job ({@code GET /api/minutes/transcriptions/{id}/transcript}).
 *
 * @param jobId           the job
 * @param fileName        the recording's name
 * @param language        the meeting's language
 * @param durationSeconds the recording's length, when known
 * @param note            「音声が検出されませんでした」 when there are no segments, else {@code null}
 * @param segments        the utterances in time order
 */
public record Transcription(String jobId, String fileName, String language, Double durationSeconds, String note,
        List<SpeechSegment> segments) {
}
