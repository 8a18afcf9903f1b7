-- Speech-to-text jobs of meeting recordings (議事録, issue 7). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
--
-- One row per uploaded recording; the recording itself is kept under DATA/minutes/<id>/ until the job is deleted.
-- state: WAITING, CONVERTING, RECOGNISING (a worker has it), DONE, CANCELLED, FAILED (reason says why, in Japanese).
-- A job a worker had when the server stopped or died is FAILED at the next start (「中断」), never silently lost; a
-- WAITING one is taken up again. A job has segments only when it is DONE: they are written in the same transaction
-- that marks it DONE, so a failed or cancelled job has no transcript (nothing half-saved).
CREATE TABLE transcription_job (
    id               VARCHAR(36)   PRIMARY KEY,
    owner            VARCHAR(32)   NOT NULL,
    language         VARCHAR(8)    NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    stored_name      VARCHAR(64)   NOT NULL,
    audio_bytes      BIGINT        NOT NULL,
    duration_ms      BIGINT,
    state            VARCHAR(16)   NOT NULL,
    reason           VARCHAR(2000),
    note             VARCHAR(200),
    real_time_factor DOUBLE PRECISION,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP(6) WITH TIME ZONE,
    finished_at      TIMESTAMP(6) WITH TIME ZONE
);

CREATE INDEX transcription_job_owner ON transcription_job (owner, created_at);
CREATE INDEX transcription_job_state ON transcription_job (state, created_at);

-- The transcript of a DONE job: its utterances in time order (milliseconds from the recording's start), each with
-- its words and their times as JSON ([{"word","start","end","confidence"}], seconds).
CREATE TABLE transcription_segment (
    job_id   VARCHAR(36)     NOT NULL REFERENCES transcription_job (id) ON DELETE CASCADE,
    seq      INTEGER         NOT NULL,
    start_ms BIGINT          NOT NULL,
    end_ms   BIGINT          NOT NULL,
    text     VARCHAR(100000) NOT NULL,
    words    VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (job_id, seq)
);
