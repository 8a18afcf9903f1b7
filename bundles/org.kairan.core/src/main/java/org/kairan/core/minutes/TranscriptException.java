package org.kairan.core.minutes;

import java.io.IOException;
import java.util.Objects;

/**
 * A transcript file that cannot be read, with the reason, the line at fault and a message for the user in
 * Japanese (「3 行目: 時刻の書式が正しくありません (00:01:xx,000)」). Nothing of the file is kept when it is thrown.
 */
public class TranscriptException extends IOException {

    private static final long serialVersionUID = 1L;

    private final TranscriptProblem problem;
    private final int line;

    public TranscriptException(TranscriptProblem problem, int line, String message) {
        super(line > 0 ? line + " 行目: " + message : message);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.line = line;
    }

    public TranscriptProblem problem() {
        return problem;
    }

    /** 1-based line of the file at fault; 0 when the file as a whole is at fault. */
    public int line() {
        return line;
    }
}
