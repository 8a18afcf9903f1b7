package org.kairan.client.minutes;

/** What minutes can be written as: the printed 会議録 (made by the server) or the text of what was said (made here). */
public enum ExportFormat {
    /** Word 会議録, from the server ({@code GET /api/minutes/records/{id}/export?format=docx}). */
    DOCX("docx", true),
    /** PDF 会議録, from the server. */
    PDF("pdf", true),
    /** WebVTT of the utterances with the mapped names, written here. */
    WEBVTT("vtt", false),
    /** Plain text of the utterances, written here. */
    TEXT("txt", false);

    private final String extension;
    private final boolean fromServer;

    ExportFormat(String extension, boolean fromServer) {
        this.extension = extension;
        this.fromServer = fromServer;
    }

    /** The file name's extension without the dot; also the server's {@code format} parameter. */
    public String extension() {
        return extension;
    }

    /** Whether the server makes the file (the desktop needs the network and the minutes saved). */
    public boolean fromServer() {
        return fromServer;
    }
}
