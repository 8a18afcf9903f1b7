-- Who uploaded each file (everyone who did, not only the first): a file may be named in a 起案 only by
-- someone who uploaded it or when it is already on that 案件, so that knowing a hash gives no access.
CREATE TABLE file_upload (
    sha256   CHAR(64)    NOT NULL,
    staff_no VARCHAR(32) NOT NULL,
    PRIMARY KEY (sha256, staff_no)
);

INSERT INTO file_upload (sha256, staff_no) SELECT sha256, uploaded_by FROM stored_file;
