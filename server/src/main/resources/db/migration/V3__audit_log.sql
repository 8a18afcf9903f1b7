-- The audit log: 日時・所属・役職・氏名・操作・結果, hash-chained (see AuditChain). audit_head holds the
-- last seq and hash; every append updates it first, which serialises appends.

CREATE TABLE audit_log (
    seq           BIGINT       PRIMARY KEY,
    logged_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    staff_no      VARCHAR(128),
    unit          VARCHAR(256),
    position_name VARCHAR(128),
    person_name   VARCHAR(128),
    action        VARCHAR(64)  NOT NULL,
    result        VARCHAR(32)  NOT NULL,
    detail        VARCHAR(1000),
    hash          CHAR(64)     NOT NULL
);

CREATE INDEX audit_log_logged_at ON audit_log (logged_at);

CREATE TABLE audit_head (
    id        INTEGER  PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
