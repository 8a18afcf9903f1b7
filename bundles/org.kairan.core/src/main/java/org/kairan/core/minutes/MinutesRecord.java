package org.kairan.core.minutes;

import java.time.Instant;
import java.util.Objects;

/**
 * 議事録 as the server keeps them and the change feed carries them ({@code minutes}).
 *
 * @param minutes   the minutes as last saved
 * @param version   1 for the first save, one more for each save after
 * @param status    作成中 or 決裁に回付
 * @param kessaiId  the 起案 they became, or {@code null} while 作成中
 * @param createdBy 職員番号 of who made them
 * @param updatedBy 職員番号 of who saved them last
 * @param updatedAt when they were saved last
 */
public record MinutesRecord(Minutes minutes, int version, MinutesStatus status, String kessaiId, String createdBy,
        String updatedBy, Instant updatedAt) {

    public MinutesRecord {
        Objects.requireNonNull(minutes, "minutes");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String id() {
        return minutes.id();
    }
}
