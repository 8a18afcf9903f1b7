package org.kairan.server.minutes;

/**
 * Whether a language can be transcribed on this server, as the desktop shows it.
 *
 * @param language  ISO 639-1 code (ja, en)
 * @param name      the language's name in Japanese (日本語, 英語)
 * @param installed whether its model is configured and found
 * @param setting   the property that names its model directory (kairan.stt.model.ja)
 * @param message   when not installed, what to tell the user, in Japanese; {@code null} when installed
 */
public record LanguageModel(String language, String name, boolean installed, String setting, String message) {
}
