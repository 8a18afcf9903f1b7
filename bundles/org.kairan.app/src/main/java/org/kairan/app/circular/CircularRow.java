package org.kairan.app.circular;

import org.kairan.core.circular.Circular;

/**
 * One line of the 回覧 list.
 *
 * @param circular the 回覧 as replicated (or as written here, for a post not yet sent)
 * @param state    where it stands for the viewer
 */
public record CircularRow(Circular circular, CircularState state) {

    /** Whether the viewer may withdraw it (their own, not withdrawn, nothing pending). */
    public boolean canWithdraw() {
        return state == CircularState.OWN;
    }
}
