package org.kairan.core.protocol;

/**
 * A roster row that was not imported.
 *
 * @param line   1-based line number in the file (the header is line 1)
 * @param reason why, in Japanese as the personnel section reads it
 * @param text   the row as read
 */
public record RejectedRow(int line, String reason, String text) {
}
