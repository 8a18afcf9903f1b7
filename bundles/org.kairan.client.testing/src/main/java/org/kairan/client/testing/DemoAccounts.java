package org.kairan.client.testing;

/**
 * The accounts of the demo city ({@code --demo}) that have a password (README.md, server
 * {@code demo/accounts.txt} and everyone whose 権限 is 管理者 or 監査). None has a second factor until
 * its first login enrols one. Tests that change an account's state (lockout, password, second factor)
 * should each use their own account.
 */
public final class DemoAccounts {

    /** The initial password of every demo account. */
    public static final String PASSWORD = "kairan-demo-2026";

    /** 市長 北川 誠一. */
    public static final String MAYOR = "100001";
    /** 情報政策課長 中西 恵, 管理者. */
    public static final String ADMIN = "110001";
    /** 財政課長. */
    public static final String FINANCE_HEAD = "120001";
    /** 財政課 財政係 主事 佐藤 花子. */
    public static final String FINANCE_CLERK = "120002";
    /** 財政課 財政係長: the first 回議 of the clerk's 決裁. */
    public static final String FINANCE_SECTION_HEAD = "466475";
    /** 財政課 契約管財係長. */
    public static final String CONTRACTS_SECTION_HEAD = "438784";
    /** 企画財政部長. */
    public static final String PLANNING_FINANCE_DIRECTOR = "707657";
    /** 市民課 主任. */
    public static final String CITIZEN_CLERK = "130001";
    /** 情報政策課 係長 吉村 恭子, 管理者. */
    public static final String SECOND_ADMIN = "840038";
    /** 情報政策課 主任 加藤 亜美, 管理者. */
    public static final String THIRD_ADMIN = "642603";
    /** 監査委員事務局 課長, 監査. */
    public static final String AUDITOR = "844139";
    /** 監査委員事務局 係長, 監査. */
    public static final String SECOND_AUDITOR = "295230";

    private DemoAccounts() {
    }
}
