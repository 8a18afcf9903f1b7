package org.kairan.search.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kairan.core.minutes.ActionItem;
import org.kairan.core.minutes.Decision;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesRecord;
import org.kairan.core.minutes.MinutesSheet;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.search.SearchKind;

/**
 * 議事録 as the index sees them: one item for the minutes themselves (会議名, 場所, 出席者, 議題, 要旨, 決定事項,
 * 対応事項: id the minutes' id) and one per utterance (id {@code <minutes id>/<utterance id>}, titled
 * 「会議名 ○氏名（0:05:07）」 so that a hit names who spoke and when, the speaker's 氏名 searchable), so that a hit
 * opens the minutes at that utterance. The utterances are {@linkplain IndexedItem#partOf() parts of} the minutes:
 * a meeting is listed once, at its best-matching utterance (or as itself when that ranks first), and counted once,
 * however many of its utterances match — as the pages of a document are. Counted under the 課, the 年度 of the
 * meeting and its state (作成中, 決裁に回付), dated by the day of the meeting.
 */
final class MinutesItems {

    private MinutesItems() {
    }

    /**
     * @param record    the minutes as the replica has them
     * @param unitNames 課 names by code
     * @param names     the directory's names, whose readings the items get when indexed
     */
    static List<IndexedItem> of(MinutesRecord record, Map<String, String> unitNames, NameReadings names) {
        Minutes minutes = record.minutes();
        String unit = unitNames.getOrDefault(minutes.unitCode(), "");
        LocalDate day = minutes.header().startsAt().toLocalDate();
        int fiscalYear = KessaiItems.fiscalYear(day);
        String state = record.status().label();
        String title = minutes.header().title();
        List<IndexedItem> items = new ArrayList<>();
        List<String> about = new ArrayList<>();
        about.add(minutes.header().place());
        minutes.header().attendees().forEach(a -> about.add(a.name()));
        about.addAll(minutes.header().agenda());
        about.add(minutes.summary());
        minutes.decisions().stream().map(Decision::text).forEach(about::add);
        for (ActionItem a : minutes.actionItems()) {
            about.add(a.text() + (a.assignee() == null ? "" : "　" + a.assignee().name()));
        }
        items.add(new IndexedItem(SearchKind.MINUTES, minutes.id(), 0, title, about, List.of(), unit, fiscalYear, "",
                state, day, stamp(about, title, unit, state, names)));
        for (MinutesUtterance u : minutes.utterances()) {
            String speaker = minutes.speakerName(u.speaker());
            String heading = title + "　○" + (speaker.isEmpty() ? "（発言者不明）" : speaker) + "（"
                    + MinutesSheet.offset(u.start()) + "）";
            List<String> texts = List.of(u.text(), speaker);
            items.add(new IndexedItem(SearchKind.MINUTES, minutes.id() + "/" + u.id(), 0, "", minutes.id(), heading,
                    texts, List.of(), unit, fiscalYear, "", state, day, stamp(texts, heading, unit, state, names)));
        }
        return items;
    }

    private static String stamp(List<String> texts, String title, String unit, String state, NameReadings names) {
        return Integer.toHexString(Objects.hash(texts, title, unit, state)) + ":" + names.version();
    }
}
