package org.kairan.client.kessai;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.kairan.client.sync.QueuedAction;
import org.kairan.core.kessai.Kessai;

/**
 * One 案件 as the user sees it now.
 *
 * @param kessai  the 案件, with the user's actions not yet accepted by the server applied on this desktop
 * @param where   where it is, in words ({@link org.kairan.core.kessai.KessaiWorkflow#where}), e.g.
 *                回議中（専決 財政課長 野村　健一）
 * @param since   since when it stands as it does: reached its current step, was sent back, was decided; the
 *                draft's creation for a draft
 * @param sending whether an action of the user on it waits to be sent or answered (「送信待ち」)
 * @param refusal the user's latest action on it that the server refused and the user has not dismissed, or
 *                {@code null}
 */
public record InboxItem(Kessai kessai, String where, Instant since, boolean sending, QueuedAction refusal) {

    public InboxItem {
        Objects.requireNonNull(kessai, "kessai");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(since, "since");
    }

    public String id() {
        return kessai.id();
    }

    public String title() {
        return kessai.title();
    }

    /** The refused action to show (with its reason) until the user dismisses it. */
    public Optional<QueuedAction> refused() {
        return Optional.ofNullable(refusal);
    }
}
