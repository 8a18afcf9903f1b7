package org.kairan.server.sync;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who may see a feed entry, as tokens stored with it: {@code all} (every member of staff),
 * {@code unit:<組織コード>} (the members of the unit and of the units below it) and
 * {@code staff:<職員番号>} (one person). An entry is visible to a user whose {@link SyncScope} holds
 * any of its tokens.
 */
public final class Audience {

    /** Every member of staff. */
    public static final String ALL = "all";

    private Audience() {
    }

    public static String unit(String unitCode) {
        return "unit:" + unitCode;
    }

    public static String staff(String staffNo) {
        return "staff:" + staffNo;
    }

    /** The tokens as the {@code audience} column stores them (space-separated). */
    public static String of(String... tokens) {
        return Arrays.stream(tokens).distinct().collect(Collectors.joining(" "));
    }
}
