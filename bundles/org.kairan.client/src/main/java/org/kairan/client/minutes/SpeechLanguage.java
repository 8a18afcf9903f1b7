package org.kairan.client.minutes;

/**
 * A language the server's speech-to-text knows of ({@code GET /api/minutes/languages}).
 *
 * @param language  ISO 639-1 code (ja, en)
 * @param name      its name in Japanese (日本語, 英語)
 * @param installed whether the server has a model for it
 * @param setting   the server setting that names its model
 * @param message   when not installed, what to tell the user (Japanese), else {@code null}
 */
public record SpeechLanguage(String language, String name, boolean installed, String setting, String message) {
}
