package org.kairan.core.organisation;

import java.util.Objects;

/**
 * A 役職 and its seniority. Every municipality names its posts differently, so positions are data
 * (the server's table), not an enum.
 *
 * @param name 役職名, e.g. 課長
 * @param rank higher is more senior (市長 100, 課長 60, 主事 20 in the default table)
 */
public record Position(String name, int rank) {
    public Position {
        Objects.requireNonNull(name, "name");
    }
}
