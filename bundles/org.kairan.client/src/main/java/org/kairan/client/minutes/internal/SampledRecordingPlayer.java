package org.kairan.client.minutes.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.kairan.client.minutes.PlaybackException;
import org.kairan.client.minutes.RecordingPlayer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * {@link RecordingPlayer} with the JDK's sound (javax.sound.sampled): the WAV is read from the frame at the start
 * time and written to the default output line by a daemon thread, a tenth of a second at a time, so that a stop
 * takes effect at once.
 */
@Component(service = RecordingPlayer.class)
public final class SampledRecordingPlayer implements RecordingPlayer {

    /** What one write to the line holds, in seconds: how soon a stop is heard. */
    private static final double CHUNK_SECONDS = 0.1;

    private Playing playing;

    /** One recording being played, from {@code from}. */
    private static final class Playing implements Runnable {
        final AudioInputStream in;
        final SourceDataLine line;
        final Duration from;
        volatile boolean stopped;

        Playing(AudioInputStream in, SourceDataLine line, Duration from) {
            this.in = in;
            this.line = line;
            this.from = from;
        }

        @Override
        public void run() {
            AudioFormat format = in.getFormat();
            byte[] buffer = new byte[Math.max(format.getFrameSize(),
                    (int) (format.getFrameRate() * CHUNK_SECONDS) * format.getFrameSize())];
            try {
                int read;
                while (!stopped && (read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                    line.write(buffer, 0, read - read % format.getFrameSize());
                }
                if (!stopped) {
                    line.drain();
                }
            } catch (IOException e) {
                // the file went away while playing: the sound stops, as a stop would
            } finally {
                stopped = true;
                line.close();
                try {
                    in.close();
                } catch (IOException e) {
                    // read only
                }
            }
        }

        Optional<Duration> position() {
            return stopped ? Optional.empty() : Optional.of(from.plusNanos(line.getMicrosecondPosition() * 1_000));
        }
    }

    @Override
    public synchronized void play(Path wav, Duration from) throws PlaybackException {
        stop();
        Duration start = from.isNegative() ? Duration.ZERO : from;
        AudioInputStream in = open(wav);
        try {
            AudioFormat format = in.getFormat();
            long frames = (long) (start.toNanos() / 1e9 * format.getFrameRate());
            if (in.getFrameLength() != AudioSystem.NOT_SPECIFIED && frames >= in.getFrameLength()) {
                throw new PlaybackException("再生位置 " + start.toSeconds() + " 秒は録音の長さを超えています"
                        + " (the recording is shorter than that)", null);
            }
            in.skipNBytes(frames * format.getFrameSize());
            SourceDataLine line = AudioSystem.getSourceDataLine(format);
            line.open(format);
            line.start();
            playing = new Playing(in, line, start);
            Thread thread = new Thread(playing, "kairan-playback");
            thread.setDaemon(true);
            thread.start();
            in = null; // the thread closes it
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new PlaybackException("この端末には録音を再生できる音声出力装置がありません（スピーカーやヘッドセットの"
                    + "接続と音声の設定を確かめてください） (no sound output: " + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PlaybackException("録音を読み取れません (" + e.getMessage() + ")", e);
        } finally {
            closeQuietly(in);
        }
    }

    private static AudioInputStream open(Path wav) throws PlaybackException {
        try {
            return AudioSystem.getAudioInputStream(new BufferedInputStream(Files.newInputStream(wav), 1 << 16));
        } catch (UnsupportedAudioFileException e) {
            throw new PlaybackException("「" + wav.getFileName() + "」は再生できる録音ではありません"
                    + " (not a WAV this desktop plays)", e);
        } catch (IOException e) {
            throw new PlaybackException("録音を読み取れません (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(AudioInputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // read only
            }
        }
    }

    @Override
    @Deactivate
    public synchronized void stop() {
        if (playing != null) {
            playing.stopped = true;
            playing.line.stop();
            playing.line.flush();
            playing = null;
        }
    }

    @Override
    public synchronized Optional<Duration> position() {
        return playing == null ? Optional.empty() : playing.position();
    }
}
