package org.kairan.core.minutes;

/**
 * Payload of {@code minutes.send}: 決裁に回付. The server prints the minutes as a PDF and makes a 起案 of the sender
 * (起案中, 決裁区分 一般) titled 「<会議名> 会議録」 with the PDF attached, filed under the 文書分類 given (its 保存年限
 * is the record's); the sender then checks the route and submits it in the 決裁 tab.
 *
 * @param minutesId      the minutes
 * @param baseVersion    the version the sender saw (sending other minutes than those read is refused)
 * @param kessaiId       the new 起案's UUID, chosen by the desktop
 * @param classification 文書分類 of the 起案, one of the city's
 */
public record SendMinutes(String minutesId, int baseVersion, String kessaiId, String classification) {
}
