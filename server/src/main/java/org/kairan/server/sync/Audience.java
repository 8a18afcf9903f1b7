package org.kairan.server.sync;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Who may see a feed entry, as tokens stored with it: {@code all} (every member of staff),
 * {@code unit:<組織コード>} (the members of the unit and of the units below it) and
 * {@code staff:<職員番号>} (one person) and {@code manages:<組織コード>} (whoever holds a post of the chain of
 * command — 課長, 部長, 副市長, 市長 — in that unit: those with rights over a 課 and the units above it). An entry is visible to a user whose {@link SyncScope} holds
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

    public static String manages(String unitCode) {
        return "manages:" + unitCode;
    }

    public static String staff(String staffNo) {
        return "staff:" + staffNo;
    }

    /** The tokens as the {@code audience} column stores them (space-separated). */
    public static String of(String... tokens) {
        return Arrays.stream(tokens).distinct().collect(Collectors.joining(" "));
    }
}
