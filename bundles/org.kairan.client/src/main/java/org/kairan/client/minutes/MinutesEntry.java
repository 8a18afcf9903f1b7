package org.kairan.client.minutes;

import java.time.Instant;

import org.kairan.core.minutes.Minutes;

/**
 * One line of the minutes list, and what the editor opens: the minutes as this desktop has them — the server's, or
 * the user's own save not yet applied — and the version the next save is to be based on.
 *
 * @param minutes     the minutes (the user's unsent or refused save when there is one, else the replica's)
 * @param baseVersion the version a save of these minutes starts from: the server's version once the user's
 *                    unsent saves have been applied (0 for minutes the server has not made yet)
 * @param state       where they stand
 * @param kessaiId    the 起案 they became (決裁に回付), else {@code null}
 * @param updatedBy   職員番号 of who saved them last on the server, or empty
 * @param updatedAt   when they were saved last on the server, or {@code null}
 * @param problem     for {@link State#CONFLICT} and {@link State#REFUSED}: the server's reason in Japanese, else
 *                    {@code null}
 * @param actionKey   the user's unsettled or refused action on them (to dismiss a refusal), else {@code null}
 */
public record MinutesEntry(Minutes minutes, int baseVersion, State state, String kessaiId, String updatedBy,
        Instant updatedAt, String problem, String actionKey) {

    /** Where minutes stand on this desktop. */
    public enum State {
        /** 作成中, as the server has them. */
        DRAFT,
        /** 送信待ち: saved here, not yet applied by the server (works offline). */
        QUEUED,
        /** 回付待ち: 決裁に回付 queued, not yet applied. */
        SENDING,
        /** 決裁に回付: printed and made a 起案. */
        SENT,
        /** Someone else saved first: the user's save was not applied (the server's minutes are newer). */
        CONFLICT,
        /** The server refused the user's action for another reason. */
        REFUSED
    }

    public String id() {
        return minutes.id();
    }

    /** Whether the minutes may still be edited and saved (not sent or being sent). */
    public boolean editable() {
        return state != State.SENT && state != State.SENDING;
    }
}
