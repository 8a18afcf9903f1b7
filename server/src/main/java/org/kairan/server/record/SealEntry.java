package org.kairan.server.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One box of the 決裁欄: a person on the route and what they did. Printed in route order; a person who
 * acted gets their 電子印影 with the date of {@code at}.
 *
 * @param stepLabel the step as the box is headed: 起案, 回議, 合議, 専決, 決裁 (or the post, e.g. 課長)
 * @param approver  whose seal is in the box: the person who acted (for a 代決, the substitute)
 * @param actingFor for a 代決 the 氏名 of the approver who was absent (printed beside the seal with 「代決」);
 *                  {@code null} otherwise
 * @param at        when they acted; {@code null} when they have not (e.g. a 後閲 still pending): the box
 *                  then shows the result label and no seal
 * @param result    what they did: 承認, 決裁, 代決, 合議済, 後閲 …
 * @param comment   their comment, may be {@code null}; printed under the 決裁欄
 */
public record SealEntry(String stepLabel, PersonOnRecord approver, String actingFor, Instant at, String result,
        String comment) {

    public SealEntry {
        Objects.requireNonNull(stepLabel, "stepLabel");
        Objects.requireNonNull(approver, "approver");
        result = result == null ? "" : result;
        if (actingFor != null && actingFor.isBlank()) {
            actingFor = null;
        }
        if (comment != null && comment.isBlank()) {
            comment = null;
        }
    }

    /** A seal of someone who acted, without a comment. */
    public static SealEntry acted(String stepLabel, PersonOnRecord approver, Instant at, String result) {
        return new SealEntry(stepLabel, approver, null, at, result, null);
    }

    /** A 代決: {@code substitute} decided in place of the absent {@code absentName}. */
    public static SealEntry daiketsu(String stepLabel, PersonOnRecord substitute, String absentName, Instant at) {
        return new SealEntry(stepLabel, substitute, Objects.requireNonNull(absentName, "absentName"), at, "代決", null);
    }

    public SealEntry withComment(String text) {
        return new SealEntry(stepLabel, approver, actingFor, at, result, text);
    }

    public boolean sealed() {
        return at != null;
    }

    public boolean daiketsu() {
        return actingFor != null;
    }
}
