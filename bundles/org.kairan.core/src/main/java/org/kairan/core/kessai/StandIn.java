package org.kairan.core.kessai;

import java.util.Objects;

/**
 * A 代決者: who may act at the current step for an approver who is absent today, by the substitute order
 * of the 代決 rules. Worked out by the server each time it publishes the 案件.
 *
 * @param absentNo   職員番号 of the absent approver
 * @param substitute who acts for them
 */
public record StandIn(String absentNo, PostHolder substitute) {
    public StandIn {
        Objects.requireNonNull(absentNo, "absentNo");
        Objects.requireNonNull(substitute, "substitute");
    }
}
