package org.kairan.core.circular;

/**
 * Payload of {@code circular.acknowledge} and {@code circular.withdraw}.
 *
 * @param circularId the 回覧's id
 */
public record CircularRef(String circularId) {
}
