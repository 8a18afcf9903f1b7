package org.kairan.core.minutes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An action item (今後の対応): what is to be done, by whom (担当者) and by when (期限), marked from an utterance.
 *
 * @param id          stable within the minutes
 * @param utteranceId the utterance it was marked from, or empty
 * @param text        what is to be done
 * @param assignee    the 担当者, or {@code null} when not decided
 * @param due         the 期限, or {@code null} when none was set
 */
public record ActionItem(String id, String utteranceId, String text, Attendee assignee, LocalDate due) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(utteranceId, "utteranceId");
        Objects.requireNonNull(text, "text");
    }
}
