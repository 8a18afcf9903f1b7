package org.kairan.core.minutes;

/**
 * Payload of {@code minutes.save}: the whole minutes as the editor has them, and the version the editor started
 * from (0 for new minutes). Saving on another version than the server's is refused as a conflict, so that two
 * people editing at once never overwrite each other unknowingly.
 */
public record SaveMinutes(Minutes minutes, int baseVersion) {
}
