package org.kairan.core.minutes;

/** Why a transcript file was refused. */
public enum TranscriptProblem {
    /** The file has no bytes, only white space, or no utterance at all. */
    EMPTY,
    /** The file is something else: a PDF, a recording, an Office file, binary data, or text without speakers. */
    NOT_A_TRANSCRIPT,
    /** The bytes are neither UTF-8, UTF-16 with a byte order mark, nor Shift_JIS (windows-31j). */
    UNDECODABLE,
    /** The file ends in the middle of a subtitle's times: it was cut off while saving or copying. */
    TRUNCATED,
    /** An SRT subtitle (or a plain text line) has a time that is not written as the format requires. */
    BAD_TIMESTAMP,
    /** The file is larger than the configured limit; it was not read to its end. */
    TOO_LARGE,
    /** The file has more utterances than the configured limit. */
    TOO_MANY_UTTERANCES
}
