package org.kairan.app.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnrolmentUriTest {

    @Test
    void theSecretAndAccountAreReadableForManualEntry() {
        EnrolmentUri uri = EnrolmentUri.parse(
                "otpauth://totp/Kairan:120002%20%E4%BD%90%E8%97%A4?secret=LXZN46FYTFUWOFT5&issuer=Kairan&digits=6");
        assertEquals("LXZN46FYTFUWOFT5", uri.secret(), "the secret is taken from the query");
        assertEquals("LXZN 46FY TFUW OFT5", uri.groupedSecret(), "grouped in fours for typing");
        assertEquals("Kairan", uri.issuer(), "the issuer parameter wins");
        assertEquals("120002 佐藤", uri.account(), "the account is the decoded label after the issuer prefix");
    }

    @Test
    void theIssuerFallsBackToTheLabelPrefix() {
        EnrolmentUri uri = EnrolmentUri.parse("otpauth://totp/%E5%9B%9E%E8%A6%A7:110001?secret=ABC");
        assertEquals("回覧", uri.issuer(), "without issuer parameter the label prefix is the issuer");
        assertEquals("110001", uri.account(), "and the rest is the account");
    }

    @Test
    void fullWidthDigitsFromAJapaneseInputMethodAreAccepted() {
        assertEquals("123456", LoginDialog.digits("１２３ ４５６"), "full-width digits and spaces are normalised");
        assertEquals("12a456", LoginDialog.digits("12a456"), "other characters are kept so that validation refuses them");
    }
}
