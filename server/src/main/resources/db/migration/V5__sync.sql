-- Sync: the append-only change feed clients pull into their replica, 回覧 (the first records users
-- create through sync), and the results of applied commands (exactly once per user and key).
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- One row: the feed's last seq and the id of this feed (set once from Java at first start, so a
-- client's cursor of another database is recognised). Every append updates the row first: its lock,
-- held to commit, makes the commit order the seq order. directory_published: the whole directory was
-- put into the feed once (databases created before this migration, and the seeded 役職).
CREATE TABLE feed_head (
    id                  INTEGER     PRIMARY KEY,
    seq                 BIGINT      NOT NULL,
    epoch               VARCHAR(64),
    directory_published BOOLEAN     NOT NULL
);

INSERT INTO feed_head (id, seq, epoch, directory_published) VALUES (1, 0, NULL, FALSE);

-- audience: space-separated tokens (all, unit:<code>, staff:<no>); data: the record as JSON, NULL when deleted.
CREATE TABLE change_feed (
    seq         BIGINT        PRIMARY KEY,
    entity_type VARCHAR(32)   NOT NULL,
    entity_id   VARCHAR(256)  NOT NULL,
    deleted     BOOLEAN       NOT NULL,
    audience    VARCHAR(512)  NOT NULL,
    data        VARCHAR(1000000),
    changed_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX change_feed_entity ON change_feed (entity_type, entity_id);

CREATE TABLE circular (
    id               VARCHAR(36)   PRIMARY KEY,
    unit_code        VARCHAR(32)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    author_no        VARCHAR(32)   NOT NULL,
    author_name      VARCHAR(128),
    author_unit_name VARCHAR(256),
    posted_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    withdrawn_at     TIMESTAMP(6) WITH TIME ZONE
);

CREATE INDEX circular_unit ON circular (unit_code);

CREATE TABLE circular_ack (
    circular_id     VARCHAR(36)  NOT NULL REFERENCES circular (id),
    staff_no        VARCHAR(32)  NOT NULL,
    person_name     VARCHAR(128),
    acknowledged_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    ordinal         BIGINT       NOT NULL,
    PRIMARY KEY (circular_id, staff_no)
);

-- One row per (user, idempotency key): claimed first in the command's transaction, so a concurrent
-- duplicate waits on the primary key and then fails; the loser reads the winner's result.
CREATE TABLE applied_command (
    staff_no     VARCHAR(32)   NOT NULL,
    command_key  VARCHAR(64)   NOT NULL,
    command_type VARCHAR(64)   NOT NULL,
    request_hash CHAR(64)      NOT NULL,
    outcome      VARCHAR(16)   NOT NULL,
    code         VARCHAR(32),
    message      VARCHAR(1000),
    seq          BIGINT        NOT NULL,
    applied_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (staff_no, command_key)
);
