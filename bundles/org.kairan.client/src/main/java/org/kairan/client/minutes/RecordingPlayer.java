package org.kairan.client.minutes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Plays a meeting's recording on this desktop's sound device from a given time — the minutes editor plays from the
 * utterance the user clicked. One recording plays at a time: playing again stops what was playing. Registered as an
 * OSGi service.
 */
public interface RecordingPlayer {

    /**
     * Starts playing the WAV file from {@code from} (from its start when negative) to its end or {@link #stop}, and
     * returns at once.
     *
     * @throws PlaybackException the file is not a recording this desktop plays, {@code from} is past its end, or
     *         there is no sound device; the message says which, in Japanese
     */
    void play(Path wav, Duration from) throws PlaybackException;

    /** Stops at once; nothing happens when nothing plays. */
    void stop();

    /** Where in the recording playback is (what is heard now); empty when nothing plays. */
    Optional<Duration> position();
}
