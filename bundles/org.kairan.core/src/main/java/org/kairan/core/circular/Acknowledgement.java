package org.kairan.core.circular;

import java.time.Instant;
import java.util.Objects;

/**
 * One 確認 of a 回覧.
 *
 * @param staffNo 職員番号
 * @param name    氏名 when acknowledged
 * @param at      when the server applied it (the user's own time of acting, possibly offline, is in the audit log)
 */
public record Acknowledgement(String staffNo, String name, Instant at) {

    public Acknowledgement {
        Objects.requireNonNull(staffNo, "staffNo");
        Objects.requireNonNull(at, "at");
    }
}
