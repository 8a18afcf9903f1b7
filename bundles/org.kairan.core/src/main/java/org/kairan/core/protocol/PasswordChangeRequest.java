package org.kairan.core.protocol;

/** A person changes their own password; the current one is required. */
public record PasswordChangeRequest(String currentPassword, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChangeRequest[***]";
    }
}
