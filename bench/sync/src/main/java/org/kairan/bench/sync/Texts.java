package org.kairan.bench.sync;

import java.util.Random;

/** Japanese text of a given length from municipal-document phrases (deterministic, gzip ratio like real prose). */
final class Texts {

    private static final String[] PHRASES = {
        "標記の件について、下記のとおり決裁を求めます。", "令和八年度予算の執行について", "関係各課と協議の上、",
        "別紙のとおり実施したいので、", "伺います。", "市民課窓口における本人確認の運用について",
        "なお、詳細は担当課まで問い合わせください。", "防災訓練の実施に伴い、", "庁舎の一部を使用します。",
        "委託契約の締結について、", "指名競争入札の結果に基づき、", "業者と随意契約を締結したい。",
        "会計年度任用職員の任用について", "人事異動に伴う事務引継ぎを", "速やかに行ってください。",
        "財政課長の合議を経て、", "市長の決裁を受けるものとする。", "公文書の管理に関する規程第十二条に基づき、",
        "保存期間満了の文書を廃棄します。", "上下水道料金の改定に係る", "説明会を次のとおり開催します。",
        "日時は十一月二十六日午後二時から、", "場所は本庁舎三階大会議室です。", "出席者は各部の次長以上とします。",
        "議会定例会における一般質問の答弁案を", "作成し、総務課へ提出してください。", "学校給食費の公会計化について、",
        "教育委員会と調整を進めています。", "個人情報の取扱いには十分注意し、", "施錠できる書庫に保管してください。",
        "前年度の実績は別表一のとおりです。", "補正予算の計上額は三百万円です。", "地域包括支援センターの",
        "運営状況を報告します。", "ふるさと納税の返礼品について、", "選定基準を見直しました。",
    };

    private final Random random;

    Texts(long seed) {
        this.random = new Random(seed);
    }

    String text(int length) {
        StringBuilder s = new StringBuilder(length + 40);
        while (s.length() < length) {
            s.append(PHRASES[random.nextInt(PHRASES.length)]);
            if (random.nextInt(8) == 0) {
                s.append('\n');
            }
        }
        s.setLength(length);
        return s.toString();
    }
}
