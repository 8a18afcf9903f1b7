package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.client.KairanServerClient;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.minutes.MinutesEntry;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.sync.SyncService;
import org.kairan.client.testing.DemoAccounts;
import org.kairan.minutes.ui.MinutesFiles;
import org.kairan.minutes.ui.MinutesUiConstants;

/**
 * Playing minutes from an utterance, through the real widgets, the real server and the desktop's sound output: a
 * 財政課 主事 imports a Teams-style WebVTT of a short meeting, attaches the meeting's recording (録音を付ける…: a 44.1 kHz
 * WAV the server converts and keeps), saves, chooses the third utterance and presses 発言から再生. The time heard is
 * shown and the utterance being said is marked ▶; when the sound ends the marks go. The output device is ALSA's
 * default turned into a file (the build points the test JVM's {@code ALSA_CONFIG_PATH} at
 * {@code kairan.test.alsaConfig}, written here), so what the device got is compared with the recording from the
 * utterance's time on, sample for sample; 再生を停止 stops a second play at once. With KAIRAN_SCREENSHOTS it saves
 * minutes-playback-ja.
 */
@Order(76)
class MinutesPlaybackUiTest {

    /** Four cues of four seconds: the recording's blocks, each a tone of its own. */
    private static final int CUES = 4;
    private static final int SECONDS_PER_CUE = 4;

    private SwtDriver driver;
    private Desktop desktop;
    private MinutesService minutes;
    private Path heard;
    private Path recording;
    private final FilesChosen files = new FilesChosen();

    private static final class FilesChosen implements MinutesFiles {
        Path transcript;
        Path recording;

        @Override
        public Optional<Path> chooseTranscript(Shell shell) {
            return Optional.ofNullable(transcript);
        }

        @Override
        public Optional<Path> chooseRecording(Shell shell) {
            return Optional.ofNullable(recording);
        }

        @Override
        public Optional<Path> chooseTarget(Shell shell, String fileName) {
            return Optional.empty();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        heard = soundToFile();
        driver = SwtDriver.onUiThread();
        KairanServerClient client = Services.of(KairanServerClient.class);
        TestServer server = Services.of(TestServer.class);
        SyncService sync = Services.of(SyncService.class);
        minutes = Services.of(MinutesService.class);
        desktop = new Desktop(driver, client, server);
        desktop.waitForDirectory();
        if (!client.session().map(s -> s.user().staffNo().equals(DemoAccounts.FINANCE_CLERK)).orElse(false)) {
            new KessaiScreen(driver, desktop, Services.of(KessaiService.class), sync).waitUntilSent();
            desktop.logInAs(DemoAccounts.FINANCE_CLERK, TestServer.DEMO_PASSWORD);
        }
        desktop.windowContext().set(MinutesFiles.class, files);
    }

    @AfterEach
    void tearDown() {
        driver.closeDialogs();
        desktop.windowContext().remove(MinutesFiles.class);
    }

    /** ALSA's default output into a file: the system's configuration, then the default device replaced. */
    private static Path soundToFile() throws Exception {
        String config = System.getProperty("kairan.test.alsaConfig");
        assertTrue(config != null && config.equals(System.getenv("ALSA_CONFIG_PATH")), "the build sets ALSA_CONFIG_PATH"
                + " to kairan.test.alsaConfig (bundles/org.kairan.app.tests/pom.xml): " + System.getenv("ALSA_CONFIG_PATH"));
        Path directory = Files.createDirectories(Path.of(config).getParent());
        Path out = directory.resolve("heard.raw");
        Files.writeString(Path.of(config), "</usr/share/alsa/alsa.conf>\npcm.!default { type file slave.pcm \"null\""
                + " file \"" + out + "\" format \"raw\" }\n", StandardCharsets.US_ASCII);
        Files.deleteIfExists(out);
        return out;
    }

    /** The meeting's recording: 44.1 kHz mono, a tone of its own in each cue's four seconds. */
    private static Path meetingRecording(Path folder) throws Exception {
        float rate = 44_100;
        int frames = (int) rate * SECONDS_PER_CUE * CUES;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            double hz = 300 + 200 * (i / (int) (rate * SECONDS_PER_CUE));
            pcm.putShort((short) (8_000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        Path wav = folder.resolve("課内会議の録音.wav");
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
        return wav;
    }

    private static String transcript() {
        String[] said = { "それでは課内会議を始めます。", "予算の要求状況を報告します。", "扶助費の伸びが課題です。",
                "次回までに論点を整理します。" };
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < CUES; i++) {
            vtt.append(String.format("00:00:%02d.000 --> 00:00:%02d.000%n<v 話者 %d>%s%n%n", i * SECONDS_PER_CUE,
                    (i + 1) * SECONDS_PER_CUE, i % 2 + 1, said[i]));
        }
        return vtt.toString();
    }

    private Table utterances() {
        return desktop.find(MinutesUiConstants.ID_UTTERANCES, Table.class);
    }

    private Button button(String id) {
        return desktop.find(id, Button.class);
    }

    private Label playback() {
        return desktop.find(MinutesUiConstants.ID_PLAYBACK, Label.class);
    }

    private Optional<MinutesEntry> entry(String title) {
        return minutes.entries().stream().filter(e -> e.minutes().header().title().equals(title)).findFirst();
    }

    /** The index of the utterance marked ▶, or -1. */
    private int marked() {
        TableItem[] items = utterances().getItems();
        for (int i = 0; i < items.length; i++) {
            if (items[i].getText(0).startsWith("▶")) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aTeamsTranscriptWithItsRecordingPlaysFromTheChosenUtterance() throws Exception {
        String title = "財政課内会議 " + UUID.randomUUID().toString().substring(0, 4);
        Path folder = Files.createTempDirectory("録音-");
        files.transcript = Files.writeString(folder.resolve("課内会議.vtt"), transcript(), StandardCharsets.UTF_8);
        recording = meetingRecording(folder);
        files.recording = recording;

        desktop.showPart(MinutesUiConstants.PART_MINUTES);
        driver.script().when("the head dialog is shown", () -> driver.shellWith(MinutesUiConstants.ID_HEADER_TITLE)
                .isPresent(), () -> {
                    Shell dialog = driver.shellWith(MinutesUiConstants.ID_HEADER_TITLE).get();
                    SwtDriver.type(Desktop.text(dialog, MinutesUiConstants.ID_HEADER_TITLE), title);
                    SwtDriver.click(SwtDriver.dialogButton(dialog, IDialogConstants.OK_ID));
                }).start();
        SwtDriver.click(button(MinutesUiConstants.ID_IMPORT));
        driver.waitUntil("the imported minutes are shown", () -> utterances().getItemCount() == CUES
                && desktop.find(MinutesUiConstants.ID_HEAD_TITLE, Label.class).getText().equals(title));
        assertTrue(button(MinutesUiConstants.ID_ATTACH_RECORDING).isVisible(), "録音を付ける… for minutes without one");
        assertTrue(!button(MinutesUiConstants.ID_PLAY).isVisible(), "nothing to play yet");

        SwtDriver.click(button(MinutesUiConstants.ID_ATTACH_RECORDING));
        Label message = desktop.find(MinutesUiConstants.ID_MESSAGE, Label.class);
        driver.waitUntil("the recording is kept on the server", () -> message.getText().startsWith("録音を付けました"));
        assertTrue(button(MinutesUiConstants.ID_PLAY).isVisible() && !button(MinutesUiConstants.ID_ATTACH_RECORDING)
                .isVisible(), "発言から再生 now");
        SwtDriver.click(button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the minutes with their recording reach the server", () -> entry(title).filter(e -> e.state()
                == MinutesEntry.State.DRAFT && e.minutes().hasRecording()).isPresent());

        Table table = utterances();
        table.setSelection(2);
        table.notifyListeners(SWT.Selection, new Event());
        driver.settle();
        SwtDriver.click(button(MinutesUiConstants.ID_PLAY));
        driver.waitUntil("it plays from the third utterance, marked ▶", () -> playback().getText().startsWith("再生中 0:00:")
                && marked() >= 2);
        desktop.screenshot("minutes-playback-ja");
        driver.waitUntil("the sound ends and the marks go", () -> playback().getText().isEmpty() && marked() == -1);

        Path wav = minutes.recording(entry(title).orElseThrow().id());
        byte[] samples;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            samples = in.readAllBytes();
        }
        assertEquals(16_000 * 2 * SECONDS_PER_CUE * CUES, samples.length, 2 * 16, "the recording, converted to 16 kHz");
        int from = 16_000 * 2 * SECONDS_PER_CUE * 2;
        byte[] played = Files.readAllBytes(heard);
        assertEquals(samples.length - from, played.length, "from 0:00:08 to the end");
        assertArrayEquals(Arrays.copyOfRange(samples, from, samples.length), played, "what the device got is the"
                + " recording from the third utterance on");

        table.setSelection(0);
        table.notifyListeners(SWT.Selection, new Event());
        SwtDriver.click(button(MinutesUiConstants.ID_PLAY));
        driver.waitUntil("playing again", () -> playback().getText().startsWith("再生中"));
        SwtDriver.click(button(MinutesUiConstants.ID_STOP));
        driver.waitUntil("停止 stops at once", () -> playback().getText().isEmpty() && marked() == -1);
    }
}
