package org.kairan.core.kessai;

/**
 * A 事務決裁規程 table that cannot be used, with the line (or row) at fault. The message is Japanese with
 * the English in brackets and quotes the line.
 */
public class DecisionRulesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public DecisionRulesException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** 1-based line of the text (or row of the table); 0 when the table as a whole is at fault. */
    public int line() {
        return line;
    }
}
