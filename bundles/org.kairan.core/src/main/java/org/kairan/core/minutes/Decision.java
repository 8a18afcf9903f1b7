package org.kairan.core.minutes;

import java.util.Objects;

/**
 * A 決定事項, marked from the utterance where it was decided, in the words the minutes record it with.
 *
 * @param id          stable within the minutes
 * @param utteranceId the utterance it was marked from, or empty when it was written on its own
 * @param text        the decision as recorded
 */
public record Decision(String id, String utteranceId, String text) {

    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(utteranceId, "utteranceId");
        Objects.requireNonNull(text, "text");
    }
}
