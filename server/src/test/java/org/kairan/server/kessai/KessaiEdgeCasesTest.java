package org.kairan.server.kessai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kairan.server.testing.DemoDesks.*;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.sync.CommandOutcome;
import org.kairan.core.sync.CommandResult;
import org.kairan.core.sync.CommandTypes;
import org.kairan.server.testing.DemoDesks;

/**
 * Edge cases a review found: a discarded draft stays private, a replaced file becomes its next version, an
 * answer to a step visit that was sent back does not apply later, a file hash is no key, and an upload too
 * large is refused before its body is sent.
 */
class KessaiEdgeCasesTest {

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

    private String draft(String title, List<FileRef> files) {
        String id = UUID.randomUUID().toString();
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, new KessaiDraft(id, title, "契約・財務",
                "人事上の秘密を含む本文", "物品購入", 150_000, false, TODAY, null, files));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), saved.toString());
        return id;
    }

    /** 1. A draft that was never submitted and is then withdrawn (discarded) is published to the route and 部長. */
    @Test
    void aWithdrawnNeverSubmittedDraftStaysTheDraftersAlone() {
        String id = draft("下書き（未提出）", List.of());
        assertNull(desks.seenBy(BUCHO, id), "precondition: a draft is the drafter's alone");
        CommandResult withdrawn = desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.WITHDRAW, "");
        assertEquals(CommandOutcome.APPLIED, withdrawn.outcome(), withdrawn.toString());
        assertNull(desks.seenBy(KAKARICHO, id), "the 係長 must not receive a draft that was never submitted");
        assertNull(desks.seenBy(BUCHO, id), "nor the 部長 (manages: token)");
    }

    /** 2. Re-adding a file with the name of a submitted one, without listing the old one, gives two "current" v1. */
    @Test
    void aFileReplacedAfterSendBackBecomesTheNextVersion() {
        FileRef v1 = desks.uploaded(SHUJI, "見積書.txt", "見積 100,000円".getBytes(StandardCharsets.UTF_8));
        String id = draft("見積書の版", List.of(v1));
        desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "");
        assertEquals(CommandOutcome.APPLIED, desks.send(KAKARICHO, CommandTypes.ACT_ON_KESSAI,
                KessaiAction.sendBack(desks.as(KAKARICHO, id), -1, "金額を直してください")).outcome());
        FileRef v2 = desks.uploaded(SHUJI, "見積書.txt", "見積 150,000円".getBytes(StandardCharsets.UTF_8));
        CommandResult saved = desks.send(SHUJI, CommandTypes.SAVE_KESSAI_DRAFT, new KessaiDraft(id, "見積書の版", "契約・財務",
                "本文", "物品購入", 150_000, false, TODAY, null, List.of(v2)));
        assertEquals(CommandOutcome.APPLIED, saved.outcome(), saved.toString());
        Kessai k = desks.as(SHUJI, id);
        assertEquals(List.of(1, 2), k.attachments().stream().map(Attachment::version).toList(),
                "the new 見積書 must be version 2 of the name");
        assertEquals(1, k.currentAttachments().size(), "and only one 見積書 is current");
    }

    /** 3. ABA: a stale APPROVE made on (round, step) before an intermediate 差戻し applies after the route came back. */
    @Test
    void anAnswerToAStepVisitThatWasSentBackDoesNotApplyToTheNextVisit() {
        String id = draft("ABA", List.of());
        desks.act(SHUJI, desks.as(SHUJI, id), ActionKind.SUBMIT, "");
        desks.act(KAKARICHO, desks.as(KAKARICHO, id), ActionKind.APPROVE, "");
        Kessai kachoSaw = desks.as(KACHO, id); // the 課長's laptop synced here, then went offline (出張)
        desks.send(KACHO, CommandTypes.SET_ABSENCE, new AbsenceNotice(UUID.randomUUID().toString(), KACHO, TODAY,
                TODAY.plusDays(1), "出張", false));
        // the 係長 as 代決者 sends it back to step 0 (himself) because the amount is wrong, and approves it again
        CommandResult back = desks.send(KAKARICHO, CommandTypes.ACT_ON_KESSAI,
                KessaiAction.sendBack(desks.as(KAKARICHO, id), 0, "金額誤り。見積書を差し替えます"));
        assertEquals(CommandOutcome.APPLIED, back.outcome(), back.toString());
        desks.act(KAKARICHO, desks.as(KAKARICHO, id), ActionKind.APPROVE, "差替え済み");
        // the 課長's queued approval of what he saw before the 差戻し arrives
        CommandResult stale = desks.act(KACHO, kachoSaw, ActionKind.APPROVE, "");
        assertNotEquals(CommandOutcome.APPLIED, stale.outcome(),
                "an answer to the step as it was before a 差戻し must get STEP_MOVED, not decide: " + stale);
    }

    /** 4. Knowing a hash is enough to read any file: attach it to one's own draft, then download it. */
    @Test
    void aFileHashIsNotACapability() throws Exception {
        FileRef secret = desks.uploaded(KACHO, "人事評価.txt", "課長だけの資料".getBytes(StandardCharsets.UTF_8));
        String id = UUID.randomUUID().toString();
        desks.send(SHIMIN_SHUNIN, CommandTypes.SAVE_KESSAI_DRAFT, new KessaiDraft(id, "x", "契約・財務", "", "物品購入",
                1, false, TODAY, null, List.of(new FileRef(UUID.randomUUID().toString(), "x.txt", secret.sha256()))));
        HttpResponse<String> got = desks.running.get("/api/files/" + secret.sha256(), desks.session(SHIMIN_SHUNIN));
        assertEquals(404, got.statusCode(), "someone who neither uploaded nor may see the file must not get it: "
                + got.body());
    }

    /** 5. A declared-too-large upload with Expect: 100-continue is told 100 Continue first (the body is drained). */
    @Test
    void aTooLargeDeclaredUploadIsRefusedBeforeTheBodyIsSent() throws Exception {
        URI uri = desks.running.uri("/api/files");
        String token = desks.session(SHUJI);
        long tooLarge = desks.running.read(desks.running.get("/api/session", token), java.util.Map.class) == null ? 0
                : org.kairan.core.kessai.KessaiSettings.standard().maxFileBytes() + 1;
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                    + "\r\nX-Kairan-File-Name: big.pdf\r\nContent-Length: " + tooLarge
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            assertEquals("HTTP/1.1 413 Payload Too Large", line.toString().strip(),
                    "the first thing the client hears must be the 413, not 100 Continue");
        }
    }
}
