package org.kairan.core.minutes;

/** Reads one format of transcript file; {@link Transcripts} chooses the reader. */
public interface TranscriptReader {

    /** The format this reader reads. */
    TranscriptFormat format();

    /**
     * Reads the whole text into a transcript, or refuses it.
     *
     * @throws TranscriptException naming the line at fault, in Japanese
     */
    Transcript read(DecodedText text, TranscriptLimits limits) throws TranscriptException;
}
