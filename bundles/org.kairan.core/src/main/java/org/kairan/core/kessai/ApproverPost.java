package org.kairan.core.kessai;

import java.util.Objects;

/**
 * A post named by the drafter when editing a route (情報政策課の課長), before it is resolved to a person.
 *
 * @param unitCode 組織コード
 * @param position 役職
 */
public record ApproverPost(String unitCode, String position) {
    public ApproverPost {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(position, "position");
    }
}
