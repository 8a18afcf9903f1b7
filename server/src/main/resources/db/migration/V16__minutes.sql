-- 議事録: one row per minutes; data is the MinutesRecord as last published (the minutes and their state),
-- audience the feed tokens it was last published to (the 課, its managers above, its attendees, its writer).
-- version counts the saves: a save on another version than this one is refused (two editors never overwrite
-- each other unknowingly). data holds at most 1,000,000 characters, as a change feed entry does (about 3 hours
-- of talk); larger minutes are refused. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE minutes (
    id          VARCHAR(36)       PRIMARY KEY,
    unit_code   VARCHAR(32)       NOT NULL,
    version     INTEGER           NOT NULL,
    status      VARCHAR(16)       NOT NULL,
    kessai_id   VARCHAR(36),
    created_by  VARCHAR(32)       NOT NULL,
    updated_by  VARCHAR(32)       NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    audience    VARCHAR(8000)     NOT NULL,
    data        VARCHAR(1000000)  NOT NULL
);

CREATE INDEX minutes_unit ON minutes (unit_code, updated_at);
