package org.kairan.client.sync;

/** Receives the progress of a sync; implemented over an {@code IProgressMonitor} by the UI. */
public interface SyncProgress {

    /** A silent progress. */
    SyncProgress NONE = new SyncProgress() {
        @Override
        public void received(long done, long total) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    /**
     * Records received so far in this sync, of an estimated total ({@code total} may grow as the feed does).
     */
    void received(long done, long total);

    /** Whether the user asked to stop; the sync stops between pages and resumes later from there. */
    boolean isCanceled();
}
