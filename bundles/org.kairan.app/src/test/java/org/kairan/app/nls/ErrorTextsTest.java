package org.kairan.app.nls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.PropertyResourceBundle;

import org.junit.jupiter.api.Test;
import org.kairan.client.AccountLockedException;
import org.kairan.client.RequestRejectedException;
import org.kairan.client.ServerAddress;
import org.kairan.client.ServerUnreachableException;
import org.kairan.client.WrongCredentialsException;
import org.kairan.core.protocol.ErrorCode;

class ErrorTextsTest {

    private static Messages japanese() throws IOException, IllegalAccessException {
        PropertyResourceBundle bundle;
        try (InputStream in = Files.newInputStream(Path.of("OSGI-INF", "l10n", "bundle.properties"))) {
            bundle = new PropertyResourceBundle(in);
        }
        Messages messages = new Messages();
        for (Field field : Messages.class.getFields()) {
            field.set(messages, bundle.getString(field.getName()));
        }
        return messages;
    }

    @Test
    void aLockedAccountSaysHowLongToWaitInMinutes() throws Exception {
        ErrorTexts texts = new ErrorTexts(japanese());
        String text = texts.of(new AccountLockedException("locked", null, true, Duration.ofSeconds(899)), null);
        assertTrue(text.contains("15分後"), "899 s are rounded up to 15 minutes: " + text);
        assertTrue(texts.of(new AccountLockedException("slow", null, false, Duration.ofSeconds(8)), null).contains("8秒"),
                "short throttles are in seconds");
    }

    @Test
    void unreachableNamesTheServerAndWrongCredentialsDoNotSayWhichWasWrong() throws Exception {
        ErrorTexts texts = new ErrorTexts(japanese());
        ServerAddress server = ServerAddress.parse("http://127.0.0.1:8470");
        assertTrue(texts.of(new ServerUnreachableException("refused", null), server).contains("http://127.0.0.1:8470"),
                "the unreachable server is named");
        assertEquals("職員番号（ユーザーID）またはパスワードが違います。",
                texts.of(new WrongCredentialsException("x", null), server), "one sentence for user id or password");
    }

    @Test
    void aRefusedAdministratorActionAndATooLargeFileAreExplained() throws Exception {
        ErrorTexts texts = new ErrorTexts(japanese());
        assertEquals("この操作を行う権限がありません。", texts.of(new RequestRejectedException("no", null, 403,
                ErrorCode.FORBIDDEN), null), "403 says the person may not do this");
        assertTrue(texts.of(new RequestRejectedException("big", null, 413, ErrorCode.PAYLOAD_TOO_LARGE), null)
                .contains("大きすぎる"), "413 says the file is too large");
    }

    @Test
    void serverAddressesAreCheckedAsTyped() throws Exception {
        ErrorTexts texts = new ErrorTexts(japanese());
        assertNull(texts.checkServerAddress("https://kairan.city.example.lg.jp"), "https is fine");
        assertTrue(texts.checkServerAddress("http://kairan.city.example.lg.jp").contains("https://"),
                "plain http to another machine asks for https");
    }
}
