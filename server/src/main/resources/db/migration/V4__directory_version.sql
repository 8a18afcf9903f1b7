-- A counter bumped in the same transaction as every change to units, staff, roles or assignments.
-- Server processes keep the directory in memory and reload it when the counter moves, so several
-- processes on one PostgreSQL database never serve a stale organisation.
CREATE TABLE directory_version (
    id      INTEGER PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);
