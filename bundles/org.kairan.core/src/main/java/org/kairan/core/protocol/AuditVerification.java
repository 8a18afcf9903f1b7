package org.kairan.core.protocol;

/**
 * Result of checking the audit chain.
 *
 * @param intact          whether every entry's hash matches
 * @param entries         how many entries were checked
 * @param firstBrokenSeq  the first entry whose hash does not match, or {@code null}
 * @param message         a sentence for the administrator
 */
public record AuditVerification(boolean intact, long entries, Long firstBrokenSeq, String message) {
}
