package org.kairan.core.sync;

import java.util.List;

/** The results of a {@link CommandBatch}, one per command, in the same order. */
public record CommandResults(List<CommandResult> results) {

    public CommandResults {
        results = List.copyOf(results);
    }
}
