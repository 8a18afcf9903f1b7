package org.kairan.bench.sync;

import java.util.Random;

/**
 * Japanese text of a given length (deterministic): municipal-document phrases mixed with words of random
 * common kanji and particles, so that gzip compresses it about as much as real prose (≈ 40 % of its UTF-8
 * size) — a fixed phrase list alone would compress to 5 % and make the transfer unrealistically cheap.
 */
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

    private static final String KANJI = "市長部局総務課財政企画政策民生活環境福祉健康保険教育委員会議事選挙監査農業上下水道"
            + "予算決算執行契約入札委託補助金交付申請承認届出報告調査計画実施検討協議調整会議資料説明通知依頼回答照会"
            + "施設管理運営整備改修工事道路河川公園住宅都市交通防災消防安全地域振興観光産業商工労働雇用子育支援高齢者"
            + "障害医療介護年金税務課税徴収固定資産住民登録戸籍印鑑証明発行窓口受付相談広報広聴情報公開個人文書保存廃棄"
            + "人事給与研修職員任用異動昇任休暇勤務時間外手当旅費物品購入修繕貸付使用料手数料条例規則要綱基準様式改正";
    private static final String[] PARTICLES = { "の", "を", "に", "は", "が", "と", "で", "について", "に係る", "及び",
        "並びに", "する。", "した。", "します。", "されたい。", "とする。", "、", "、", "。" };

    private final Random random;

    Texts(long seed) {
        this.random = new Random(seed);
    }

    String text(int length) {
        StringBuilder s = new StringBuilder(length + 40);
        while (s.length() < length) {
            if (random.nextInt(3) == 0) {
                s.append(PHRASES[random.nextInt(PHRASES.length)]);
            } else {
                for (int w = 2 + random.nextInt(3); w > 0; w--) {
                    for (int k = 2 + random.nextInt(3); k > 0; k--) {
                        s.append(KANJI.charAt(random.nextInt(KANJI.length())));
                    }
                    s.append(PARTICLES[random.nextInt(PARTICLES.length)]);
                }
            }
            if (random.nextInt(8) == 0) {
                s.append('\n');
            }
        }
        s.setLength(length);
        return s.toString();
    }
}
