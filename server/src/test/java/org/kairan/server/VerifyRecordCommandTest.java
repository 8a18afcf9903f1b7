package org.kairan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.server.record.PdfOfRecord;
import org.kairan.server.record.PersonOnRecord;
import org.kairan.server.record.RecordFile;
import org.kairan.server.record.RecordFonts;
import org.kairan.server.record.RecordSettings;
import org.kairan.server.record.RecordSheet;
import org.kairan.server.record.RecordSigner;
import org.kairan.server.record.RecordSigningKey;
import org.kairan.server.record.SealEntry;

/**
 * {@code admin verify-record}: exit code 0 for a record this server signed, non-zero with the reason
 * otherwise; it needs no database (the data directory here has none).
 */
class VerifyRecordCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path record;

    @BeforeEach
    void signARecordWithTheServersKey() throws Exception {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        PersonOnRecord drafter = new PersonOnRecord("財政課", "主事", "佐藤 花子");
        var decided = ZonedDateTime.of(2026, 11, 26, 10, 15, 0, 0, tokyo).toInstant();
        RecordSheet sheet = new RecordSheet("伊財第12号", "庁舎清掃用品の購入について", "財務", "5年", drafter,
                LocalDate.of(2026, 11, 20), decided, "物品購入", 150_000, "購入してよろしいか伺います。",
                List.of(SealEntry.acted("起案", drafter, decided, "起案"),
                        SealEntry.acted("専決", new PersonOnRecord("財政課", "課長", "山田 太郎"), decided, "決裁")),
                List.of());
        RecordFile unsigned = new PdfOfRecord(RecordFonts.installed(), tokyo, Clock.systemUTC())
                .write(sheet, dataDir.resolve("unsigned.pdf"));
        record = dataDir.resolve("伊財第12号.pdf");
        new RecordSigner(RecordSigningKey.forServer(RecordSettings.defaults(), dataDir, Clock.systemUTC()),
                Clock.systemUTC()).sign(unsigned, record);
    }

    private int admin(String... args) {
        out.reset();
        err.reset();
        return new AdminCommands(new ServerConfigReader(Map.of()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordThisServerSignedIsValidWithoutADatabase() {
        assertEquals(0, admin("verify-record", record.toString(), "--data", dataDir.toString()),
                "a valid record exits 0: " + printed());
        assertTrue(printed().startsWith("OK:") && printed().contains("CN=Kairan 記録署名"),
                "and says OK with the signer: " + printed());
        assertTrue(Files.notExists(dataDir.resolve("kairan.mv.db")), "no database was opened or created");
    }

    @Test
    void aChangedRecordExitsNonZeroWithTheReason() throws Exception {
        Files.write(record, "\n%追記\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, admin("verify-record", record.toString(), "--data", dataDir.toString()),
                "a record changed after signing exits 1");
        assertTrue(printed().startsWith("INVALID:") && printed().contains("追記"), "and says why: " + printed());

        Path unsigned = dataDir.resolve("unsigned.pdf");
        assertEquals(1, admin("verify-record", unsigned.toString(), "--data", dataDir.toString()),
                "an unsigned PDF exits 1");
        assertTrue(printed().contains("署名がありません"), printed());
    }

    @Test
    void usageAndKeyProblemsExitTwo() throws Exception {
        assertEquals(2, admin("verify-record"), "the file is required");
        assertTrue(printed().contains("needs a PDF file"), printed());
        Path otherData = Files.createDirectories(dataDir.resolve("other"));
        assertEquals(2, admin("verify-record", record.toString(), "--data", otherData.toString()),
                "a data directory without the signing key cannot verify");
        assertTrue(printed().contains("record-signing.p12"), "and names the keystore it looked for: " + printed());
    }
}
