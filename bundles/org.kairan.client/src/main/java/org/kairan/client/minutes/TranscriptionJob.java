package org.kairan.client.minutes;

import java.time.Instant;

/**
 * A speech-to-text job on the server ({@code GET /api/minutes/transcriptions/{id}}).
 *
 * @param id              the job
 * @param fileName        the recording's name as uploaded
 * @param language        ja, en
 * @param state           WAITING, CONVERTING, RECOGNISING, DONE, CANCELLED or FAILED
 * @param status          the state in the server's words (待機中, 認識中 42%, 完了, 失敗（理由）)
 * @param progress        0–100
 * @param durationSeconds the recording's length, when known
 * @param error           why it failed (Japanese), else {@code null}
 * @param note            「音声が検出されませんでした」 when nothing was said, else {@code null}
 * @param segments        how many utterances were recognised (when done)
 * @param createdAt       when it was uploaded
 * @param finishedAt      when it ended, else {@code null}
 */
public record TranscriptionJob(String id, String fileName, String language, String state, String status, int progress,
        Double durationSeconds, String error, String note, Integer segments, Instant createdAt, Instant finishedAt) {

    /** Whether nothing more happens to the job (完了, 取消, 失敗). */
    public boolean finished() {
        return "DONE".equals(state) || "CANCELLED".equals(state) || "FAILED".equals(state);
    }

    /** Whether its transcript can be fetched. */
    public boolean done() {
        return "DONE".equals(state);
    }
}
