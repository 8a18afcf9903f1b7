package org.kairan.search;

/**
 * How the index stands.
 *
 * @param items   items searchable now
 * @param done    items indexed in the current run
 * @param total   items the current run has to look at; 0 when idle
 * @param rebuilt whether the index was found damaged (or was asked to be rebuilt) and is built anew
 * @param problem why the last run failed, or {@code null}
 */
public record IndexState(int items, int done, int total, boolean rebuilt, String problem) {

    public static final IndexState CLOSED = new IndexState(0, 0, 0, false, null);

    /** Whether a run is going on. */
    public boolean busy() {
        return total > 0;
    }
}
