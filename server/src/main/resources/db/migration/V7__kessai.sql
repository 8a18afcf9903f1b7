-- 電子決裁: 案件 (the whole record as JSON, plus the columns searches and the 決裁簿 need), 文書番号 counters,
-- files kept by content, 不在, and 保存年限 decisions. Portable between H2 (MODE=PostgreSQL) and PostgreSQL.

-- A 案件 is seen by its route, 供覧, 代決者 and the managers above its 課: audiences grow longer than 回覧's.
ALTER TABLE change_feed ALTER COLUMN audience SET DATA TYPE VARCHAR(16000);

CREATE TABLE kessai (
    id              VARCHAR(36)    PRIMARY KEY,
    division_code   VARCHAR(32)    NOT NULL,
    drafter_no      VARCHAR(32)    NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    title           VARCHAR(200)   NOT NULL,
    classification  VARCHAR(100)   NOT NULL,
    document_number VARCHAR(64),
    draft_date      DATE           NOT NULL,
    decided_at      TIMESTAMP(6) WITH TIME ZONE,
    audience        VARCHAR(16000) NOT NULL,
    data            VARCHAR(1000000) NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX kessai_division_decided ON kessai (division_code, decided_at);
CREATE INDEX kessai_status ON kessai (status);

-- The last 文書番号 given per 課 and 年度: taken under the row's lock in the transaction that uses it, so a
-- number is never given twice and never skipped (a rolled-back transaction gives its number back).
CREATE TABLE document_number_counter (
    division_code VARCHAR(32) NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    last_serial   INTEGER     NOT NULL,
    PRIMARY KEY (division_code, fiscal_year)
);

-- Files are kept on disk by SHA-256 (written before the row, so a row always has its file); this is what
-- the server knows of each.
CREATE TABLE stored_file (
    sha256      CHAR(64)     PRIMARY KEY,
    size        BIGINT       NOT NULL,
    media_type  VARCHAR(128) NOT NULL,
    pages       INTEGER      NOT NULL,
    uploaded_by VARCHAR(32)  NOT NULL,
    uploaded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Which 案件 name which file: who may download it.
CREATE TABLE kessai_file (
    sha256    CHAR(64)    NOT NULL,
    kessai_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (sha256, kessai_id)
);

CREATE TABLE absence (
    id        VARCHAR(36)  PRIMARY KEY,
    staff_no  VARCHAR(32)  NOT NULL,
    from_day  DATE         NOT NULL,
    to_day    DATE         NOT NULL,
    reason    VARCHAR(200) NOT NULL,
    set_by    VARCHAR(32)  NOT NULL,
    cancelled BOOLEAN      NOT NULL
);

CREATE INDEX absence_staff ON absence (staff_no, to_day);

-- 保存年限 満了 decisions: 廃棄, 移管 (to the archives) or 継続 (kept until kept_until).
CREATE TABLE retention_decision (
    kessai_id  VARCHAR(36) PRIMARY KEY,
    decision   VARCHAR(16) NOT NULL,
    kept_until DATE,
    decided_by VARCHAR(32) NOT NULL,
    decided_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
