package org.kairan.server.minutes;

/** Where a transcription job is, with the word the desktop shows. */
public enum JobState {
    WAITING("待機中"), CONVERTING("変換中"), RECOGNISING("認識中"), DONE("完了"), CANCELLED("取消"), FAILED("失敗");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    /** 待機中, 変換中 … */
    public String label() {
        return label;
    }

    /** Whether nothing more happens to the job (完了, 取消, 失敗). */
    public boolean finished() {
        return this == DONE || this == CANCELLED || this == FAILED;
    }
}
