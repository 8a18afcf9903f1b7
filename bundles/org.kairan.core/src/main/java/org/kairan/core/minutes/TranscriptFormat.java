package org.kairan.core.minutes;

/** The kinds of transcript file Kairan reads, with the name a user knows them by. */
public enum TranscriptFormat {
    /** WebVTT (.vtt), as Teams, Zoom and Google Meet export transcripts. */
    WEBVTT("WebVTT 字幕"),
    /** SubRip (.srt) subtitles. */
    SRT("SRT 字幕"),
    /** Plain text with a speaker on each utterance (山田 太郎: …), as typed or exported by other tools. */
    PLAIN_TEXT("テキスト");

    private final String label;

    TranscriptFormat(String label) {
        this.label = label;
    }

    /** The Japanese name shown to the user. */
    public String label() {
        return label;
    }
}
