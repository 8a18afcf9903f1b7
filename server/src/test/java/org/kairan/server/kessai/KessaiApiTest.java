package org.kairan.server.kessai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kairan.server.testing.DemoDesks.*;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.testing.DemoDesks;

/** 決裁 over plain HTTP: one 案件 by id, the 決裁簿 as CSV, the 保存年限 list. */
class KessaiApiTest {

    @TempDir
    Path dataDir;

    DemoDesks desks;

    @BeforeEach
    void start() {
        desks = DemoDesks.start(dataDir, null);
    }

    @AfterEach
    void stop() {
        desks.close();
    }

    /** The purchase, decided by the 課長's 専決; returns its id. */
    private String decidedPurchase(String title) {
        String id = UUID.randomUUID().toString();
        desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, new org.kairan.core.kessai.KessaiDraft(id, title, "契約・財務",
                "本文", "物品購入", 150_000, false, TODAY, null, List.of()));
        assertEquals(CommandOutcome.APPLIED, desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "").outcome());
        assertEquals(CommandOutcome.APPLIED, desks.act(KAKARICHO, desks.as(KAKARICHO, id), ActionKind.APPROVE, "").outcome());
        assertEquals(CommandOutcome.APPLIED, desks.act(KACHO, desks.as(KACHO, id), ActionKind.APPROVE, "").outcome());
        return id;
    }

    @Test
    void aKessaiByIdIsForThoseWhoMaySeeItAndLooksMissingToEveryoneElse() {
        String id = decidedPurchase("庁舎用複合機の購入について");
        HttpResponse<String> own = desks.running.get("/api/kessai/" + id, desks.session(SHUJI));
        assertEquals(200, own.statusCode(), "the drafter reads it: " + own.body());
        assertEquals("庁舎用複合機の購入について", desks.running.read(own, Kessai.class).title());
        assertEquals(200, desks.running.get("/api/kessai/" + id, desks.session(BUCHO)).statusCode(),
                "the 部長 above the 課 reads it");

        HttpResponse<String> guessed = desks.running.get("/api/kessai/" + id, desks.session(SHIMIN_SHUNIN));
        HttpResponse<String> missing = desks.running.get("/api/kessai/" + UUID.randomUUID(), desks.session(SHIMIN_SHUNIN));
        assertEquals(404, guessed.statusCode(), "a 市民課 主任 guessing the id gets 404");
        assertEquals(missing.body().replaceAll("[0-9a-f-]{36}", "?"), guessed.body().replaceAll("[0-9a-f-]{36}", "?"),
                "exactly the answer for an id that does not exist");
        assertTrue(!guessed.body().contains("複合機"), "without the title");
    }

    @Test
    void theRegisterOfAKaIsCsvForExcelInUtf8WithBomAndInShiftJis() {
        String number = desks.nextZaiseiNumber();
        decidedPurchase("庁舎用プリンタの購入について");
        decidedPurchase("会議用机の購入について（１０台）");
        String query = "/api/kessai/register?unit=" + ZAISEI_KA + "&from=2026-04-01&to=2027-03-31";
        HttpResponse<byte[]> utf8 = bytes(query, desks.session(KACHO));
        assertEquals(200, utf8.statusCode(), "the 課長 exports the 決裁簿 of their 課");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(utf8.body(), 3),
                "UTF-8 starts with a BOM so that Excel reads it");
        String text = new String(utf8.body(), 3, utf8.body().length - 3, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\r\n"));
        assertTrue(lines.get(0).startsWith("文書番号,起案日,決裁日,件名"), lines.get(0));
        String row = lines.stream().filter(l -> l.contains("庁舎用プリンタ")).findFirst().orElseThrow();
        assertTrue(row.startsWith(number + ",令和8年4月1日,令和8年4月1日,庁舎用プリンタの購入について,契約・財務,5年,物品購入,150000,"),
                "dates in 和暦, the 保存年限 of the class: " + row);
        assertTrue(row.endsWith(",課長,野村　健一,,専決"), "the decider and 専決: " + row);
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"会議用机の購入について（１０台）\"") || l.contains(",会議用机の購入について（１０台）,")),
                "every decided 案件 of the 課 is a row");

        HttpResponse<byte[]> sjis = bytes(query + "&charset=shift_jis", desks.session(KACHO));
        assertEquals(text, new String(sjis.body(), Charset.forName("windows-31j")), "the same register in Shift_JIS");
        assertTrue(sjis.headers().firstValue("Content-Type").orElse("").contains("Shift_JIS"));
        assertTrue(sjis.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"),
                "the Japanese file name is sent RFC 6266 style");

        assertEquals(403, bytes(query, desks.session(SHUJI)).statusCode(), "a 主事 cannot export the 決裁簿");
    }

    @Test
    void recordsPastTheirRetentionAreListedUntilDisposedTransferredOrExtended() {
        String id = decidedPurchase("庁舎用複合機の購入について");
        String admin = desks.session(JOHO_KACHO);
        assertTrue(!listed(admin, "2032-03-31").contains(id), "a 5年 record of 令和8年度 is kept until 31 March 2032");
        assertTrue(listed(admin, "2032-04-01").contains(id), "from 1 April 2032 it awaits 廃棄・移管・継続");

        assertEquals(204, desks.running.postJson("/api/kessai/retention/" + id, admin,
                Map.of("decision", "EXTEND", "keptUntil", "2035-03-31")).statusCode(), "継続 until 2035");
        assertTrue(!listed(admin, "2033-04-01").contains(id), "an extended record is off the list until its new date");
        assertTrue(listed(admin, "2035-04-01").contains(id), "and back on it after");
        assertEquals(204, desks.running.postJson("/api/kessai/retention/" + id, admin,
                Map.of("decision", "TRANSFER")).statusCode(), "移管");
        assertTrue(!listed(admin, "2040-04-01").contains(id), "a transferred record is done");
        assertEquals(403, desks.running.get("/api/kessai/retention", desks.session(KACHO)).statusCode(),
                "the list is for administrators");
    }

    /** The ids on the 保存年限 list as of the day. */
    private List<Object> listed(String admin, String asOf) {
        Map<?, ?> answer = desks.running.read(desks.running.get("/api/kessai/retention?asOf=" + asOf, admin), Map.class);
        return ((List<?>) answer.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("kessaiId")).toList();
    }

    private HttpResponse<byte[]> bytes(String path, String token) {
        return desks.running.send(HttpRequest.newBuilder(desks.running.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
