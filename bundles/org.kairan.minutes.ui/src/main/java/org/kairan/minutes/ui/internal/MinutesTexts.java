package org.kairan.minutes.ui.internal;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.kairan.client.minutes.ExportFormat;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.core.minutes.Attendee;
import org.kairan.core.minutes.MeetingHeader;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.nls.Messages;
import org.kairan.ui.DateDisplay;

/** The 議事録 view's words for its data: 日時 in 和暦, offsets in the recording, states, people, formats. */
final class MinutesTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private final Messages messages;
    private final DateDisplay dates;

    MinutesTexts(Messages messages, Locale locale) {
        this.messages = messages;
        this.dates = new DateDisplay(locale);
    }

    /** 令和8年11月20日（金） 10:00～11:00 (the end left out when not recorded; its date when another day). */
    String when(MeetingHeader header) {
        String start = dates.withWeekday(header.startsAt().toLocalDate()) + " " + TIME.format(header.startsAt());
        if (header.endsAt() == null) {
            return start;
        }
        String end = header.endsAt().toLocalDate().equals(header.startsAt().toLocalDate())
                ? TIME.format(header.endsAt())
                : dates.date(header.endsAt().toLocalDate()) + " " + TIME.format(header.endsAt());
        return start + "～" + end;
    }

    /** The list's 日時: 令和8年11月20日 10:00. */
    String listWhen(MeetingHeader header) {
        return dates.date(header.startsAt().toLocalDate()) + " " + TIME.format(header.startsAt());
    }

    /** A day as the office writes it (令和8年12月4日). */
    String day(LocalDate day) {
        return day == null ? "" : dates.date(day);
    }

    /** Where in the recording: 0:05:09. */
    static String offset(Duration at) {
        long seconds = Math.max(0, at.toSeconds());
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** A time typed as H:mm (9:30, 09:30, ９：３０), or {@code null} when it is not one. */
    static LocalTime parseTime(String typed) {
        String t = java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFKC);
        try {
            return LocalTime.parse(t, DateTimeFormatter.ofPattern("H:mm"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** The line's 状態 in words. */
    String state(MinutesEntry entry) {
        return switch (entry.state()) {
            case DRAFT -> messages.minutes_state_DRAFT;
            case QUEUED -> messages.minutes_state_QUEUED;
            case SENDING -> messages.minutes_state_SENDING;
            case SENT -> messages.minutes_state_SENT;
            case CONFLICT -> messages.minutes_state_CONFLICT;
            case REFUSED -> messages.minutes_state_REFUSED;
        };
    }

    /** Why the user's action was not applied, to show under the head. */
    String problem(MinutesEntry entry) {
        return switch (entry.state()) {
            case CONFLICT -> messages.minutes_conflict;
            case REFUSED -> MessageFormat.format(messages.minutes_refused, entry.problem() == null ? "" : entry.problem());
            default -> null;
        };
    }

    /** A member of staff as the pickers list them: 野村 健一（のむら けんいち）. */
    static String person(StaffMember member) {
        return member.kana() == null || member.kana().isBlank() ? member.name()
                : member.name() + "（" + member.kana() + "）";
    }

    /** An attendee as lists show them: the name, 「（来庁者）」 after a guest's. */
    String attendee(Attendee attendee) {
        return attendee.isStaff() ? attendee.name() : MessageFormat.format(messages.minutes_guest, attendee.name());
    }

    /** The formats in the order of the chooser. */
    String format(ExportFormat format) {
        return switch (format) {
            case DOCX -> messages.minutes_format_DOCX;
            case PDF -> messages.minutes_format_PDF;
            case WEBVTT -> messages.minutes_format_WEBVTT;
            case TEXT -> messages.minutes_format_TEXT;
        };
    }

    /** The name proposed for an export: 「<会議名> 会議録.docx」 (characters no file system takes replaced). */
    String fileName(MeetingHeader header, ExportFormat format) {
        String title = header.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return MessageFormat.format(messages.minutes_fileName, title) + "." + format.extension();
    }
}
