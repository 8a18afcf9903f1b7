package org.kairan.app.circular;

import java.time.Instant;

import org.kairan.core.circular.PostCircular;

/**
 * An unsettled action of the viewer on a 回覧 (queued or sent, no answer yet).
 *
 * @param commandType one of {@link org.kairan.core.sync.CommandTypes}' 回覧 commands
 * @param circularId  the 回覧 it is about
 * @param post        for a post, what was written; {@code null} otherwise
 * @param queuedAt    when the viewer acted
 */
public record PendingCircularAction(String commandType, String circularId, PostCircular post, Instant queuedAt) {
}
