package org.kairan.core.minutes;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the head of a 会議録 states: 会議名, 日時, 場所, 出席者 and 議題.
 *
 * @param title     会議名 (令和8年度 第3回 財政課内会議)
 * @param startsAt  when the meeting began, in the office's time
 * @param endsAt    when it ended, or {@code null} when not recorded
 * @param place     場所, empty when not recorded
 * @param attendees 出席者, in the order printed
 * @param agenda    議題, in order
 */
public record MeetingHeader(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place,
        List<Attendee> attendees, List<String> agenda) {

    public MeetingHeader {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(place, "place");
        attendees = List.copyOf(attendees);
        agenda = List.copyOf(agenda);
        if (endsAt != null && endsAt.isBefore(startsAt)) {
            throw new IllegalArgumentException("the meeting ends before it starts: " + startsAt + " – " + endsAt);
        }
    }
}
