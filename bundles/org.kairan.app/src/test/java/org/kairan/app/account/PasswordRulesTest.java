package org.kairan.app.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.kairan.app.account.PasswordRules.Problem;

class PasswordRulesTest {

    private static Optional<Problem> check(String current, String wanted, String repeated) {
        return PasswordRules.check(current, wanted, repeated, "120002");
    }

    @Test
    void theServersRuleIsCheckedBeforeSending() {
        assertEquals(Optional.of(Problem.TOO_SHORT), check("old-password", "short-pw1", "short-pw1"),
                "nine characters are too short (the server wants at least 10)");
        assertTrue(check("old-password", "long-enough", "long-enough").isEmpty(), "ten characters or more are fine");
        assertEquals(Optional.of(Problem.SAME_AS_USER_ID), check("old-password", " 120002    ", " 120002    "),
                "the user id padded to ten characters is still the user id (the server strips it too)");
        assertEquals(Optional.of(Problem.SAME_AS_USER_ID), check("old-password", "１２０００２    ", "１２０００２    "),
                "full-width digits count as the user id, as NFKC makes them");
    }

    @Test
    void charactersAreCountedAsTheServerCountsThem() {
        assertEquals(10, PasswordRules.length("さくらさくらさくらさ"), "ten kana are ten characters");
        assertEquals(Optional.empty(), check("old-password", "さくらさくらさくらさ", "さくらさくらさくらさ"),
                "a Japanese password of ten characters is accepted");
        assertEquals(2, PasswordRules.length("𠮷野"), "a character outside the BMP counts once");
    }

    @Test
    void whatOnlyTheDesktopSeesIsCheckedToo() {
        assertEquals(Optional.of(Problem.CURRENT_EMPTY), check("", "long-enough", "long-enough"),
                "the current password is required");
        assertEquals(Optional.of(Problem.NEW_EMPTY), check("old-password", "", ""), "a new password is required");
        assertEquals(Optional.of(Problem.MISMATCH), check("old-password", "long-enough", "long-enougH"),
                "the repetition must match exactly");
        assertEquals(Optional.of(Problem.SAME_AS_CURRENT), check("same-password", "same-password", "same-password"),
                "the new password must differ from the current one");
    }
}
