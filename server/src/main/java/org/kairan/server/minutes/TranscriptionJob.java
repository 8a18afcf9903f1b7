package org.kairan.server.minutes;

import java.time.Instant;

/**
 * A speech-to-text job as the desktop sees it ({@code GET /api/minutes/transcriptions/{id}}).
 *
 * @param id              the job's id
 * @param fileName        the recording's name as uploaded
 * @param language        the meeting's language (ja, en); empty for a recording kept only to be played
 *                        ({@link #RECORDING_ONLY})
 * @param state           WAITING … FAILED
 * @param status          the state in words: 待機中, 変換中, 認識中 42%, 完了, 取消, 失敗（reason）
 * @param progress        0–100: the share of the audio fed to the engine
 * @param durationSeconds the recording's length, when known
 * @param error           why it failed, in Japanese (FAILED only)
 * @param note            a remark on a finished transcript: 「音声が検出されませんでした」 when nothing was said
 * @param segments        how many segments the transcript has (DONE only)
 * @param realTimeFactor  recognition time ÷ audio length (DONE only)
 * @param createdAt       when it was uploaded
 * @param finishedAt      when it ended
 */
public record TranscriptionJob(String id, String fileName, String language, JobState state, String status, int progress,
        Double durationSeconds, String error, String note, Integer segments, Double realTimeFactor, Instant createdAt,
        Instant finishedAt) {

    /** The note of a transcript in which nothing was recognised (silence, noise). */
    public static final String NO_SPEECH = "音声が検出されませんでした";
    /**
     * The note of a job that only kept its recording, to be played from minutes whose transcript came from a file
     * (a Teams WebVTT and the meeting's recording): converted, not recognised.
     */
    public static final String RECORDING_ONLY = "録音のみ（文字起こしはしていません）";

    static String status(JobState state, int progress, String error) {
        return switch (state) {
            case RECOGNISING -> state.label() + " " + progress + "%";
            case FAILED -> state.label() + "（" + (error == null ? "理由不明" : error) + "）";
            default -> state.label();
        };
    }
}
