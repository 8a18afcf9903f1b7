package org.kairan.server.testing;

/** A small city organisation for tests: 2 部, 2 課, 1 係 and four people with different roles. */
public final class TestRoster {

    private TestRoster() {
    }

    public static final String ADMIN = "900001";
    public static final String AUDITOR = "900002";
    public static final String KACHO = "900003";
    public static final String SHUJI = "900004";
    public static final String PASSWORD = "correct-horse-battery";

    public static final String ZAISEI_KA = "120200";
    public static final String ZAISEI_KAKARI = "120201";
    public static final String JOHO_KA = "110400";

    public static final String UNITS = """
            組織コード,上位組織コード,区分,名称,かな,略称,表示順
            100000,,部局,市長部局,しちょうぶきょく,,1
            110000,100000,部,総務部,そうむぶ,,1
            110400,110000,課,情報政策課,じょうほうせいさくか,情,1
            120000,100000,部,企画財政部,きかくざいせいぶ,,2
            120200,120000,課,財政課,ざいせいか,財,1
            120201,120200,係,財政係,ざいせいかかり,,1
            """;

    public static final String STAFF = """
            職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限
            900001,管理　太郎,かんり　たろう,kanri@city.example.jp,110400,課長,2025-04-01,本務,管理者
            900002,監査　花子,かんさ　はなこ,kansa@city.example.jp,110400,主査,2025-04-01,本務,監査
            900003,財政　一郎,ざいせい　いちろう,zaisei@city.example.jp,120200,課長,2025-04-01,本務,
            900004,佐藤　美咲,さとう　みさき,misaki.sato@city.example.jp,120201,主事,2025/4/1,本務,
            """;
}
