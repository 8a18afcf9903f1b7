package org.kairan.server.minutes;

import java.util.HashSet;
import java.util.Set;

import org.kairan.core.minutes.ActionItem;
import org.kairan.core.minutes.Decision;
import org.kairan.core.minutes.Minutes;
import org.kairan.core.minutes.MinutesUtterance;
import org.kairan.server.sync.CommandPayload;
import org.kairan.server.sync.InvalidPayloadException;

/**
 * What saved 議事録 must be: a 会議名, sizes a 会議録 can have, utterance ids that are unique and marks that point to
 * utterances of these minutes. A payload that breaks a rule is refused with the reason in Japanese.
 */
final class MinutesCheck {

    static final int MAX_TITLE = 200;
    static final int MAX_PLACE = 200;
    static final int MAX_ATTENDEES = 300;
    static final int MAX_AGENDA = 50;
    static final int MAX_UTTERANCES = 20_000;
    static final int MAX_TEXT = 10_000;
    static final int MAX_MARKS = 1_000;
    static final int MAX_SUMMARY = 20_000;

    private MinutesCheck() {
    }

    static void check(Minutes minutes) {
        CommandPayload.uuid(minutes.id(), "minutes.id");
        CommandPayload.required(minutes.unitCode(), "minutes.unitCode");
        if (minutes.hasRecording()) {
            CommandPayload.uuid(minutes.recording(), "minutes.recording");
        }
        String title = CommandPayload.required(minutes.header().title(), "minutes.header.title");
        limit(title.length(), MAX_TITLE, "title", "会議名は" + MAX_TITLE + "文字までです");
        limit(minutes.header().place().length(), MAX_PLACE, "place", "場所は" + MAX_PLACE + "文字までです");
        limit(minutes.header().attendees().size(), MAX_ATTENDEES, "attendees", "出席者は" + MAX_ATTENDEES + "人までです");
        limit(minutes.header().agenda().size(), MAX_AGENDA, "agenda", "議題は" + MAX_AGENDA + "件までです");
        limit(minutes.utterances().size(), MAX_UTTERANCES, "utterances", "発言は" + MAX_UTTERANCES + "件までです");
        limit(minutes.decisions().size() + minutes.actionItems().size(), MAX_MARKS, "decisions",
                "決定事項と対応事項は合わせて" + MAX_MARKS + "件までです");
        limit(minutes.summary().length(), MAX_SUMMARY, "summary", "要旨は" + MAX_SUMMARY + "文字までです");
        Set<String> ids = new HashSet<>();
        for (MinutesUtterance u : minutes.utterances()) {
            if (!ids.add(u.id())) {
                throw new InvalidPayloadException("utterances", "発言の識別子「" + u.id() + "」が重複しています");
            }
            limit(u.text().length(), MAX_TEXT, "utterances", "一つの発言は" + MAX_TEXT + "文字までです");
        }
        for (Decision d : minutes.decisions()) {
            pointsHere(ids, d.utteranceId(), "decisions");
            limit(d.text().length(), MAX_TEXT, "decisions", "決定事項は" + MAX_TEXT + "文字までです");
        }
        for (ActionItem a : minutes.actionItems()) {
            pointsHere(ids, a.utteranceId(), "actionItems");
            limit(a.text().length(), MAX_TEXT, "actionItems", "対応事項は" + MAX_TEXT + "文字までです");
        }
    }

    private static void pointsHere(Set<String> ids, String utteranceId, String field) {
        if (!utteranceId.isEmpty() && !ids.contains(utteranceId)) {
            throw new InvalidPayloadException(field, "発言「" + utteranceId + "」はこの議事録にありません");
        }
    }

    private static void limit(int value, int max, String field, String message) {
        if (value > max) {
            throw new InvalidPayloadException(field, message + "（" + value + "）");
        }
    }
}
