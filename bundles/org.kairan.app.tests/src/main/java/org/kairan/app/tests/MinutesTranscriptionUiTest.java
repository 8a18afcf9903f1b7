package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.minutes.ui.MinutesUiConstants;

/**
 * 録音から文字起こし… end to end through its dialog, against a server given the small English Vosk model (the one
 * server/'s build unpacks for its own tests): a few seconds of English said by espeak-ng are chosen as the recording,
 * 英語 is picked, the progress reaches 完了, 「議事録を作成…」 and the head dialog make the minutes, and the editor shows
 * utterances with the words that were said. A job 取消'd while it runs ends 取消 in the dialog, which can start again.
 * A missing model or espeak-ng fails the test saying how to install them (never a skip). With KAIRAN_SCREENSHOTS it
 * saves minutes-transcribe-ja (at 完了).
 */
@Order(79)
class MinutesTranscriptionUiTest {

    private static final String SPEECH = "Good morning everyone. Today we discuss the city budget for next year.";
    private static final List<String> WORDS = List.of("morning", "today", "city", "budget", "year");
    private static final String SETUP = ": run `./kairan test` (it installs the Debian package espeak-ng and builds"
            + " server/, which unpacks the English Vosk model from Maven Central)";

    private SwtDriver driver;
    private Desktop desktop;
    private MinutesScreen minutes;

    @BeforeEach
    void setUp() {
        driver = SwtDriver.onUiThread();
        Path model = TestServer.englishSpeechModel();
        assertTrue(Files.isDirectory(model.resolve("am")), "the English Vosk model is not at " + model
                + ", so the test server has none" + SETUP);
        minutes = MinutesScreen.ofFinanceClerk(driver);
        desktop = minutes.desktop();
    }

    @AfterEach
    void tearDown() {
        driver.closeDialogs();
        minutes.forgetFiles();
    }

    /** espeak-ng's WAV of the text (22,050 Hz mono). */
    private static Path speak(String name, String text) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("録音-");
        Path script = Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        Path wav = dir.resolve(name + ".wav");
        Process process;
        try {
            process = new ProcessBuilder("espeak-ng", "-w", wav.toString(), "-f", script.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("espeak-ng is not installed" + SETUP + " (" + e.getMessage() + ")", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "espeak-ng makes the recording: "
                + output);
        return wav;
    }

    private static Label status(Shell dialog) {
        return SwtDriver.find(dialog, MinutesUiConstants.ID_STT_STATUS, Label.class);
    }

    /** Picks 英語 in the dialog's language list as a person would. */
    private static void chooseEnglish(Shell dialog) {
        Combo language = SwtDriver.find(dialog, MinutesUiConstants.ID_STT_LANGUAGE, Combo.class);
        int english = Arrays.asList(language.getItems()).indexOf("英語");
        assertTrue(english >= 0, "the server offers 英語 with its model: " + List.of(language.getItems()));
        language.select(english);
        language.notifyListeners(SWT.Selection, new Event());
    }

    private Shell dialog() {
        return driver.shellWith(MinutesUiConstants.ID_STT_STATUS).orElseThrow();
    }

    private boolean languagesShown() {
        return driver.shellWith(MinutesUiConstants.ID_STT_STATUS).map(s -> SwtDriver.find(s,
                MinutesUiConstants.ID_STT_LANGUAGE, Combo.class).getItemCount() > 0).orElse(false);
    }

    @Test
    void englishSpeechIsTranscribedByTheServerAndBecomesMinutesWithTheWordsSaid() throws Exception {
        minutes.files.recording = speak("budget-meeting", SPEECH);
        String title = "Budget meeting " + UUID.randomUUID().toString().substring(0, 4);
        SwtDriver.Script script = driver.script()
                .when("the dialog lists the server's languages", this::languagesShown, () -> {
                    chooseEnglish(dialog());
                    assertEquals("「開始」でサーバーに録音を送り、文字起こしを始めます", status(dialog()).getText());
                    SwtDriver.click(SwtDriver.dialogButton(dialog(), IDialogConstants.OK_ID));
                })
                .when("the transcription reaches 完了", () -> {
                    String now = status(dialog()).getText();
                    assertTrue(!now.startsWith("失敗") && !now.startsWith("取消"), "the transcription ends 完了: " + now);
                    return now.startsWith("完了");
                }, () -> {
                    Shell dialog = dialog();
                    assertEquals(100, SwtDriver.find(dialog, MinutesUiConstants.ID_STT_PROGRESS, ProgressBar.class)
                            .getSelection(), "the progress is full");
                    Button make = SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID);
                    assertEquals("議事録を作成…", make.getText(), "the next step is named");
                    desktop.screenshot("minutes-transcribe-ja");
                    SwtDriver.click(make);
                })
                .when("the head dialog asks for the 会議名", () -> driver.shellWith(MinutesUiConstants.ID_HEADER_TITLE)
                        .isPresent(), () -> {
                            Shell head = driver.shellWith(MinutesUiConstants.ID_HEADER_TITLE).get();
                            assertEquals("budget-meeting", Desktop.text(head, MinutesUiConstants.ID_HEADER_TITLE)
                                    .getText(), "the recording's name is offered as the 会議名");
                            SwtDriver.type(Desktop.text(head, MinutesUiConstants.ID_HEADER_TITLE), title);
                            SwtDriver.click(SwtDriver.dialogButton(head, IDialogConstants.OK_ID));
                        })
                .start();
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_TRANSCRIBE));
        script.await();
        driver.waitUntil("the minutes made of the transcript are listed and shown", () -> minutes.savedAs(title, 1)
                && minutes.title().equals(title) && minutes.utterances().getItemCount() > 0);
        String said = Arrays.stream(minutes.utterances().getItems()).map(i -> i.getText(2))
                .collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        List<String> heard = WORDS.stream().filter(said::contains).toList();
        assertTrue(heard.size() >= 2, "the utterances hold words that were said (" + WORDS + "): " + said);
        TableItem first = minutes.utterances().getItem(0);
        assertTrue(first.getText(0).startsWith("0:00:0"), "時刻 in the recording: " + first.getText(0));
    }

    @Test
    void aTranscriptionCancelledWhileItRunsEndsCancelledInTheDialog() throws Exception {
        minutes.files.recording = speak("long-meeting", String.join(" ", java.util.Collections.nCopies(12, SPEECH)));
        int listed = minutes.list().getItemCount();
        SwtDriver.Script script = driver.script()
                .when("the dialog lists the server's languages", this::languagesShown, () -> {
                    chooseEnglish(dialog());
                    SwtDriver.click(SwtDriver.dialogButton(dialog(), IDialogConstants.OK_ID));
                })
                .when("the server has the job", () -> {
                    String now = status(dialog()).getText();
                    return now.startsWith("待機中") || now.startsWith("変換中") || now.startsWith("認識中");
                }, () -> SwtDriver.click(SwtDriver.dialogButton(dialog(), IDialogConstants.CANCEL_ID)))
                .when("the dialog says the server cancelled it", () -> status(dialog()).getText().startsWith("取消"), () -> {
                    assertTrue(SwtDriver.dialogButton(dialog(), IDialogConstants.OK_ID).isEnabled(),
                            "開始 can be pressed again");
                    SwtDriver.click(SwtDriver.dialogButton(dialog(), IDialogConstants.CANCEL_ID));
                })
                .start();
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_TRANSCRIBE));
        script.await();
        driver.waitUntil("the dialog is closed", () -> driver.shellWith(MinutesUiConstants.ID_STT_STATUS).isEmpty());
        driver.settle();
        assertEquals(listed, minutes.list().getItemCount(), "no minutes were made");
        assertTrue(driver.shellWith(MinutesUiConstants.ID_HEADER_TITLE).isEmpty(), "and none are asked for");
    }
}
