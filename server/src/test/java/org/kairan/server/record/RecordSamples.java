package org.kairan.server.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/** The 決裁 the record tests print: 伊織市 財政課's purchase of cleaning supplies, ¥150,000. */
final class RecordSamples {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String NUMBER = "伊財第12号";
    static final String TITLE = "令和8年度 庁舎清掃用品の購入について";
    static final PersonOnRecord DRAFTER = new PersonOnRecord("財政課", "主事", "佐藤 花子");
    static final PersonOnRecord CHIEF = new PersonOnRecord("財政課", "係長", "鈴木 一郎");
    static final PersonOnRecord MANAGER = new PersonOnRecord("財政課", "課長", "山田 太郎");
    static final PersonOnRecord CONTRACTS = new PersonOnRecord("契約検査課", "契約検査課長", "高橋 健二");
    static final PersonOnRecord DIRECTOR = new PersonOnRecord("総務部", "総務部長", "伊藤 誠");
    static final String BODY = """
            このことについて、令和8年度の庁舎清掃用品を下記のとおり購入してよろしいか伺います。

            1. 品名　洗剤、モップ、ごみ袋ほか（内訳は別紙見積書のとおり）
            2. 金額　150,000円（消費税及び地方消費税を含む。）
            3. 購入先　株式会社伊織商事
            4. 予算科目　一般会計 総務費 総務管理費 財産管理費 需用費 消耗品費
            """;

    private RecordSamples() {
    }

    static Instant at(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, TOKYO).toInstant();
    }

    /**
     * 起案, two 回議, a 合議, the 専決 of the 総務部長 taken by the 課長 as 代決, and the 部長's 後閲 still
     * pending.
     */
    static List<SealEntry> route() {
        return List.of(
                SealEntry.acted("起案", DRAFTER, at(11, 20, 9, 30), "起案"),
                SealEntry.acted("回議", CHIEF, at(11, 24, 14, 5), "承認").withComment("見積は2者から徴取済みです。"),
                SealEntry.acted("回議", MANAGER, at(11, 25, 10, 0), "承認"),
                SealEntry.acted("合議", CONTRACTS, at(11, 25, 16, 40), "合議済"),
                SealEntry.daiketsu("専決", MANAGER, "伊藤 誠", at(11, 26, 10, 15)),
                new SealEntry("後閲", DIRECTOR, null, null, "後閲", null));
    }

    static RecordSheet sheet(List<RecordAttachment> attachments) {
        return sheet(BODY, route(), attachments);
    }

    static RecordSheet sheet(String body, List<SealEntry> route, List<RecordAttachment> attachments) {
        return new RecordSheet(NUMBER, TITLE, "財務－契約－物品購入", "5年", DRAFTER, LocalDate.of(2026, 11, 20),
                at(11, 26, 10, 15), "物品購入", 150_000, body, route, attachments);
    }

    static RecordAttachment pdf(String name, Path file) throws IOException {
        return RecordAttachment.ofFile(name, "application/pdf", file);
    }
}
