-- The recording a 議事録 is played from (issue 7): the speech-to-text job it was transcribed by, whose directory
-- DATA/minutes/<job>/ keeps the recording as 16 kHz mono PCM (audio.pcm) once the job is done. Kept in a column
-- beside the record's JSON so that a job used by minutes is not deleted with its recording (the key refuses it, and
-- the server says so first). Portable between H2 (MODE=PostgreSQL) and PostgreSQL.
ALTER TABLE minutes ADD COLUMN recording VARCHAR(36);
ALTER TABLE minutes ADD CONSTRAINT minutes_recording FOREIGN KEY (recording) REFERENCES transcription_job (id);
CREATE INDEX minutes_recording_job ON minutes (recording);
