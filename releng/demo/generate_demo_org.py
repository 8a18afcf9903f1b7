#!/usr/bin/env python3
"""Generate the demo organisation of the fictional city 伊織市 (いおりし) for Kairan.

Writes two roster CSV files (UTF-8, no BOM, header row, RFC 4180 quoting, LF line endings)
that the server imports on first start with ``--demo``:

  server/src/main/resources/org/kairan/server/demo/units.csv
      組織コード,上位組織コード,区分,名称,かな,略称,表示順
  server/src/main/resources/org/kairan/server/demo/staff.csv
      職員番号,氏名,かな,メールアドレス,所属コード,役職,発令日,区分,権限

The output is deterministic (fixed seed): running the script again gives byte-identical files.
After writing, the files are read back and checked; the script exits non-zero if a check fails,
then prints a summary (people per 部局, 役職 histogram).

Usage: python3 releng/demo/generate_demo_org.py [OUTPUT_DIR]
"""

import collections
import csv
import datetime
import io
import random
import re
import sys
from pathlib import Path

SEED = 20260401
DOMAIN = "city.iori.example.jp"
CITY_PREFIX = "伊"  # 文書番号: 伊財第123号

UNIT_HEADER = ["組織コード", "上位組織コード", "区分", "名称", "かな", "略称", "表示順"]
STAFF_HEADER = ["職員番号", "氏名", "かな", "メールアドレス", "所属コード", "役職", "発令日", "区分", "権限"]

KIND_BUREAU, KIND_DEPT, KIND_DIV, KIND_SECT = "部局", "部", "課", "係"

# 役職, most senior first (the server's default position table uses the same names).
POSITIONS = ["市長", "副市長", "教育長", "部長", "次長", "課長", "課長補佐", "係長", "主査", "主任",
             "主事", "技師", "保育士", "司書", "会計年度任用職員"]
RANK = {p: i for i, p in enumerate(POSITIONS)}

# Staffing tokens used in the unit table below.
TOKEN = {"H": "課長補佐", "L": "係長", "S": "主査", "N": "主任", "J": "主事", "G": "技師",
         "P": "保育士", "B": "司書", "K": "会計年度任用職員"}

APRIL = "2026-04-01"
LAST_YEAR = "2025-04-01"
MID_YEAR = "2026-10-01"

# ---------------------------------------------------------------------------------------------
# Organisation.  A 課 entry: (code suffix, 名称, かな, 略称, extra posts in the 課 unit, [係...]);
# 課長 is added automatically unless the 課 is marked "no_head" (its 課長 is a 兼務).  A 係 entry:
# (名称, かな, staffing string of TOKEN letters).
# ---------------------------------------------------------------------------------------------

ORG = [
    ("100000", "市長部局", "しちょうぶきょく", ["市長", "副市長", "副市長"], [
        ("110000", "総務部", "そうむぶ", ["部長", "次長"], [
            ("110100", "秘書広報課", "ひしょこうほうか", "秘", "", [
                ("秘書係", "ひしょかかり", "LNJ"),
                ("広報広聴係", "こうほうこうちょうかかり", "LSJK")]),
            ("110200", "総務課", "そうむか", "総", "H", [
                ("庶務係", "しょむかかり", "LNJK"),
                ("文書法規係", "ぶんしょほうきかかり", "LSJ")]),
            ("110300", "人事課", "じんじか", "人", "", [
                ("人事係", "じんじかかり", "LSNJ"),
                ("給与厚生係", "きゅうよこうせいかかり", "LNJK")]),
            ("110400", "情報政策課", "じょうほうせいさくか", "情", "", [
                ("情報システム係", "じょうほうしすてむかかり", "LSNJK"),
                ("デジタル推進係", "でじたるすいしんかかり", "LNJ")]),
            ("110500", "危機管理課", "ききかんりか", "危", "", [
                ("防災係", "ぼうさいかかり", "LSNJ"),
                ("地域安全係", "ちいきあんぜんかかり", "LJK")]),
        ]),
        ("120000", "企画財政部", "きかくざいせいぶ", ["部長"], [
            ("120100", "企画政策課", "きかくせいさくか", "企", "", [
                ("企画調整係", "きかくちょうせいかかり", "LSNJ"),
                ("地域振興係", "ちいきしんこうかかり", "LNJ")]),
            ("120200", "財政課", "ざいせいか", "財", "", [
                ("財政係", "ざいせいかかり", "LNJJ"),
                ("契約管財係", "けいやくかんざいかかり", "LSNJK")]),
            ("120300", "税務課", "ぜいむか", "税", "H", [
                ("市民税係", "しみんぜいかかり", "LSNJK"),
                ("資産税係", "しさんぜいかかり", "LSNGJK")]),
            ("120400", "収納課", "しゅうのうか", "収", "", [
                ("収納係", "しゅうのうかかり", "LNJK"),
                ("滞納整理係", "たいのうせいりかかり", "LSNJ")]),
        ]),
        ("130000", "市民生活部", "しみんせいかつぶ", ["部長"], [
            ("130100", "市民課", "しみんか", "市", "H", [
                ("窓口係", "まどぐちかかり", "LNNJKKK"),
                ("戸籍住民係", "こせきじゅうみんかかり", "LSNJK")]),
            ("130200", "保険年金課", "ほけんねんきんか", "保年", "", [
                ("国保係", "こくほかかり", "LSNJK"),
                ("年金医療係", "ねんきんいりょうかかり", "LNJK")]),
            ("130300", "環境課", "かんきょうか", "環", "", [
                ("環境保全係", "かんきょうほぜんかかり", "LGJ"),
                ("廃棄物対策係", "はいきぶつたいさくかかり", "LSGJK")]),
            ("130400", "市民協働課", "しみんきょうどうか", "協", "", [
                ("協働推進係", "きょうどうすいしんかかり", "LNJ"),
                ("市民相談係", "しみんそうだんかかり", "LJK")]),
        ]),
        ("140000", "健康福祉部", "けんこうふくしぶ", ["部長", "次長"], [
            ("140100", "福祉課", "ふくしか", "福", "H", [
                ("地域福祉係", "ちいきふくしかかり", "LNJ"),
                ("障がい福祉係", "しょうがいふくしかかり", "LSNJK"),
                ("生活保護係", "せいかつほごかかり", "LSNJJ")]),
            ("140200", "介護保険課", "かいごほけんか", "介", "", [
                ("介護保険係", "かいごほけんかかり", "LNJK"),
                ("高齢者支援係", "こうれいしゃしえんかかり", "LSNJK")]),
            ("140300", "健康づくり課", "けんこうづくりか", "健", "", [
                ("成人保健係", "せいじんほけんかかり", "LSNGK"),
                ("母子保健係", "ぼしほけんかかり", "LSNGK")]),
        ]),
        ("150000", "子ども未来部", "こどもみらいぶ", ["部長"], [
            ("150100", "子育て支援課", "こそだてしえんか", "子", "", [
                ("子育て支援係", "こそだてしえんかかり", "LNJK"),
                ("こども家庭係", "こどもかていかかり", "LSNJK")]),
            ("150200", "保育課", "ほいくか", "保育", "", [
                ("保育係", "ほいくかかり", "LSJK"),
                ("中央保育所", "ちゅうおうほいくしょ", "LPPPPPKKK"),
                ("東保育所", "ひがしほいくしょ", "LPPPPKKK")]),
        ]),
        ("160000", "産業振興部", "さんぎょうしんこうぶ", ["部長"], [
            ("160100", "商工観光課", "しょうこうかんこうか", "商", "", [
                ("商工係", "しょうこうかかり", "LNJ"),
                ("観光係", "かんこうかかり", "LSJK")]),
            ("160200", "農林課", "のうりんか", "農", "", [
                ("農業振興係", "のうぎょうしんこうかかり", "LSGJ"),
                ("農地林務係", "のうちりんむかかり", "LNG")]),
        ]),
        ("170000", "建設部", "けんせつぶ", ["部長"], [
            ("170100", "都市計画課", "としけいかくか", "都", "", [
                ("計画係", "けいかくかかり", "LGG"),
                ("建築住宅係", "けんちくじゅうたくかかり", "LSGJ")]),
            ("170200", "建設課", "けんせつか", "建", "H", [
                ("工務係", "こうむかかり", "LSGGG"),
                ("維持係", "いじかかり", "LNGK")]),
            ("170300", "管理課", "かんりか", "管", "", [
                ("用地係", "ようちかかり", "LSJ"),
                ("道路河川管理係", "どうろかせんかんりかかり", "LNGJ")]),
        ]),
        # 会計管理者 (部長級) heads the 会計課 as 兼務 会計課長.
        ("180000", "会計管理者", "かいけいかんりしゃ", ["部長"], [
            ("180100", "会計課", "かいけいか", "会", "no_head", [
                ("審査係", "しんさかかり", "LNJ"),
                ("出納係", "すいとうかかり", "LJK")]),
        ]),
    ]),
    ("200000", "教育委員会", "きょういくいいんかい", ["教育長"], [
        ("210000", "教育部", "きょういくぶ", ["部長", "次長"], [
            ("210100", "教育総務課", "きょういくそうむか", "教総", "H", [
                ("総務係", "そうむかかり", "LSNJK"),
                ("施設係", "しせつかかり", "LGGNK"),
                ("学校給食センター", "がっこうきゅうしょくせんたー", "LSNG" + "K" * 13)]),
            ("210200", "学校教育課", "がっこうきょういくか", "学", "H", [
                ("学務係", "がくむかかり", "LSNJK"),
                ("教育指導係", "きょういくしどうかかり", "LSSN" + "K" * 8),
                ("学校支援係", "がっこうしえんかかり", "LJ" + "K" * 14)]),
            ("210300", "生涯学習課", "しょうがいがくしゅうか", "生", "", [
                ("生涯学習係", "しょうがいがくしゅうかかり", "LNJK"),
                ("文化財係", "ぶんかざいかかり", "LGK"),
                ("中央公民館", "ちゅうおうこうみんかん", "LSJKKK"),
                ("北公民館", "きたこうみんかん", "NKK")]),
            ("210400", "スポーツ振興課", "すぽーつしんこうか", "体", "", [
                ("スポーツ振興係", "すぽーつしんこうかかり", "LNJK"),
                ("施設管理係", "しせつかんりかかり", "LJKKKKKK")]),
            ("210500", "図書館", "としょかん", "図", "", [
                ("管理係", "かんりかかり", "LJK"),
                ("奉仕係", "ほうしかかり", "LBBB" + "K" * 10),
                ("東分館", "ひがしぶんかん", "BKKK")]),
        ]),
    ]),
    ("300000", "議会事務局", "ぎかいじむきょく", ["部長"], [  # 議会事務局長 (部長級)
        (None, [
            ("300100", "議事課", "ぎじか", "議", "", [
                ("庶務係", "しょむかかり", "LJ"),
                ("議事調査係", "ぎじちょうさかかり", "SN")]),
        ]),
    ]),
    ("400000", "選挙管理委員会", "せんきょかんりいいんかい", [], [
        (None, [
            # 事務局長 is the 総務課長 (兼務).
            ("400100", "選挙管理委員会事務局", "せんきょかんりいいんかいじむきょく", "選", "no_head", [
                ("選挙係", "せんきょかかり", "SJ")]),
        ]),
    ]),
    ("500000", "監査委員", "かんさいいん", [], [
        (None, [
            ("500100", "監査委員事務局", "かんさいいんじむきょく", "監", "", [
                ("監査係", "かんさかかり", "LS")]),
        ]),
    ]),
    ("600000", "農業委員会", "のうぎょういいんかい", [], [
        (None, [
            ("600100", "農業委員会事務局", "のうぎょういいんかいじむきょく", "農委", "", [
                ("農地係", "のうちかかり", "SJ")]),
        ]),
    ]),
    ("700000", "上下水道局", "じょうげすいどうきょく", [], [
        ("710000", "上下水道部", "じょうげすいどうぶ", ["部長"], [
            ("710100", "経営総務課", "けいえいそうむか", "経", "", [
                ("総務係", "そうむかかり", "LJ"),
                ("料金係", "りょうきんかかり", "NK")]),
            ("710200", "水道課", "すいどうか", "水", "", [
                ("工務係", "こうむかかり", "LG"),
                ("給水係", "きゅうすいかかり", "SG")]),
            ("710300", "下水道課", "げすいどうか", "下", "", [
                ("下水道係", "げすいどうかかり", "LG")]),
        ]),
    ]),
]

# 兼務: (本務 unit code, 本務 役職, which one if several, 兼務 unit code, 兼務 役職)
CONCURRENT = [
    ("110200", "課長", 0, "400100", "課長"),      # 総務課長 兼 選挙管理委員会事務局長
    ("110202", "主事", 0, "400101", "主事"),      # 文書法規係 主事 兼 選挙係
    ("180000", "部長", 0, "180100", "課長"),      # 会計管理者 兼 会計課長
    ("160202", "係長", 0, "600101", "係長"),      # 農地林務係長 兼 農業委員会事務局 農地係長
    ("110402", "主任", 0, "120101", "主任"),      # デジタル推進係 主任 兼 企画調整係 (DX 担当)
    ("140302", "技師", 0, "150102", "技師"),      # 母子保健係 保健師 兼 こども家庭係 (こども家庭センター)
]

# Demo accounts documented in the README: (職員番号, unit code, 役職, 氏名, かな, 権限).
DEMO = [
    ("100001", "100000", "市長", "北川　誠一", "きたがわ　せいいち", ""),
    ("110001", "110400", "課長", "中西　恵", "なかにし　めぐみ", "管理者"),
    ("120001", "120200", "課長", "野村　健一", "のむら　けんいち", ""),
    ("120002", "120201", "主事", "佐藤　美咲", "さとう　みさき", ""),
    ("130001", "130101", "主任", "鈴木　翔太", "すずき　しょうた", ""),
]
DEMO_SEX = {"100001": "m", "110001": "f", "120001": "m", "120002": "f", "130001": "m"}

# ---------------------------------------------------------------------------------------------
# Names.  Family names: (漢字, かな, weight); romanisation is derived from the reading, with the
# exceptions in FAMILY_ROMAJI.  Given names: (漢字, かな, generations) where the generation says
# which age group the name is typical for: o = born 1960s-70s, m = 1980s, y = 1990s-2000s.
# ---------------------------------------------------------------------------------------------

FAMILY_NAMES = """
佐藤 さとう 鈴木 すずき 高橋 たかはし 田中 たなか 伊藤 いとう 渡辺 わたなべ 山本 やまもと
中村 なかむら 小林 こばやし 加藤 かとう 吉田 よしだ 山田 やまだ 佐々木 ささき 山口 やまぐち
松本 まつもと 井上 いのうえ 木村 きむら 林 はやし 斎藤 さいとう 清水 しみず 山崎 やまざき 森 もり
池田 いけだ 橋本 はしもと 阿部 あべ 石川 いしかわ 前田 まえだ 藤田 ふじた 小川 おがわ 岡田 おかだ
後藤 ごとう 長谷川 はせがわ 石井 いしい 村上 むらかみ 近藤 こんどう 坂本 さかもと 遠藤 えんどう
青木 あおき 藤井 ふじい 西村 にしむら 福田 ふくだ 太田 おおた 三浦 みうら 藤原 ふじわら 岡本 おかもと
松田 まつだ 中川 なかがわ 中野 なかの 原田 はらだ 小野 おの 田村 たむら 竹内 たけうち 金子 かねこ
和田 わだ 中山 なかやま 石田 いしだ 上田 うえだ 森田 もりた 原 はら 柴田 しばた 酒井 さかい
工藤 くどう 横山 よこやま 宮崎 みやざき 宮本 みやもと 内田 うちだ 高木 たかぎ 安藤 あんどう
谷口 たにぐち 大野 おおの 丸山 まるやま 今井 いまい 河野 こうの 藤本 ふじもと 村田 むらた
武田 たけだ 上野 うえの 杉山 すぎやま 増田 ますだ 小山 こやま 大塚 おおつか 平野 ひらの
菅原 すがわら 久保 くぼ 松井 まつい 千葉 ちば 岩崎 いわさき 桜井 さくらい 木下 きのした
野口 のぐち 松尾 まつお 菊地 きくち 野村 のむら 新井 あらい 渡部 わたなべ 佐野 さの 大西 おおにし
杉本 すぎもと 浜田 はまだ 菅野 かんの 市川 いちかわ 水野 みずの 小島 こじま 高田 たかだ
北村 きたむら 山内 やまうち 西田 にしだ 吉川 よしかわ 飯田 いいだ 小松 こまつ 島田 しまだ
山下 やました 服部 はっとり 五十嵐 いがらし 関 せき 荒木 あらき 岩田 いわた 星野 ほしの
本田 ほんだ 望月 もちづき 永井 ながい 土屋 つちや 大久保 おおくぼ 平田 ひらた 田口 たぐち
秋山 あきやま 片山 かたやま 川口 かわぐち 須藤 すどう 熊谷 くまがい 安田 やすだ 中島 なかじま
小池 こいけ 大橋 おおはし 松岡 まつおか 宮田 みやた 桑原 くわばら 大川 おおかわ 堀 ほり
野田 のだ 早川 はやかわ 川村 かわむら 辻 つじ 佐久間 さくま 矢野 やの 関口 せきぐち 榎本 えのもと
吉村 よしむら 内藤 ないとう 津田 つだ 黒田 くろだ 田辺 たなべ 新田 にった 吉岡 よしおか
山中 やまなか 松下 まつした 石橋 いしばし 小田 おだ 川上 かわかみ 宮内 みやうち 森本 もりもと
村井 むらい 沢田 さわだ 岡崎 おかざき 樋口 ひぐち 青山 あおやま 菊池 きくち 福島 ふくしま
西川 にしかわ 三上 みかみ 牧野 まきの 足立 あだち 河合 かわい 小沢 おざわ 本間 ほんま
白石 しらいし 成田 なりた 大島 おおしま 尾崎 おざき 栗原 くりはら 根本 ねもと 高野 たかの
石原 いしはら 宮下 みやした 北川 きたがわ 中西 なかにし 東海林 しょうじ 小野寺 おのでら
田島 たじま 若林 わかばやし 浅野 あさの 大森 おおもり 細川 ほそかわ 松村 まつむら 西山 にしやま
浅井 あさい 竹中 たけなか 米田 よねだ 岸 きし 岩本 いわもと 横田 よこた 小西 こにし 川崎 かわさき
森下 もりした 中田 なかた 久保田 くぼた 中尾 なかお 大谷 おおたに 堀内 ほりうち 内山 うちやま
古川 ふるかわ 荒川 あらかわ 長尾 ながお 高山 たかやま 福井 ふくい 飯塚 いいづか 秋元 あきもと
松浦 まつうら 平井 ひらい 今村 いまむら 小倉 おぐら 稲葉 いなば 上原 うえはら 水谷 みずたに
奥村 おくむら 安達 あだち 戸田 とだ 市村 いちむら 磯部 いそべ 福本 ふくもと 前川 まえかわ
梅田 うめだ 坂口 さかぐち 土井 どい 江口 えぐち
"""
# Variant kanji that really occur in 戸籍 and rosters (drawn rarely).
FAMILY_VARIANTS = [("髙橋", "たかはし"), ("齋藤", "さいとう"), ("齊藤", "さいとう"), ("渡邊", "わたなべ"),
                   ("濱田", "はまだ"), ("澤田", "さわだ")]
FAMILY_ROMAJI = {"いのうえ": "inoue", "まつうら": "matsuura"}

MALE_NAMES = """
浩 ひろし o 誠 まこと o 健一 けんいち o 和彦 かずひこ o 博之 ひろゆき o 隆 たかし o 修 おさむ o
茂 しげる o 正樹 まさき om 秀樹 ひでき o 克也 かつや o 幸一 こういち o 聡 さとし om 浩二 こうじ o
孝 たかし o 稔 みのる o 康弘 やすひろ o 義明 よしあき o 昌弘 まさひろ o 雅之 まさゆき o 賢治 けんじ o
伸一 しんいち o 一郎 いちろう o 悟 さとる o 徹 とおる o 勝 まさる o 純一 じゅんいち o 善行 よしゆき o
武 たけし o 清 きよし o 明 あきら o 正 ただし o 俊明 としあき o 英明 ひであき o 誠一 せいいち o
直樹 なおき m 哲也 てつや om 剛 つよし m 達也 たつや m 信也 しんや m 淳 あつし m 裕之 ひろゆき m
大輔 だいすけ m 拓也 たくや my 健太 けんた my 和也 かずや m 亮 りょう m 直人 なおと m 智也 ともや m
浩平 こうへい m 祐介 ゆうすけ m 洋平 ようへい m 慎也 しんや m 雄一 ゆういち m 圭介 けいすけ m
健太郎 けんたろう m 誠司 せいじ m 恭平 きょうへい m 康平 こうへい m 雄太 ゆうた my 崇 たかし m
貴之 たかゆき m 智之 ともゆき m 秀明 ひであき m 学 まなぶ m 大介 だいすけ m 俊介 しゅんすけ my
翔太 しょうた y 大樹 だいき y 拓海 たくみ y 翔 しょう y 悠斗 ゆうと y 陸 りく y 颯太 そうた y
蓮 れん y 大翔 ひろと y 優斗 ゆうと y 海斗 かいと y 隼人 はやと y 涼太 りょうた y 翼 つばさ y
航 わたる y 駿 しゅん y 勇気 ゆうき y 光 ひかる y 健人 けんと y 悠真 ゆうま y 瑛太 えいた y
湊 みなと y 樹 いつき y 拓真 たくま y 亮太 りょうた y 和樹 かずき y 直也 なおや y 友哉 ともや y
将太 しょうた y 雄大 ゆうだい y 陽介 ようすけ y
"""
FEMALE_NAMES = """
裕子 ゆうこ o 恵子 けいこ o 久美子 くみこ o 由美子 ゆみこ o 真由美 まゆみ o 幸子 さちこ o
明美 あけみ o 京子 きょうこ o 美穂 みほ om 直美 なおみ o 智子 ともこ o 典子 のりこ o 順子 じゅんこ o
洋子 ようこ o 純子 じゅんこ o 敦子 あつこ o 陽子 ようこ o 和美 かずみ o 由紀 ゆき om 美和 みわ o
香織 かおり om 恵 めぐみ m 愛 あい m 麻衣 まい m 彩 あや m 舞 まい m 千尋 ちひろ m 沙織 さおり m
亜希子 あきこ m 友美 ともみ m 美紀 みき m 綾 あや m 瞳 ひとみ m 奈緒 なお m 加奈子 かなこ m
理恵 りえ m 紀子 のりこ o 明日香 あすか m 真理子 まりこ om 早苗 さなえ om 絵美 えみ m 由香 ゆか m
恭子 きょうこ om 麻美 あさみ m 智美 ともみ m 裕美 ひろみ om
美咲 みさき y 葵 あおい y 結衣 ゆい y 陽菜 ひな y 七海 ななみ y 彩花 あやか y 菜々子 ななこ y
遥 はるか y 優花 ゆうか y 美優 みゆ y 萌 もえ y 真央 まお y 千夏 ちなつ y 里奈 りな y 杏奈 あんな y
美月 みづき y 花音 かのん y 茜 あかね y 桃子 ももこ y 詩織 しおり y 莉子 りこ y 未来 みらい y
玲奈 れな y 沙也加 さやか y 彩乃 あやの y 亜美 あみ y 香菜 かな y 春香 はるか y 友香 ともか y
凜 りん y 楓 かえで y
"""

# Which generation a post is usually held by, and the share of women in it.
GENERATION = {
    "市長": "o", "副市長": "o", "教育長": "o", "部長": "o", "次長": "o", "課長": "o",
    "課長補佐": "om", "係長": "om", "主査": "m", "主任": "my", "主事": "yyym", "技師": "yym",
    "保育士": "yym", "司書": "ym", "会計年度任用職員": "omy",
}
FEMALE_SHARE = {
    "市長": 0.0, "副市長": 0.5, "教育長": 0.0, "部長": 0.15, "次長": 0.2, "課長": 0.2, "課長補佐": 0.3,
    "係長": 0.35, "主査": 0.45, "主任": 0.5, "主事": 0.5, "技師": 0.3, "保育士": 0.9, "司書": 0.75,
    "会計年度任用職員": 0.75,
}
# (組織コード prefix, 役職) → share of women, where it differs from the above: 保健師 in 健康づくり課.
FEMALE_SHARE_IN_UNIT = {("1403", "技師"): 0.95}

# ---------------------------------------------------------------------------------------------
# Romanisation (Hepburn as used in passports and mail addresses: long vowels collapsed, no macrons).
# ---------------------------------------------------------------------------------------------

_KANA = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o",
    "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so",
    "ざ": "za", "じ": "ji", "ず": "zu", "ぜ": "ze", "ぞ": "zo",
    "た": "ta", "ち": "chi", "つ": "tsu", "て": "te", "と": "to",
    "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do",
    "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no",
    "は": "ha", "ひ": "hi", "ふ": "fu", "へ": "he", "ほ": "ho",
    "ば": "ba", "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo",
    "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo",
    "や": "ya", "ゆ": "yu", "よ": "yo",
    "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro",
    "わ": "wa", "を": "o", "ん": "n",
}
_YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def romanise(kana):
    syllables = []
    i = 0
    while i < len(kana):
        ch = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if ch == "っ":
            syllables.append("*")  # doubled consonant, resolved below
            i += 1
            continue
        base = _KANA[ch]
        if nxt in _YOON:
            stem = base[:-1]
            if stem in ("sh", "ch", "j"):
                base = stem + _YOON[nxt]
            else:
                base = stem + "y" + _YOON[nxt]
            i += 1
        syllables.append(base)
        i += 1
    # collapse long vowels: o+u, o+o, u+u
    out = []
    for s in syllables:
        if out and out[-1] != "*" and ((out[-1].endswith("o") and s in ("u", "o")) or (out[-1].endswith("u") and s == "u")):
            continue
        out.append(s)
    text = ""
    for k, s in enumerate(out):
        if s == "*":
            following = out[k + 1]
            text += "t" if following.startswith("ch") else following[0]
        else:
            text += s
    return text


# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------

def parse_family():
    words = FAMILY_NAMES.split()
    names = [(words[k], words[k + 1]) for k in range(0, len(words), 2)]
    # weight by rank: common names much more frequent, long tail still present
    weighted = [(kanji, kana, 1.0 / (rank + 15) ** 0.8) for rank, (kanji, kana) in enumerate(names)]
    weighted += [(kanji, kana, 0.02) for kanji, kana in FAMILY_VARIANTS]
    return weighted


def parse_given(text):
    words = text.split()
    return [(words[k], words[k + 1], words[k + 2]) for k in range(0, len(words), 3)]


class Namer:
    def __init__(self, rng):
        self.rng = rng
        self.family = parse_family()
        self.male = parse_given(MALE_NAMES)
        self.female = parse_given(FEMALE_NAMES)
        self.used_names = set()
        self.used_mails = set()

    def reserve(self, name, kana):
        family_kana, given_kana = kana.split("\u3000")
        mail = self.mail(family_kana, given_kana)
        assert name not in self.used_names and mail not in self.used_mails, name
        self.used_names.add(name)
        self.used_mails.add(mail)
        return mail

    @staticmethod
    def mail(family_kana, given_kana):
        family = FAMILY_ROMAJI.get(family_kana) or romanise(family_kana)
        return f"{romanise(given_kana)}.{family}@{DOMAIN}"

    def draw(self, position, unit):
        share = FEMALE_SHARE_IN_UNIT.get((unit[:4], position), FEMALE_SHARE[position])
        female = self.rng.random() < share
        generation = self.rng.choice(GENERATION[position])
        pool = [g for g in (self.female if female else self.male) if generation in g[2]]
        weights = [w for _, _, w in self.family]
        for _ in range(1000):
            fk, fr, _ = self.rng.choices(self.family, weights=weights)[0]
            gk, gr, _ = self.rng.choice(pool)
            name = f"{fk}\u3000{gk}"
            kana = f"{fr}\u3000{gr}"
            mail = self.mail(fr, gr)
            if name in self.used_names or mail in self.used_mails:
                continue
            self.used_names.add(name)
            self.used_mails.add(mail)
            return name, kana, mail
        raise RuntimeError("name space exhausted")


def build_units():
    """Returns the list of unit rows and a list of (unit code, 役職) posts to fill, in roster order."""
    units, posts = [], []

    def add_unit(code, parent, kind, name, kana, abbr, order):
        units.append({"code": code, "parent": parent, "kind": kind, "name": name, "kana": kana,
                      "abbr": abbr, "order": order})

    for b_order, (b_code, b_name, b_kana, b_posts, depts) in enumerate(ORG, start=1):
        add_unit(b_code, "", KIND_BUREAU, b_name, b_kana, "", b_order)
        posts += [(b_code, p) for p in b_posts]
        d_order = 0
        for dept in depts:
            if dept[0] is None:  # 課 directly under the 部局
                d_code, divisions = b_code, dept[1]
            else:
                d_code, d_name, d_kana, d_posts, divisions = dept
                d_order += 1
                add_unit(d_code, b_code, KIND_DEPT, d_name, d_kana, "", d_order)
                posts += [(d_code, p) for p in d_posts]
            for c_order, (c_code, c_name, c_kana, abbr, extra, sections) in enumerate(divisions, start=1):
                add_unit(c_code, d_code, KIND_DIV, c_name, c_kana, abbr, c_order)
                if extra != "no_head":
                    posts.append((c_code, "課長"))
                    posts += [(c_code, TOKEN[t]) for t in extra]
                for s_order, (s_name, s_kana, staffing) in enumerate(sections, start=1):
                    s_code = f"{c_code[:4]}{s_order:02d}"
                    add_unit(s_code, c_code, KIND_SECT, s_name, s_kana, "", s_order)
                    posts += [(s_code, TOKEN[t]) for t in staffing]
    return units, posts


def build_staff(units, posts):
    rng = random.Random(SEED)
    namer = Namer(rng)
    used_numbers = {d[0] for d in DEMO}
    demo_left = {(d[1], d[2]): d for d in DEMO}

    def new_number(position):
        lo, hi = (900000, 999999) if position == "会計年度任用職員" else (200000, 899999)
        while True:
            n = str(rng.randint(lo, hi))
            if n not in used_numbers:
                used_numbers.add(n)
                return n

    people = []  # dicts: number, name, kana, mail, unit, position, date, kind, role
    for unit, position in posts:
        demo = demo_left.pop((unit, position), None)
        if demo:
            number, _, _, name, kana, role = demo
            mail = namer.reserve(name, kana)
        else:
            number = new_number(position)
            name, kana, mail = namer.draw(position, unit)
            role = ""
        people.append({"number": number, "name": name, "kana": kana, "mail": mail, "unit": unit,
                       "position": position, "date": APRIL, "kind": "本務", "role": role})
    assert not demo_left, f"demo accounts without a post: {demo_left}"

    # 権限: 情報システム係 係長 and 主任 are system administrators with the 課長 (demo 110001).
    for p in people:
        if p["unit"] == "110401" and p["position"] in ("係長", "主任"):
            p["role"] = "管理者"
        if p["unit"] in ("500100", "500101") and p["position"] in ("課長", "係長"):
            p["role"] = "監査"

    # 発令日: most came with the 2026-04-01 人事異動; a few stayed from 2025; a few joined mid-year.
    demo_numbers = {d[0] for d in DEMO}
    stayed = [p for p in people if p["number"] not in demo_numbers
              and p["position"] in ("課長", "課長補佐", "係長", "主査", "主任", "技師", "保育士")]
    for p in rng.sample(stayed, 8):
        p["date"] = LAST_YEAR
    joined = [p for p in people if p["number"] not in demo_numbers and p["date"] == APRIL
              and p["position"] in ("主事", "技師", "会計年度任用職員")]
    for p in rng.sample(joined, 5):
        p["date"] = MID_YEAR

    # 兼務 rows.
    rows = list(people)
    for unit, position, which, c_unit, c_position in CONCURRENT:
        holders = [p for p in people if p["unit"] == unit and p["position"] == position]
        p = holders[which]
        rows.append(dict(p, unit=c_unit, position=c_position, kind="兼務", date=max(p["date"], APRIL)))

    order = {u["code"]: i for i, u in enumerate(units)}
    rows.sort(key=lambda r: (order[r["unit"]], RANK[r["position"]], r["kind"] != "本務", r["kana"]))
    return rows


def write_csv(path, header, rows):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Checks (on the files as written)
# ---------------------------------------------------------------------------------------------

HIRAGANA = re.compile(r"^[\u3041-\u3096ー]+$")
NAME_KANA = re.compile(r"^[\u3041-\u3096]+\u3000[\u3041-\u3096]+$")
KANJI = re.compile(r"^[\u4e00-\u9fff\u3005]{1,2}$")
MAIL = re.compile(r"^[a-z]+\.[a-z]+[0-9]?@" + re.escape(DOMAIN) + "$")


def read_back(path, header):
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path}: BOM"
    assert b"\r" not in raw, f"{path}: CR in file"
    assert raw.endswith(b"\n"), f"{path}: no final LF"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0] == header, f"{path}: header {rows[0]}"
    for n, row in enumerate(rows[1:], start=2):
        assert len(row) == len(header), f"{path}:{n}: {len(row)} columns"
    return [dict(zip(header, r)) for r in rows[1:]]


def check(units_path, staff_path):
    units = read_back(units_path, UNIT_HEADER)
    staff = read_back(staff_path, STAFF_HEADER)
    problems = []

    def need(cond, msg):
        if not cond:
            problems.append(msg)

    by_code = {}
    for u in units:
        c = u["組織コード"]
        need(re.fullmatch(r"[1-9][0-9]{5}", c) is not None, f"unit code {c}")
        need(c not in by_code, f"duplicate unit code {c}")
        by_code[c] = u
    for u in units:
        c, parent, kind = u["組織コード"], u["上位組織コード"], u["区分"]
        need(kind in (KIND_BUREAU, KIND_DEPT, KIND_DIV, KIND_SECT), f"{c}: 区分 {kind}")
        need(HIRAGANA.match(u["かな"]) is not None, f"{c}: かな {u['かな']}")
        need(u["表示順"].isdigit(), f"{c}: 表示順")
        if kind == KIND_BUREAU:
            need(parent == "", f"{c}: 部局 with parent")
        else:
            need(parent in by_code, f"{c}: parent {parent} missing")
            pk = by_code.get(parent, {}).get("区分")
            allowed = {KIND_DEPT: {KIND_BUREAU}, KIND_DIV: {KIND_BUREAU, KIND_DEPT}, KIND_SECT: {KIND_DIV}}[kind]
            need(pk in allowed, f"{c}: {kind} under {pk}")
            need(c[0] == parent[0], f"{c}: code not under {parent}")
        if kind == KIND_DIV:
            need(KANJI.match(u["略称"]) is not None, f"{c}: 略称 {u['略称']!r}")
        else:
            need(u["略称"] == "", f"{c}: 略称 on a {kind}")
    abbrs = [u["略称"] for u in units if u["区分"] == KIND_DIV]
    need(len(abbrs) == len(set(abbrs)), "略称 not unique among 課")
    sibling_orders = collections.Counter((u["上位組織コード"], int(u["表示順"])) for u in units)
    need(all(v == 1 for v in sibling_orders.values()), "表示順 repeats among siblings")

    def bureau_of(code):
        while by_code[code]["上位組織コード"]:
            code = by_code[code]["上位組織コード"]
        return code

    def inside(code, ancestor):
        while code:
            if code == ancestor:
                return True
            code = by_code[code]["上位組織コード"]
        return False

    persons = {}
    primaries = collections.Counter()
    mails = {}
    for n, r in enumerate(staff, start=2):
        no = r["職員番号"]
        need(re.fullmatch(r"[0-9]{6}", no) is not None, f"line {n}: 職員番号 {no}")
        need(r["所属コード"] in by_code, f"line {n}: 所属コード {r['所属コード']}")
        need(r["役職"] in RANK, f"line {n}: 役職 {r['役職']}")
        need(r["区分"] in ("本務", "兼務"), f"line {n}: 区分 {r['区分']}")
        need(r["権限"] in ("", "管理者", "監査"), f"line {n}: 権限 {r['権限']}")
        try:
            datetime.date.fromisoformat(r["発令日"])
        except ValueError:
            problems.append(f"line {n}: 発令日 {r['発令日']}")
        need(r["氏名"].count("\u3000") == 1 and " " not in r["氏名"], f"line {n}: 氏名 {r['氏名']}")
        need(NAME_KANA.match(r["かな"]) is not None, f"line {n}: かな {r['かな']}")
        need(MAIL.match(r["メールアドレス"]) is not None, f"line {n}: mail {r['メールアドレス']}")
        ident = (r["氏名"], r["かな"], r["メールアドレス"], r["権限"])
        need(persons.setdefault(no, ident) == ident, f"line {n}: {no} differs between rows")
        need(mails.setdefault(r["メールアドレス"], no) == no, f"line {n}: mail shared by two people")
        if r["区分"] == "本務":
            primaries[no] += 1
    need(all(primaries[no] == 1 for no in persons), "someone without exactly one 本務")
    names = [p[0] for p in persons.values()]
    need(len(names) == len(set(names)), "two people with the same 氏名")

    # posts
    per_unit = collections.defaultdict(collections.Counter)
    for r in staff:
        per_unit[r["所属コード"]][r["役職"]] += 1
    for u in units:
        c, kind, counts = u["組織コード"], u["区分"], per_unit[u["組織コード"]]
        if kind == KIND_DIV:
            need(counts["課長"] == 1, f"{u['名称']}: {counts['課長']} 課長")
        if kind == KIND_DEPT:
            need(counts["部長"] == 1, f"{u['名称']}: {counts['部長']} 部長")
        if kind == KIND_SECT:
            need(counts["係長"] <= 1, f"{u['名称']}: {counts['係長']} 係長")
    for r in staff:
        kind = by_code[r["所属コード"]]["区分"]
        pos = r["役職"]
        if pos == "課長":
            need(kind == KIND_DIV, f"課長 in a {kind}")
        if pos == "部長":
            need(kind in (KIND_DEPT, KIND_BUREAU), f"部長 in a {kind}")
        if pos in ("係長",):
            need(kind == KIND_SECT, f"係長 in a {kind}")
    sections = [u for u in units if u["区分"] == KIND_SECT]
    with_head = sum(1 for u in sections if per_unit[u["組織コード"]]["係長"] == 1)
    need(with_head >= 0.7 * len(sections), "fewer than 70% of 係 have a 係長")
    all_pos = collections.Counter(r["役職"] for r in staff)
    need(all_pos["市長"] == 1 and all_pos["副市長"] == 2 and all_pos["教育長"] == 1, "特別職 counts")
    need(all(r["所属コード"] == "200000" for r in staff if r["役職"] == "教育長"), "教育長 outside 教育委員会")

    # 権限
    admins = {no for no, p in persons.items() if p[3] == "管理者"}
    auditors = {no for no, p in persons.items() if p[3] == "監査"}
    home = {r["職員番号"]: r["所属コード"] for r in staff if r["区分"] == "本務"}
    need(2 <= len(admins) <= 3 and all(inside(home[no], "110400") for no in admins), "管理者")
    need(1 <= len(auditors) <= 2 and all(inside(home[no], "500100") for no in auditors), "監査")

    # demo accounts
    for number, unit, position, name, kana, role in DEMO:
        rows = [r for r in staff if r["職員番号"] == number and r["区分"] == "本務"]
        need(len(rows) == 1 and rows[0]["所属コード"] == unit and rows[0]["役職"] == position
             and rows[0]["権限"] == role and rows[0]["氏名"] == name, f"demo account {number}")

    # headcount
    per_bureau = collections.Counter(bureau_of(code) for code in home.values())
    return units, staff, by_code, per_bureau, problems


def main():
    script = Path(__file__).resolve()
    default = script.parents[2] / "server/src/main/resources/org/kairan/server/demo"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    out.mkdir(parents=True, exist_ok=True)

    units, posts = build_units()
    rows = build_staff(units, posts)
    units_path, staff_path = out / "units.csv", out / "staff.csv"
    write_csv(units_path, UNIT_HEADER,
              [[u["code"], u["parent"], u["kind"], u["name"], u["kana"], u["abbr"], str(u["order"])] for u in units])
    write_csv(staff_path, STAFF_HEADER,
              [[r["number"], r["name"], r["kana"], r["mail"], r["unit"], r["position"], r["date"], r["kind"], r["role"]]
               for r in rows])

    units_rows, staff_rows, by_code, per_bureau, problems = check(units_path, staff_path)

    kinds = collections.Counter(u["区分"] for u in units_rows)
    print(f"units.csv: {len(units_rows)} units " + ", ".join(f"{k} {kinds[k]}" for k in (KIND_BUREAU, KIND_DEPT, KIND_DIV, KIND_SECT)))
    people = {r["職員番号"] for r in staff_rows}
    concurrent = sum(1 for r in staff_rows if r["区分"] == "兼務")
    print(f"staff.csv: {len(staff_rows)} rows, {len(people)} people, {concurrent} 兼務 rows")
    print("people per 部局 (本務):")
    for code, n in sorted(per_bureau.items()):
        print(f"  {by_code[code]['名称']:<10} {n:4d}")
    print("役職 (本務 / 兼務):")
    prim = collections.Counter(r["役職"] for r in staff_rows if r["区分"] == "本務")
    conc = collections.Counter(r["役職"] for r in staff_rows if r["区分"] == "兼務")
    for p in POSITIONS:
        print(f"  {p:<10} {prim[p]:4d} / {conc[p]}")
    dates = collections.Counter(r["発令日"] for r in staff_rows if r["区分"] == "本務")
    print("発令日: " + ", ".join(f"{d} {n}" for d, n in sorted(dates.items())))
    families = collections.Counter(r["氏名"].split("\u3000")[0] for r in staff_rows if r["区分"] == "本務")
    print(f"family names: {len(families)} distinct; most common " +
          ", ".join(f"{k} {v}" for k, v in families.most_common(6)))
    print("demo accounts:")
    for number, unit, position, name, kana, role in DEMO:
        path = []
        code = unit
        while code:
            path.insert(0, by_code[code]["名称"])
            code = by_code[code]["上位組織コード"]
        mail = next(r["メールアドレス"] for r in staff_rows if r["職員番号"] == number)
        print(f"  {number} {name}（{kana}） {' › '.join(path)} {position}{' 権限=' + role if role else ''} <{mail}>")
    if problems:
        print("CHECK FAILED:", *problems, sep="\n  ")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
