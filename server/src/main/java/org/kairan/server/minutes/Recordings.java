package org.kairan.server.minutes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Recordings turned into what every engine is fed: 16 kHz mono 16-bit little-endian PCM. WAV (PCM of any rate,
 * width and channels, μ-law, A-law) is converted in Java (javax.sound.sampled: the JDK's converter resamples and
 * mixes the channels down); anything else — MP3, M4A/AAC, OGG/Opus, WebM, FLAC, video with sound… — by Debian's
 * {@code ffmpeg} run as a process, when it is installed. A file neither reads is refused with a message saying why.
 */
public final class Recordings {

    /** What the engines are fed. */
    static final AudioFormat ENGINE_FORMAT = new AudioFormat(SpeechToText.SAMPLE_RATE, 16, 1, true, false);
    /** The bytes of a WAV file's header before its samples ({@link #waveHeader}). */
    static final int WAVE_HEADER = 44;
    private static final Pattern DURATION = Pattern.compile("Duration: (\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)");
    private static final long PROBE_SECONDS = 30;

    private final String ffmpeg;

    public Recordings(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    /**
     * What a recording is, looked at when it is uploaded (in milliseconds, without decoding it).
     *
     * @param seconds  its length
     * @param javaWave whether Java reads it (WAV), else ffmpeg converts it
     */
    public record Recording(double seconds, boolean javaWave) {
    }

    /**
     * Looks at a recording: Java reads a WAV's header; any other file is asked of ffmpeg.
     *
     * @param name the user's name of the file, for the messages
     * @throws RecordingRefusedException not audio, empty, or not WAV while ffmpeg is not installed
     */
    public Recording probe(Path file, String name) throws RecordingRefusedException, IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
            if (AudioSystem.isConversionSupported(ENGINE_FORMAT, format.getFormat())) {
                double seconds = format.getFrameLength() > 0 ? format.getFrameLength() / (double) format.getFormat().getFrameRate() : 0;
                if (format.getFrameLength() == 0) {
                    throw empty(name);
                }
                return new Recording(Math.max(0, seconds), true);
            }
        } catch (UnsupportedAudioFileException e) {
            // not a WAV (or AIFF/AU) Java reads: ffmpeg's turn
        }
        return probeWithFfmpeg(file, name);
    }

    private Recording probeWithFfmpeg(Path file, String name) throws RecordingRefusedException, IOException {
        Process process;
        try {
            process = new ProcessBuilder(ffmpeg, "-nostdin", "-hide_banner", "-i", file.toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new RecordingRefusedException(RecordingRefusedException.Refusal.NO_CONVERTER, "「" + name + "」の形式" + extension(name) + "を変換するには ffmpeg が必要ですが、"
                    + "サーバーにインストールされていません（WAV はそのまま使えます。管理者に ffmpeg のインストールを依頼してください）"
                    + " (ffmpeg is not installed: " + e.getMessage() + ")");
        }
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readNBytes(256 * 1024), StandardCharsets.UTF_8);
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                throw notAudio(name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg looked at the recording", e);
        } finally {
            process.destroyForcibly();
        }
        boolean audio = out.lines().anyMatch(line -> line.strip().startsWith("Stream #") && line.contains(": Audio:"));
        if (!audio) {
            throw notAudio(name);
        }
        Matcher duration = DURATION.matcher(out);
        if (!duration.find()) {
            return new Recording(0, false);
        }
        double seconds = Integer.parseInt(duration.group(1)) * 3600 + Integer.parseInt(duration.group(2)) * 60
                + Double.parseDouble(duration.group(3));
        if (seconds <= 0) {
            throw empty(name);
        }
        return new Recording(seconds, false);
    }

    /**
     * Converts the recording into 16 kHz mono PCM in {@code pcm}.
     *
     * @param cancelled asked as the conversion goes: stops it (ffmpeg is stopped too)
     * @throws TranscriptionCancelledException when cancelled; {@code pcm} may then be partly written
     */
    public void toPcm(Recording recording, Path file, String name, Path pcm, BooleanSupplier cancelled)
            throws RecordingRefusedException, TranscriptionCancelledException, IOException {
        if (recording.javaWave()) {
            try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile());
                    AudioInputStream converted = AudioSystem.getAudioInputStream(ENGINE_FORMAT, source);
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(pcm), 1 << 16)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = converted.read(buffer)) > 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new TranscriptionCancelledException();
                    }
                    out.write(buffer, 0, read);
                }
                return;
            } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
                throw notAudio(name);
            }
        }
        convertWithFfmpeg(file, name, pcm, cancelled);
    }

    private void convertWithFfmpeg(Path file, String name, Path pcm, BooleanSupplier cancelled)
            throws RecordingRefusedException, TranscriptionCancelledException, IOException {
        Path errors = pcm.resolveSibling(pcm.getFileName() + ".ffmpeg.log");
        List<String> command = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", file.toString(),
                "-vn", "-ac", "1", "-ar", Integer.toString(SpeechToText.SAMPLE_RATE), "-acodec", "pcm_s16le", "-f", "s16le",
                pcm.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new RecordingRefusedException(RecordingRefusedException.Refusal.NO_CONVERTER, "「" + name + "」を変換するには ffmpeg が必要ですが、サーバーにインストールされていません"
                    + "（管理者に ffmpeg のインストールを依頼してください） (ffmpeg is not installed: " + e.getMessage() + ")");
        }
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                if (cancelled.getAsBoolean()) {
                    throw new TranscriptionCancelledException();
                }
            }
            if (process.exitValue() != 0) {
                String message = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new RecordingRefusedException(RecordingRefusedException.Refusal.NOT_AUDIO, "「" + name + "」を音声に変換できませんでした（ファイルが壊れている可能性があります）"
                        + " (ffmpeg failed: " + lastLine(message) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptionCancelledException();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Files.deleteIfExists(errors);
        }
    }

    /**
     * The canonical 44-byte header of a WAV file of {@code dataBytes} bytes of {@link #ENGINE_FORMAT} samples (RIFF,
     * little-endian), so that a kept recording is sent as WAV without being read into memory.
     */
    static byte[] waveHeader(long dataBytes) {
        if (dataBytes < 0 || dataBytes > 0xFFFF_FFFFL - 36) {
            throw new IllegalArgumentException("a WAV file holds at most 4 GiB: " + dataBytes);
        }
        int channels = ENGINE_FORMAT.getChannels();
        int rate = (int) ENGINE_FORMAT.getSampleRate();
        int frame = ENGINE_FORMAT.getFrameSize();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(WAVE_HEADER).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) channels).putInt(rate).putInt(rate * frame).putShort((short) frame)
                .putShort((short) ENGINE_FORMAT.getSampleSizeInBits())
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.array();
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static RecordingRefusedException notAudio(String name) {
        return new RecordingRefusedException(RecordingRefusedException.Refusal.NOT_AUDIO, "「" + name + "」は音声ファイルとして読み取れません（WAV、MP3、M4A、OGG、WebM などの"
                + "録音を選んでください） (not an audio file the server can read)");
    }

    private static RecordingRefusedException empty(String name) {
        return new RecordingRefusedException(RecordingRefusedException.Refusal.EMPTY, "「" + name + "」には音声が入っていません（長さ 0 秒） (the recording is empty)");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : "（" + name.substring(dot).toLowerCase(Locale.ROOT) + "）";
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "no message" : lines.getLast();
    }
}
