package org.kairan.app.account;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The server's rule for a new password (docs/API.md: at least 10 characters, not the user id), checked
 * here too so that the person hears about it before anything is sent; plus what only the desktop can
 * see: the repeated password differs, or the new one is the current one. Characters are counted after
 * NFKC normalisation, as the server counts them. The server also refuses the mail address, which the
 * desktop does not know; its answer covers that case.
 */
public final class PasswordRules {

    /** The server's minimum length (AccountService.MIN_PASSWORD_LENGTH). */
    public static final int MIN_LENGTH = 10;

    /** What is wrong with the entries, in the order a person fixes them. */
    public enum Problem {
        CURRENT_EMPTY, NEW_EMPTY, TOO_SHORT, SAME_AS_USER_ID, SAME_AS_CURRENT, MISMATCH
    }

    private PasswordRules() {
    }

    /** The first problem of the three entries for the user {@code staffNo}, or empty when they can be sent. */
    public static Optional<Problem> check(String current, String newPassword, String repeated, String staffNo) {
        if (current == null || current.isEmpty()) {
            return Optional.of(Problem.CURRENT_EMPTY);
        }
        if (newPassword == null || newPassword.isEmpty()) {
            return Optional.of(Problem.NEW_EMPTY);
        }
        if (length(newPassword) < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        String normalised = Normalizer.normalize(newPassword, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (staffNo != null && normalised.equals(staffNo.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.SAME_AS_USER_ID);
        }
        if (newPassword.equals(current)) {
            return Optional.of(Problem.SAME_AS_CURRENT);
        }
        if (!newPassword.equals(repeated)) {
            return Optional.of(Problem.MISMATCH);
        }
        return Optional.empty();
    }

    /** Characters as the server counts them (code points after NFKC). */
    public static int length(String password) {
        String normalised = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFKC);
        return normalised.codePointCount(0, normalised.length());
    }
}
