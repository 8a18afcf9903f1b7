package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.Authenticator;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.client.testing.ServerApi;
import org.kairan.core.minutes.MinutesSheet;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.StaffMember;
import org.kairan.minutes.ui.MinutesUiConstants;
import org.kairan.ui.DayPicker;

/**
 * The 議事録 tab (issue 7's "done when") with the demo city's 財政課 主事 and the real server: a Teams-style WebVTT of
 * an hour-long 課内会議 (900 cues, four speakers 話者 1–4) is imported with its head (出席者 found by かな in the
 * directory); the four speakers are mapped to staff once for the whole meeting; an utterance is corrected in place
 * and one is split at the caret and joined again; two 決定事項 and three 対応事項 (担当者, 期限) are marked; the minutes
 * are saved (queued, then applied), written as .docx (a Word file with the 会議名 in word/document.xml) and sent for
 * 決裁; the minutes then show 決裁に回付, and 「起案を開く」 shows the 起案 (起案中) in the 決裁 tab with the printed
 * 会議録 PDF attached. With KAIRAN_SCREENSHOTS it saves minutes-editor-ja, minutes-sent-ja and minutes-kessai-ja.
 */
@Order(77)
class MinutesUiTest {

    private static final int CUES = 900;
    private static final List<String> SAYINGS = List.of(
            "それでは定刻になりましたので、課内会議を始めます。",
            "まず、令和9年度当初予算の要求状況について報告します。",
            "歳入の見込みは前年度並みですが、市税は若干の減収が見込まれます。",
            "扶助費の伸びが大きく、一般財源の確保が課題となっています。",
            "各係からの要求額を集計すると、枠を約二億円上回っています。",
            "事業の優先順位を付けて、査定の方針を早めに示す必要があります。",
            "ふるさと納税の返礼品の見直しについても検討を進めています。",
            "公共施設の長寿命化計画との整合も確認してください。",
            "補助金の終期設定を徹底し、効果の薄い事業は廃止を検討します。",
            "起債の残高は減っていますが、臨時財政対策債の扱いに注意が必要です。",
            "庁内の電子決裁の利用率は九割を超えました。",
            "次回までに論点を整理して、部長への説明資料をまとめます。");

    private static final int DECISION_1 = 120;
    private static final int DECISION_2 = 360;
    private static final int[] ACTIONS = { 480, 600, 720 };
    private static final String[] DECIDED = {
            "来年度の予算要求は、一般財源ベースで前年度比五パーセント減を上限とすることに決定します。",
            "庁舎照明のLED化は、第二四半期に前倒しして実施することとします。" };
    private static final String[] TO_DO = {
            "各係は十一月末までに要求資料を財政係へ提出してください。",
            "契約係で、LED化の見積りを三社から取ってください。",
            "次回の会議資料は、主事が準備してください。" };

    private SwtDriver driver;
    private Desktop desktop;
    private SyncService sync;
    private TestServer server;
    private MinutesScreen minutes;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        server = Services.of(TestServer.class);
        sync = Services.of(SyncService.class);
        minutes = MinutesScreen.ofFinanceClerk(driver);
        desktop = minutes.desktop();
    }

    @AfterEach
    void tearDown() {
        driver.closeDialogs();
        minutes.forgetFiles();
    }

    /** A Teams-style WebVTT of an hour: 900 cues of four seconds, speakers in <v 話者 n> spans. */
    static String teamsTranscript() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < CUES; i++) {
            int speaker = speakerOf(i);
            String text = SAYINGS.get(i % SAYINGS.size());
            if (i == DECISION_1 || i == DECISION_2) {
                text = DECIDED[i == DECISION_1 ? 0 : 1];
            }
            for (int a = 0; a < ACTIONS.length; a++) {
                if (i == ACTIONS[a]) {
                    text = TO_DO[a];
                }
            }
            vtt.append(UUID.nameUUIDFromBytes(("cue" + i).getBytes(StandardCharsets.UTF_8))).append('/')
                    .append(i + 10).append("-0\n").append(stamp(i * 4000L)).append(" --> ")
                    .append(stamp(i * 4000L + 4000)).append('\n').append("<v 話者 ").append(speaker).append('>')
                    .append(text).append("</v>\n\n");
        }
        return vtt.toString();
    }

    /** 話者 1 opens with two cues (they can be joined), then 話者 2, 3, 4, 1 … in turn. */
    private static int speakerOf(int cue) {
        return cue <= 1 ? 1 : (cue - 1) % 4 + 1;
    }

    private static String stamp(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    private String stateOf(String title) {
        return minutes.row(title).map(r -> r.getText(2)).orElse("");
    }

    private Text inPlaceField() {
        return desktop.find(MinutesUiConstants.ID_UTTERANCE_TEXT, Text.class);
    }

    @Test
    void anHourOfTeamsTranscriptBecomesMinutesWithSpeakersDecisionsAndActionsAndGoesForKessai() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String title = "令和8年度 第8回 財政課内会議 " + tag;
        Path folder = Files.createTempDirectory("議事録-");
        minutes.files.transcript = Files.writeString(folder.resolve("財政課内会議.vtt"), teamsTranscript(), StandardCharsets.UTF_8);
        minutes.files.target = folder;
        LocalDate today = desktop.today();
        OrganisationDirectory directory = new OrganisationDirectory(sync.replica().directory(today));
        List<StaffMember> people = new ArrayList<>();
        for (String staffNo : List.of(DemoAccounts.FINANCE_HEAD, DemoAccounts.FINANCE_SECTION_HEAD,
                DemoAccounts.CONTRACTS_SECTION_HEAD, DemoAccounts.FINANCE_CLERK)) {
            people.add(directory.member(staffNo).orElseThrow());
        }

        desktop.showPart(MinutesUiConstants.PART_MINUTES);
        // 取り込み…: the transcript, then the head with the attendees found by かな
        minutes.withDialog(MinutesUiConstants.ID_IMPORT, MinutesUiConstants.ID_HEADER_TITLE, dialog -> {
            assertEquals("財政課内会議", Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE).getText(),
                    "the file's name is offered as the 会議名");
            assertEquals("11:00", Desktop.text(dialog, MinutesUiConstants.ID_HEADER_END).getText(),
                    "the end is the start plus the transcript's hour");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE), title);
            DayPicker.show(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_DATE, DateTime.class), today);
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_START), "14:00");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_END), "15:00");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_PLACE), "本庁舎3階 第2会議室");
            Combo person = SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_PERSON, Combo.class);
            for (StaffMember p : people) {
                MinutesScreen.pick(person, p);
                SwtDriver.click(SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_ADD, Button.class));
            }
            assertEquals(4, SwtDriver.find(dialog, MinutesUiConstants.ID_HEADER_ATTENDEES,
                    org.eclipse.swt.widgets.List.class).getItemCount(), "four attendees from the directory");
            SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_AGENDA),
                    "令和9年度当初予算の要求状況について\n庁舎照明のLED化について");
        });
        driver.waitUntil("the imported minutes are listed", () -> minutes.row(title).isPresent());
        driver.waitUntil("and shown with their 900 utterances", () -> minutes.utterances().getItemCount() == CUES
                && desktop.find(MinutesUiConstants.ID_HEAD_TITLE, Label.class).getText().equals(title));
        String when = minutes.row(title).orElseThrow().getText(1);
        assertEquals(org.kairan.core.time.Wareki.format(today) + " 14:00", when, "日時 in 和暦 in the list");
        String head = desktop.find(MinutesUiConstants.ID_HEAD_DETAILS, Label.class).getText();
        assertTrue(head.contains("14:00～15:00") && head.contains("本庁舎3階 第2会議室")
                && head.contains(people.get(0).name()), "the head shows 日時, 場所 and 出席者: " + head);
        assertEquals("話者 1", minutes.utterances().getItem(0).getText(1), "speakers as the transcript names them");
        assertEquals("0:08:00", minutes.utterances().getItem(DECISION_1).getText(0), "時刻 in the recording");

        // the four speakers mapped once for the whole meeting
        minutes.withDialog(MinutesUiConstants.ID_SPEAKERS, MinutesUiConstants.ID_SPEAKER_PREFIX + "0", dialog -> {
            for (int i = 0; i < 4; i++) {
                MinutesScreen.pick(SwtDriver.find(dialog, MinutesUiConstants.ID_SPEAKER_PREFIX + i, Combo.class), people.get(i));
            }
        });
        driver.waitUntil("every utterance names its person", () -> minutes.utterances().getItem(0).getText(1)
                .equals(people.get(0).name()) && minutes.utterances().getItem(CUES - 1).getText(1)
                .equals(people.get(speakerOf(CUES - 1) - 1).name()));

        // corrected in place; split at the caret; joined again
        minutes.selectUtterance(2);
        Text field = inPlaceField();
        SwtDriver.type(field, "歳入の見込みは前年度並みですが、市税は若干の減収が見込まれます。固定資産税は評価替えの影響です。");
        minutes.selectUtterance(3);
        driver.waitUntil("the correction is in the minutes", () -> minutes.utterances().getItem(2).getText(2)
                .endsWith("固定資産税は評価替えの影響です。"));
        minutes.selectUtterance(2);
        field = inPlaceField();
        int cut = field.getText().indexOf("固定資産税");
        field.setSelection(cut);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SPLIT));
        driver.waitUntil("split at the caret", () -> minutes.utterances().getItemCount() == CUES + 1
                && minutes.utterances().getItem(3).getText(2).equals("固定資産税は評価替えの影響です。"));
        minutes.selectUtterance(2);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_MERGE));
        driver.waitUntil("joined again", () -> minutes.utterances().getItemCount() == CUES);

        // two 決定事項, three 対応事項
        for (int at : new int[] { DECISION_1, DECISION_2 }) {
            minutes.selectUtterance(at);
            SwtDriver.click(minutes.button(MinutesUiConstants.ID_MARK_DECISION));
        }
        Table decisions = desktop.find(MinutesUiConstants.ID_DECISIONS, Table.class);
        assertEquals(List.of(DECIDED[0], DECIDED[1]), List.of(decisions.getItem(0).getText(), decisions.getItem(1).getText()));
        for (int a = 0; a < ACTIONS.length; a++) {
            minutes.selectUtterance(ACTIONS[a]);
            StaffMember who = people.get(a + 1);
            LocalDate due = today.plusDays(7 * (a + 1));
            minutes.withDialog(MinutesUiConstants.ID_MARK_ACTION, MinutesUiConstants.ID_ACTION_TEXT, dialog -> {
                MinutesScreen.pick(SwtDriver.find(dialog, MinutesUiConstants.ID_ACTION_ASSIGNEE, Combo.class), who);
                DayPicker.show(SwtDriver.find(dialog, MinutesUiConstants.ID_ACTION_DUE, DateTime.class), due);
            });
        }
        Table actions = desktop.find(MinutesUiConstants.ID_ACTIONS, Table.class);
        assertEquals(3, actions.getItemCount(), "three action items");
        assertEquals(TO_DO[1], actions.getItem(1).getText(0));
        assertEquals(people.get(2).name(), actions.getItem(1).getText(1), "担当者");
        assertEquals(org.kairan.core.time.Wareki.format(today.plusDays(14)), actions.getItem(1).getText(2), "期限 in 和暦");
        // 要旨の下書き: drafted from what was said, decided and assigned, then written over by the user
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_DRAFT_SUMMARY));
        String drafted = desktop.find(MinutesUiConstants.ID_SUMMARY, Text.class).getText();
        assertTrue(drafted.contains("（決定）" + DECIDED[0]) && drafted.contains("（対応）" + TO_DO[0]),
                "the draft names the decisions and action items: " + drafted);
        assertTrue(drafted.lines().findFirst().filter(l -> !l.startsWith("（")).isPresent(),
                "and starts with key sentences said in the meeting: " + drafted);
        SwtDriver.type(desktop.find(MinutesUiConstants.ID_SUMMARY, Text.class),
                "令和9年度当初予算の要求方針とLED化の前倒しを確認した。");

        // 保存: queued, then applied
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the saved minutes reach the server and come back 作成中", () -> stateOf(title).equals("作成中")
                && ((MinutesEntry) minutes.row(title).get().getData()).baseVersion() == 2); // the import was version 1
        minutes.selectUtterance(DECISION_1);
        driver.waitUntil("the decision's utterance is edited in place", () -> inPlaceField().getText().equals(DECIDED[0]));
        desktop.screenshot("minutes-editor-ja");

        // 書き出し as Word
        Combo format = desktop.find(MinutesUiConstants.ID_EXPORT_FORMAT, Combo.class);
        format.select(0);
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_EXPORT));
        Path docx = folder.resolve(title + " 会議録.docx");
        Label message = desktop.find(MinutesUiConstants.ID_MESSAGE, Label.class);
        driver.waitUntil("the .docx is written", () -> message.getText().startsWith("書き出しました"));
        String document = wordDocument(docx);
        Desktop.keep(docx, "minutes-hour-ja.docx");
        assertTrue(document.contains(title), "the Word file's document.xml holds the 会議名");
        assertTrue(document.contains(people.get(2).name()), "and the 担当者 of an action item");

        // found by the search (the speaker's 氏名 in the hit), opened in the 議事録 tab at the utterance
        SearchScreen search = new SearchScreen(driver, desktop);
        search.show();
        String hit = title + "　○" + people.get(1).name() + "（" + MinutesSheet.offset(java.time.Duration.ofSeconds(8))
                + "）";
        search.search("固定資産税は評価替えの影響", hit);
        search.select(hit);
        search.results().notifyListeners(SWT.DefaultSelection, new Event());
        EPartService partService = desktop.windowContext().get(EPartService.class);
        driver.waitUntil("the hit opens the 議事録 tab at its utterance", () -> partService.getActivePart() != null
                && MinutesUiConstants.PART_MINUTES.equals(partService.getActivePart().getElementId())
                && minutes.utterances().getSelectionIndex() == 2);

        // someone else saves first: the desktop says so, keeps what the user wrote, and saving again overwrites
        Text summary = desktop.find(MinutesUiConstants.ID_SUMMARY, Text.class);
        String mine = "予算要求の方針とLED化の前倒しを確認した。";
        SwtDriver.type(summary, mine);
        MinutesEntry onServer = (MinutesEntry) minutes.row(title).orElseThrow().getData();
        assertEquals(2, onServer.baseVersion());
        command(token(DemoAccounts.FINANCE_SECTION_HEAD), "minutes.save", Map.of("minutes",
                onServer.minutes().withSummary("係長が書いた要旨"), "baseVersion", 2));
        driver.waitUntil("the desktop has the 係長's save", () -> ((MinutesEntry) minutes.row(title).orElseThrow().getData())
                .baseVersion() == 3);
        assertEquals(mine, summary.getText(), "what the user is writing stays");
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        Label state = desktop.find(MinutesUiConstants.ID_STATE, Label.class);
        driver.waitUntil("the save comes back as a conflict, said in words", () -> stateOf(title).equals("競合")
                && state.getText().contains("ほかの人が先にこの議事録を保存した"));
        assertEquals(mine, summary.getText(), "the user's minutes are kept");
        desktop.screenshot("minutes-conflict-ja");
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("saving again overwrites", () -> stateOf(title).equals("作成中")
                && ((MinutesEntry) minutes.row(title).orElseThrow().getData()).baseVersion() == 4
                && ((MinutesEntry) minutes.row(title).orElseThrow().getData()).minutes().summary().equals(mine));

        // 決裁に回付
        minutes.withDialog(MinutesUiConstants.ID_SEND, MinutesUiConstants.ID_SEND_CLASSIFICATION, dialog -> {
            Combo classes = SwtDriver.find(dialog, MinutesUiConstants.ID_SEND_CLASSIFICATION, Combo.class);
            assertTrue(classes.getItemCount() > 0, "the city's 文書分類 are offered");
            classes.select(0);
        });
        driver.waitUntil("the minutes show 決裁に回付", () -> stateOf(title).equals("決裁に回付"));
        driver.waitUntil("the 起案 can be opened", () -> minutes.button(MinutesUiConstants.ID_OPEN_KESSAI).isEnabled());
        assertTrue(!minutes.button(MinutesUiConstants.ID_SAVE).isEnabled() && !minutes.button(MinutesUiConstants.ID_MARK_DECISION)
                .isEnabled(), "minutes sent for 決裁 are no longer edited");
        desktop.screenshot("minutes-sent-ja");

        SwtDriver.click(minutes.button(MinutesUiConstants.ID_OPEN_KESSAI));
        EPartService parts = desktop.windowContext().get(EPartService.class);
        Table items = desktop.find(ApprovalUiConstants.ID_KESSAI_ITEMS, Table.class);
        String subject = title + " 会議録";
        driver.waitUntil("the 決裁 tab shows the 起案", () -> parts.getActivePart() != null
                && ApprovalUiConstants.PART_KESSAI.equals(parts.getActivePart().getElementId())
                && items.getSelectionCount() == 1 && items.getSelection()[0].getText(0).equals(subject));
        Table folders = desktop.find(ApprovalUiConstants.ID_KESSAI_FOLDERS, Table.class);
        assertTrue(folders.getSelection()[0].getText(0).startsWith("起案中"), "in 起案中: "
                + folders.getSelection()[0].getText(0));
        desktop.find(ApprovalUiConstants.ID_KESSAI_TABS, org.eclipse.swt.custom.CTabFolder.class).setSelection(2);
        driver.settle();
        Table attached = desktop.find(ApprovalUiConstants.ID_KESSAI_FILES, Table.class);
        driver.waitUntil("the printed 会議録 is attached", () -> java.util.Arrays.stream(attached.getItems())
                .anyMatch(i -> i.getText(0).contains(subject + ".pdf")));
        org.kairan.approval.ui.PdfViewer viewer = desktop.find(ApprovalUiConstants.ID_KESSAI_VIEWER,
                org.kairan.approval.ui.PdfViewer.class);
        driver.waitUntil("the attached 会議録 opens as a PDF", () -> viewer.getState()
                == org.kairan.approval.ui.PdfViewer.State.SHOWING && viewer.isDrawn(1));
        desktop.screenshot("minutes-kessai-ja");
    }

    @Test
    void aRecordingInALanguageWithoutAModelIsNotStartedAndTheServerSaysWhy() throws Exception {
        minutes.files.recording = Files.write(Files.createTempDirectory("録音-").resolve("課内会議.wav"), silence());
        desktop.showPart(MinutesUiConstants.PART_MINUTES);
        driver.script().when("the speech-to-text dialog names the missing model", () -> driver
                .shellWith(MinutesUiConstants.ID_STT_STATUS).map(s -> SwtDriver.find(s, MinutesUiConstants.ID_STT_STATUS,
                        Label.class).getText().startsWith("日本語の音声認識モデルがインストールされていません")).orElse(false),
                () -> {
                    Shell dialog = driver.shellWith(MinutesUiConstants.ID_STT_STATUS).get();
                    assertEquals("日本語（モデルなし）", SwtDriver.find(dialog, MinutesUiConstants.ID_STT_LANGUAGE,
                            Combo.class).getText(), "the language says it has no model");
                    assertTrue(!SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID).isEnabled(),
                            "開始 cannot be pressed");
                    desktop.screenshot("minutes-stt-no-model-ja");
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.CANCEL_ID));
                }).start();
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_TRANSCRIBE));
        driver.waitUntil("the dialog is closed", () -> driver.shellWith(MinutesUiConstants.ID_STT_STATUS).isEmpty());
    }

    /** One second of silence as a WAV (16 kHz, mono, 16 bit). */
    private static byte[] silence() {
        int samples = 16_000;
        java.nio.ByteBuffer wav = java.nio.ByteBuffer.allocate(44 + samples * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
        return wav.array();
    }

    /** A session of another demo account, enrolling its second factor on first use. */
    private String token(String staffNo) {
        ServerApi api = server.api();
        Optional<Authenticator> known = server.authenticator(staffNo);
        if (known.isPresent()) {
            return api.logIn(staffNo, TestServer.DEMO_PASSWORD, known.get());
        }
        ServerApi.Login login = api.enrol(staffNo, TestServer.DEMO_PASSWORD);
        server.remember(staffNo, login.authenticator());
        return login.token();
    }

    /** A command of another person, applied by the server. */
    private void command(String token, String type, Object payload) {
        ServerApi.Answer answer = server.api().post("/api/sync/commands", token, Map.of("commands", List.of(Map.of(
                "key", UUID.randomUUID().toString(), "type", type, "payload", payload,
                "queuedAt", java.time.Instant.now().toString()))));
        assertEquals(200, answer.status(), "the command batch is accepted: " + ServerApi.text(answer));
        assertTrue(ServerApi.text(answer).contains("\"APPLIED\""), type + " is applied: " + ServerApi.text(answer));
    }

    /** word/document.xml of a .docx, checked to be a Word file. */
    private static String wordDocument(Path docx) throws IOException {
        assertTrue(Files.size(docx) > 0, "the .docx is not empty");
        try (InputStream in = Files.newInputStream(docx); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(docx + " is a zip without word/document.xml");
    }
}
