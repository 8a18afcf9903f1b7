package org.kairan.core.minutes;

/**
 * How much of a transcript Kairan accepts. A 3-hour meeting exported by Teams is about 0.5 MB and 3,000 cues, so
 * the defaults leave room while keeping a wrong file (a recording, a disk image) from filling the memory.
 *
 * @param maxBytes      the largest file, in bytes; a larger one is refused before it is read to its end
 * @param maxUtterances the most utterances a transcript may have
 */
public record TranscriptLimits(long maxBytes, int maxUtterances) {

    /** 50 MB and 100,000 utterances. */
    public static final TranscriptLimits DEFAULT = new TranscriptLimits(50L * 1024 * 1024, 100_000);

    public TranscriptLimits {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        if (maxUtterances < 1) {
            throw new IllegalArgumentException("maxUtterances must be positive: " + maxUtterances);
        }
    }

    /** Refuses the utterance that would go over the limit. */
    void checkCount(int utterances, int line) throws TranscriptException {
        if (utterances > maxUtterances) {
            throw new TranscriptException(TranscriptProblem.TOO_MANY_UTTERANCES, line,
                    "発言が多すぎます（上限 " + maxUtterances + " 件）");
        }
    }

    /** The size limit as the user reads it (50 MB). */
    String sizeLabel() {
        return maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " バイト";
    }
}
