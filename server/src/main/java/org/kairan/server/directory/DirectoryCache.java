package org.kairan.server.directory;

import java.sql.Connection;
import java.sql.SQLException;

import org.kairan.core.organisation.DirectorySnapshot;
import org.kairan.core.organisation.OrganisationDirectory;

/**
 * The organisation in memory, for the reads every request makes (who is behind a session, directory
 * search). Each use reads the directory's version row (one indexed read) and reloads when it moved, so a
 * roster import or 人事異動 is seen at once, also by other server processes on the same database.
 */
public final class DirectoryCache {

    private record Loaded(long version, OrganisationDirectory directory, DirectorySnapshot snapshot) {
    }

    private final OrganisationStore store;
    private volatile Loaded loaded;

    public DirectoryCache(OrganisationStore store) {
        this.store = store;
    }

    /** The directory as committed at the caller's transaction (or newer). */
    public OrganisationDirectory directory(Connection c) throws SQLException {
        return current(c).directory();
    }

    /** Every unit, person and assignment, with {@code today} as its date. */
    public DirectorySnapshot snapshot(Connection c, java.time.LocalDate today) throws SQLException {
        DirectorySnapshot snapshot = current(c).snapshot();
        return snapshot.asOf().equals(today) ? snapshot
                : new DirectorySnapshot(today, snapshot.positions(), snapshot.units(), snapshot.staff(),
                        snapshot.assignments());
    }

    private Loaded current(Connection c) throws SQLException {
        long version = store.version(c);
        Loaded now = loaded;
        if (now == null || now.version() != version) {
            // read the version first: a change committed meanwhile moves it again and reloads next time
            DirectorySnapshot snapshot = store.snapshot(c, java.time.LocalDate.EPOCH);
            now = new Loaded(version, new OrganisationDirectory(snapshot), snapshot);
            loaded = now;
        }
        return now;
    }
}
