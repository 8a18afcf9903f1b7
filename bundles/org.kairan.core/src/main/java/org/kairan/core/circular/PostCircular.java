package org.kairan.core.circular;

/**
 * Payload of {@code circular.post}.
 *
 * @param circularId UUID the client chose for the new 回覧
 * @param unitCode   the addressed unit
 * @param title      件名, 1–200 characters
 * @param body       本文, at most 20,000 characters
 */
public record PostCircular(String circularId, String unitCode, String title, String body) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
}
