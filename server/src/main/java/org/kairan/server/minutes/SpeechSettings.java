package org.kairan.server.minutes;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Speech-to-text of meeting recordings (議事録) (properties in brackets, see ServerConfigReader).
 *
 * @param models         the speech model directory of each language, by its ISO 639-1 code
 *                       [kairan.stt.model.ja, kairan.stt.model.en, …]; a language without one cannot be transcribed
 * @param ffmpeg         the ffmpeg command (Debian {@code ffmpeg}) that converts recordings other than WAV,
 *                       a name on the PATH or a path [kairan.stt.ffmpeg]
 * @param maxUploadBytes the largest recording accepted [kairan.stt.maxUploadBytes]
 * @param workers        how many recordings are transcribed at once [kairan.stt.workers]
 */
public record SpeechSettings(Map<String, Path> models, String ffmpeg, long maxUploadBytes, int workers) {

    /** The property prefix of the model directories: {@code kairan.stt.model.<language>}. */
    public static final String MODEL_PROPERTY = "kairan.stt.model.";
    public static final String DEFAULT_FFMPEG = "ffmpeg";
    /** 1 GiB: a 3-hour meeting recorded as 16 kHz mono WAV is ≈350 MB, as 44.1 kHz stereo WAV ≈1.9 GB (use mp3/m4a). */
    public static final long DEFAULT_MAX_UPLOAD = 1L << 30;
    public static final int DEFAULT_WORKERS = 1;

    public SpeechSettings {
        Objects.requireNonNull(models, "models");
        TreeMap<String, Path> normalised = new TreeMap<>();
        models.forEach((language, path) -> {
            String code = language.strip().toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException(MODEL_PROPERTY + language + ": the language must be an ISO 639 code"
                        + " such as ja or en");
            }
            normalised.put(code, Objects.requireNonNull(path, "model path"));
        });
        models = java.util.Collections.unmodifiableMap(normalised);
        if (ffmpeg == null || ffmpeg.isBlank()) {
            throw new IllegalArgumentException("kairan.stt.ffmpeg must name the ffmpeg command");
        }
        ffmpeg = ffmpeg.strip();
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("kairan.stt.maxUploadBytes must be positive, was " + maxUploadBytes);
        }
        if (workers < 1 || workers > 4) {
            throw new IllegalArgumentException("kairan.stt.workers must be 1 to 4, was " + workers);
        }
    }

    /** No model installed: every language is reported as not installed. */
    public static SpeechSettings defaults() {
        return new SpeechSettings(Map.of(), DEFAULT_FFMPEG, DEFAULT_MAX_UPLOAD, DEFAULT_WORKERS);
    }

    /** The same settings with the language's model directory. */
    public SpeechSettings withModel(String language, Path directory) {
        TreeMap<String, Path> more = new TreeMap<>(models);
        more.put(language, directory);
        return new SpeechSettings(more, ffmpeg, maxUploadBytes, workers);
    }

    public SpeechSettings withFfmpeg(String command) {
        return new SpeechSettings(models, command, maxUploadBytes, workers);
    }

    public SpeechSettings withMaxUploadBytes(long value) {
        return new SpeechSettings(models, ffmpeg, value, workers);
    }

    public SpeechSettings withWorkers(int value) {
        return new SpeechSettings(models, ffmpeg, maxUploadBytes, value);
    }

    /** The property naming the language's model directory, e.g. {@code kairan.stt.model.ja}. */
    public static String modelProperty(String language) {
        return MODEL_PROPERTY + language;
    }
}
