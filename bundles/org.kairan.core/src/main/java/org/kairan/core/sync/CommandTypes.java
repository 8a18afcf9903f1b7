package org.kairan.core.sync;

/** The command types the server applies, and the payload record of each. */
public final class CommandTypes {

    /** Post a 回覧 to a unit: {@code org.kairan.core.circular.PostCircular}. */
    public static final String POST_CIRCULAR = "circular.post";
    /** 確認 (acknowledge having read) a 回覧: {@code org.kairan.core.circular.CircularRef}. */
    public static final String ACKNOWLEDGE_CIRCULAR = "circular.acknowledge";
    /** 取下げ (withdraw) one's own 回覧: {@code org.kairan.core.circular.CircularRef}. */
    public static final String WITHDRAW_CIRCULAR = "circular.withdraw";

    private CommandTypes() {
    }
}
