package org.kairan.core.minutes;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The edits of the minutes editor, each giving new {@link Minutes}: a speaker label mapped to a person once for the
 * whole meeting, an utterance corrected, merged with the next or split in two, 決定事項 and action items marked from
 * utterances. A refused edit changes nothing and says why in Japanese.
 */
public final class MinutesEdits {

    private MinutesEdits() {
    }

    /** Everything the speaker label said is printed as {@code person}'s; {@code null} takes the mapping back. */
    public static Minutes mapSpeaker(Minutes minutes, String label, Attendee person) throws MinutesException {
        if (!minutes.speakerLabels().contains(label)) {
            throw new MinutesException("この議事録に「" + label + "」の発言はありません");
        }
        Map<String, Attendee> speakers = new HashMap<>(minutes.speakers());
        if (person == null) {
            speakers.remove(label);
        } else {
            speakers.put(label, person);
        }
        return minutes.with(minutes.utterances(), speakers, minutes.decisions(), minutes.actionItems(),
                minutes.summary());
    }

    /** The utterance's text corrected. */
    public static Minutes correct(Minutes minutes, String utteranceId, String text) throws MinutesException {
        int at = indexOf(minutes, utteranceId);
        String corrected = nonBlank(text, "発言の内容が空です。発言を消すときは前後の発言と結合してください");
        List<MinutesUtterance> utterances = new ArrayList<>(minutes.utterances());
        utterances.set(at, utterances.get(at).withText(corrected));
        return replaceUtterances(minutes, utterances, Function.identity());
    }

    /**
     * The utterance and the next one become one (a sentence the recogniser cut in two): the first's start, the later
     * end, the texts joined. Only utterances of one speaker are merged; what pointed to the second points to the
     * merged one.
     */
    public static Minutes mergeWithNext(Minutes minutes, String utteranceId) throws MinutesException {
        int at = indexOf(minutes, utteranceId);
        if (at + 1 >= minutes.utterances().size()) {
            throw new MinutesException("最後の発言です。結合する次の発言がありません");
        }
        MinutesUtterance first = minutes.utterances().get(at);
        MinutesUtterance second = minutes.utterances().get(at + 1);
        if (!first.speaker().equals(second.speaker())) {
            throw new MinutesException("話者の異なる発言は結合できません（" + minutes.speakerName(first.speaker()) + "・"
                    + minutes.speakerName(second.speaker()) + "）");
        }
        Duration end = first.end().compareTo(second.end()) >= 0 ? first.end() : second.end();
        MinutesUtterance merged = new MinutesUtterance(first.id(), first.speaker(), first.start(), end,
                joined(first.text(), second.text()));
        List<MinutesUtterance> utterances = new ArrayList<>(minutes.utterances());
        utterances.set(at, merged);
        utterances.remove(at + 1);
        return replaceUtterances(minutes, utterances, id -> id.equals(second.id()) ? first.id() : id);
    }

    /**
     * The utterance split in two at a character offset of its text (two speakers the recogniser heard as one, a
     * long statement): the time is divided in proportion to the text, the second part gets a new id, and what
     * pointed to the utterance stays with the first part.
     */
    public static Minutes split(Minutes minutes, String utteranceId, int offset) throws MinutesException {
        int at = indexOf(minutes, utteranceId);
        MinutesUtterance whole = minutes.utterances().get(at);
        String text = whole.text();
        if (offset <= 0 || offset >= text.length() || text.substring(0, offset).isBlank()
                || text.substring(offset).isBlank()) {
            throw new MinutesException("発言の途中（文字と文字の間）を選んで分割してください");
        }
        Duration length = whole.end().compareTo(whole.start()) > 0 ? whole.end().minus(whole.start()) : Duration.ZERO;
        Duration cut = whole.start().plus(length.multipliedBy(offset).dividedBy(text.length()));
        MinutesUtterance before = new MinutesUtterance(whole.id(), whole.speaker(), whole.start(), cut,
                text.substring(0, offset).strip());
        MinutesUtterance after = new MinutesUtterance(nextId("u", minutes.utterances().stream()
                .map(MinutesUtterance::id)), whole.speaker(), cut, whole.end(), text.substring(offset).strip());
        List<MinutesUtterance> utterances = new ArrayList<>(minutes.utterances());
        utterances.set(at, before);
        utterances.add(at + 1, after);
        return replaceUtterances(minutes, utterances, Function.identity());
    }

    /** A 決定事項 marked from an utterance, recorded as {@code text} (the utterance's own text when blank). */
    public static Minutes markDecision(Minutes minutes, String utteranceId, String text) throws MinutesException {
        MinutesUtterance from = minutes.utterances().get(indexOf(minutes, utteranceId));
        List<Decision> decisions = new ArrayList<>(minutes.decisions());
        decisions.add(new Decision(nextId("d", minutes.decisions().stream().map(Decision::id)), from.id(),
                text == null || text.isBlank() ? from.text() : text.strip()));
        return minutes.with(minutes.utterances(), minutes.speakers(), decisions, minutes.actionItems(),
                minutes.summary());
    }

    /** An action item marked from an utterance: what ({@code text}, the utterance's when blank), 担当者, 期限. */
    public static Minutes addActionItem(Minutes minutes, String utteranceId, String text, Attendee assignee,
            LocalDate due) throws MinutesException {
        MinutesUtterance from = minutes.utterances().get(indexOf(minutes, utteranceId));
        List<ActionItem> items = new ArrayList<>(minutes.actionItems());
        items.add(new ActionItem(nextId("a", minutes.actionItems().stream().map(ActionItem::id)), from.id(),
                text == null || text.isBlank() ? from.text() : text.strip(), assignee, due));
        return minutes.with(minutes.utterances(), minutes.speakers(), minutes.decisions(), items, minutes.summary());
    }

    /** A 決定事項 or action item taken off the minutes (by its id); the utterance stays. */
    public static Minutes unmark(Minutes minutes, String id) throws MinutesException {
        List<Decision> decisions = minutes.decisions().stream().filter(d -> !d.id().equals(id)).toList();
        List<ActionItem> items = minutes.actionItems().stream().filter(a -> !a.id().equals(id)).toList();
        if (decisions.size() == minutes.decisions().size() && items.size() == minutes.actionItems().size()) {
            throw new MinutesException("その決定事項・対応事項はこの議事録にありません: " + id);
        }
        return minutes.with(minutes.utterances(), minutes.speakers(), decisions, items, minutes.summary());
    }

    private static Minutes replaceUtterances(Minutes minutes, List<MinutesUtterance> utterances,
            Function<String, String> pointer) {
        List<Decision> decisions = minutes.decisions().stream()
                .map(d -> new Decision(d.id(), pointer.apply(d.utteranceId()), d.text())).toList();
        List<ActionItem> items = minutes.actionItems().stream().map(a -> new ActionItem(a.id(),
                pointer.apply(a.utteranceId()), a.text(), a.assignee(), a.due())).toList();
        return minutes.with(utterances, minutes.speakers(), decisions, items, minutes.summary());
    }

    private static int indexOf(Minutes minutes, String utteranceId) throws MinutesException {
        for (int i = 0; i < minutes.utterances().size(); i++) {
            if (minutes.utterances().get(i).id().equals(utteranceId)) {
                return i;
            }
        }
        throw new MinutesException("その発言はこの議事録にありません（別の画面で変更された可能性があります）: " + utteranceId);
    }

    private static String nonBlank(String text, String refusal) throws MinutesException {
        if (text == null || text.isBlank()) {
            throw new MinutesException(refusal);
        }
        return text.strip();
    }

    /** Two pieces of one statement: Japanese runs on without a space, words of Latin script get one. */
    static String joined(String first, String second) {
        String a = first.strip();
        String b = second.strip();
        boolean latinMeetsLatin = !a.isEmpty() && !b.isEmpty() && isLatin(a.charAt(a.length() - 1))
                && isLatin(b.charAt(0));
        return a + (latinMeetsLatin ? " " : "") + b;
    }

    private static boolean isLatin(char c) {
        return c < 0x3000 && (Character.isLetterOrDigit(c) || c == ',' || c == '.');
    }

    /** {@code prefix} + one more than the highest number among the ids of that form. */
    static String nextId(String prefix, Stream<String> ids) {
        int max = ids.filter(id -> id.startsWith(prefix) && id.length() > prefix.length()
                && id.length() - prefix.length() <= 9 && id.substring(prefix.length()).chars().allMatch(Character::isDigit))
                .mapToInt(id -> Integer.parseInt(id.substring(prefix.length()))).max().orElse(0);
        return prefix + (max + 1);
    }
}
