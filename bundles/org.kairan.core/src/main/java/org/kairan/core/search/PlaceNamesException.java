package org.kairan.core.search;

/**
 * A list of place names that cannot be used, with the line at fault. The message is Japanese with the English in
 * brackets and quotes the line.
 */
public class PlaceNamesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;

    public PlaceNamesException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** 1-based line of the list; 0 when the list as a whole is at fault. */
    public int line() {
        return line;
    }
}
