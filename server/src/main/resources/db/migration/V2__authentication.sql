-- Authentication: password hashes (Argon2id PHC strings), TOTP second factors and pending
-- enrolments, sessions (only the SHA-256 of each token is stored) and failed-login counters.

CREATE TABLE credential (
    staff_no      VARCHAR(32)  PRIMARY KEY REFERENCES staff (staff_no),
    password_hash VARCHAR(512) NOT NULL,
    changed_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE totp_secret (
    staff_no       VARCHAR(32)  PRIMARY KEY REFERENCES staff (staff_no),
    secret         VARCHAR(128) NOT NULL,
    enrolled_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_used_step BIGINT       NOT NULL
);

-- A password check that found no second factor: the secret shown as a QR code waits here until the
-- first code confirms it (10 minutes at most).
CREATE TABLE totp_enrolment (
    token_hash CHAR(64)     PRIMARY KEY,
    staff_no   VARCHAR(32)  NOT NULL REFERENCES staff (staff_no),
    secret     VARCHAR(128) NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX totp_enrolment_staff ON totp_enrolment (staff_no);

CREATE TABLE user_session (
    token_hash   CHAR(64)    PRIMARY KEY,
    staff_no     VARCHAR(32) NOT NULL REFERENCES staff (staff_no),
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX user_session_staff ON user_session (staff_no);

-- Consecutive failed logins per account (職員番号, or the typed user id when it matches nobody).
CREATE TABLE login_attempt (
    account_key     VARCHAR(160) PRIMARY KEY,
    failures        INTEGER      NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE
);
