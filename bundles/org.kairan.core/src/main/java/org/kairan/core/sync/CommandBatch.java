package org.kairan.core.sync;

import java.util.List;

/** Commands to apply in order (at most {@link #MAX_COMMANDS}); each is applied on its own. */
public record CommandBatch(List<SyncCommand> commands) {

    /** The most commands one batch may carry; a larger batch is refused whole (413). */
    public static final int MAX_COMMANDS = 100;

    public CommandBatch {
        commands = List.copyOf(commands);
    }
}
