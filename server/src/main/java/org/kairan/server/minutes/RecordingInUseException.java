package org.kairan.server.minutes;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A finished speech-to-text job is not deleted while 議事録 are played from its recording: the minutes would lose
 * their sound. The message names the minutes, in Japanese.
 */
public final class RecordingInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RecordingInUseException(List<String> titles) {
        super("この録音は議事録「" + String.join("」「", new LinkedHashSet<>(titles)) + "」で再生に使われているため削除できません"
                + " (the recording is used by minutes)");
    }
}
