package org.kairan.approval.ui.internal.kessai;

import java.time.Instant;

import org.kairan.core.kessai.PostHolder;

/**
 * One line of the route view: a person on the route with what they did (or that it is their turn).
 *
 * @param stage     起案, a step kind (回議, 合議, 専決, 決裁) or 供覧 — as the UI names it
 * @param person    the person on the route
 * @param actor     who acted there when it was someone else (the 代決者), otherwise {@code null}
 * @param result    what was done, empty when nothing yet
 * @param at        when, or {@code null}
 * @param comment   the comment of that action, may be empty
 * @param current   whether the 案件 waits for this person now
 * @param standIn   the 代決者 who may act now for this person (absent), or {@code null}
 */
record RouteRow(String stage, PostHolder person, PostHolder actor, String result, Instant at, String comment,
        boolean current, PostHolder standIn) {
}
