package org.kairan.server.roster;

import java.util.List;

/**
 * One record of a CSV file.
 *
 * @param line   1-based line where the record starts
 * @param fields the fields, unquoted
 * @param text   the record as it stood in the file (for the rejection report)
 * @param error  why the record could not be read (an unclosed quote), or {@code null}
 */
public record CsvRecord(int line, List<String> fields, String text, String error) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }

    /** A line with nothing on it. */
    public boolean isBlank() {
        return error == null && fields.size() == 1 && fields.getFirst().isBlank();
    }
}
