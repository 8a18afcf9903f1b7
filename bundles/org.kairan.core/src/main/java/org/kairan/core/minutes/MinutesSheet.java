package org.kairan.core.minutes;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.kairan.core.time.Wareki;

/**
 * The 会議録 as Japanese offices lay it out, independent of the file it goes into (.docx, PDF, text): the title, the
 * head (日時 in 和暦, 場所, 出席者, 議題), then 要旨, 決定事項, 今後の対応 (内容・担当者・期限) and 議事の経過 (each
 * utterance with its time and speaker). Every writer renders this one sheet, so the formats say the same.
 *
 * @param title    「<会議名> 会議録」
 * @param head     the head's lines, label and value
 * @param sections the sections in order; a section with nothing to say is left out
 */
public record MinutesSheet(String title, List<Line> head, List<Section> sections) {

    /** A labelled line of the head (日時 / 令和8年11月27日（金）14時00分～15時00分). */
    public record Line(String label, String value) {
    }

    /**
     * A section: its heading and its entries; a {@link Row} is one entry (an action item's 内容・担当者・期限, an
     * utterance's time・speaker・text).
     */
    public record Section(String heading, List<String> columns, List<Row> rows) {
    }

    /** One entry of a section, one cell per column. */
    public record Row(List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public MinutesSheet {
        head = List.copyOf(head);
        sections = List.copyOf(sections);
    }

    public static MinutesSheet of(Minutes minutes) {
        MeetingHeader h = minutes.header();
        List<Line> head = new ArrayList<>();
        head.add(new Line("日時", when(h.startsAt(), h.endsAt())));
        if (!h.place().isBlank()) {
            head.add(new Line("場所", h.place()));
        }
        if (!h.attendees().isEmpty()) {
            head.add(new Line("出席者", h.attendees().stream().map(Attendee::name).collect(Collectors.joining("、"))));
        }
        for (int i = 0; i < h.agenda().size(); i++) {
            head.add(new Line(i == 0 ? "議題" : "", (h.agenda().size() > 1 ? (i + 1) + ". " : "") + h.agenda().get(i)));
        }
        List<Section> sections = new ArrayList<>();
        if (!minutes.summary().isBlank()) {
            sections.add(new Section("要旨", List.of("要旨"), minutes.summary().strip().lines()
                    .filter(l -> !l.isBlank()).map(l -> new Row(List.of(l.strip()))).toList()));
        }
        if (!minutes.decisions().isEmpty()) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < minutes.decisions().size(); i++) {
                rows.add(new Row(List.of((i + 1) + ". " + minutes.decisions().get(i).text())));
            }
            sections.add(new Section("決定事項", List.of("決定事項"), rows));
        }
        if (!minutes.actionItems().isEmpty()) {
            sections.add(new Section("今後の対応", List.of("内容", "担当者", "期限"), minutes.actionItems().stream()
                    .map(a -> new Row(List.of(a.text(), a.assignee() == null ? "未定" : a.assignee().name(),
                            a.due() == null ? "－" : date(a.due())))).toList()));
        }
        sections.add(new Section("議事の経過", List.of("時刻", "発言者", "発言"), minutes.utterances().stream()
                .map(u -> new Row(List.of(offset(u.start()), minutes.speakerName(u.speaker()), u.text()))).toList()));
        return new MinutesSheet(h.title() + " 会議録", head, sections);
    }

    /** 令和8年11月27日（金）14時00分～15時30分; the end's date is written only when it is another day. */
    static String when(LocalDateTime start, LocalDateTime end) {
        String text = date(start.toLocalDate()) + time(start);
        if (end != null) {
            text += "～" + (end.toLocalDate().equals(start.toLocalDate()) ? "" : date(end.toLocalDate())) + time(end);
        }
        return text;
    }

    /** 令和8年12月4日（金）. */
    static String date(LocalDate day) {
        return Wareki.format(day) + "（" + weekday(day.getDayOfWeek()) + "）";
    }

    private static String time(LocalDateTime at) {
        return at.getHour() + "時" + String.format("%02d", at.getMinute()) + "分";
    }

    private static String weekday(DayOfWeek day) {
        return String.valueOf("月火水木金土日".charAt(day.getValue() - 1));
    }

    /** 0:05:07 from the start of the recording. */
    public static String offset(Duration at) {
        long seconds = Math.max(0, at.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
