package org.kairan.app.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.kairan.client.minutes.MinutesService;
import org.kairan.client.testing.SoundOutput;
import org.kairan.minutes.ui.MinutesUiConstants;

/**
 * Playing minutes from an utterance, through the real widgets, the real server and the desktop's sound output: a
 * 財政課 主事 imports a Teams-style WebVTT of a short meeting, attaches the meeting's recording (録音を付ける…: a 44.1 kHz
 * WAV the server converts and keeps), saves, chooses the third utterance and presses 発言から再生. The time heard is
 * shown and the utterance being said is marked ▶; when the sound ends the marks go. The output device is ALSA's
 * default turned into a file ({@link SoundOutput}), so what the device got is compared with the recording from the
 * utterance's time on, sample for sample; 再生を停止 stops a second play at once. With KAIRAN_SCREENSHOTS it saves
 * minutes-playback-ja.
 */
@Order(76)
class MinutesPlaybackUiTest {

    /** What is said in the four cues. */
    private static final List<String> SAID = List.of("それでは課内会議を始めます。", "予算の要求状況を報告します。",
            "扶助費の伸びが課題です。", "次回までに論点を整理します。");
    /** Each cue's seconds in the WebVTT {@link MinutesScreen#importMinutes} writes. */
    private static final int SECONDS_PER_CUE = 4;

    private SwtDriver driver;
    private Desktop desktop;
    private MinutesService service;
    private MinutesScreen minutes;
    private Path heard;

    @BeforeEach
    void setUp() throws Exception {
        heard = SoundOutput.toFile();
        driver = SwtDriver.onUiThread();
        service = Services.of(MinutesService.class);
        minutes = MinutesScreen.ofFinanceClerk(driver);
        desktop = minutes.desktop();
    }

    @AfterEach
    void tearDown() {
        driver.closeDialogs();
        minutes.forgetFiles();
    }

    /** The meeting's recording: 44.1 kHz mono, a tone of its own in each cue's four seconds. */
    private static Path meetingRecording(Path folder) throws Exception {
        float rate = 44_100;
        int frames = (int) rate * SECONDS_PER_CUE * SAID.size();
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

    private Label playback() {
        return desktop.find(MinutesUiConstants.ID_PLAYBACK, Label.class);
    }

    /** The index of the utterance marked ▶, or -1. */
    private int marked() {
        TableItem[] items = minutes.utterances().getItems();
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
        minutes.importMinutes(title, SAID);
        Button attach = minutes.button(MinutesUiConstants.ID_ATTACH_RECORDING);
        Button play = minutes.button(MinutesUiConstants.ID_PLAY);
        assertTrue(attach.isVisible() && !play.isVisible(), "録音を付ける… for minutes without one, nothing to play");

        minutes.files.recording = meetingRecording(Files.createTempDirectory("録音-"));
        SwtDriver.click(attach);
        Label message = desktop.find(MinutesUiConstants.ID_MESSAGE, Label.class);
        driver.waitUntil("the recording is kept on the server", () -> message.getText().startsWith("録音を付けました"));
        assertTrue(play.isVisible() && !attach.isVisible(), "発言から再生 now");
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_SAVE));
        driver.waitUntil("the minutes with their recording reach the server", () -> minutes.savedAs(title, 2)
                && minutes.entry(title).orElseThrow().minutes().hasRecording());

        minutes.selectUtterance(2);
        SwtDriver.click(play);
        driver.waitUntil("it plays from the third utterance, marked ▶", () -> playback().getText().startsWith("再生中 0:00:")
                && marked() >= 2);
        desktop.screenshot("minutes-playback-ja");
        driver.waitUntil("the sound ends and the marks go", () -> playback().getText().isEmpty() && marked() == -1);

        Path wav = service.recording(minutes.entry(title).orElseThrow().id());
        byte[] samples;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            samples = in.readAllBytes();
        }
        assertEquals(16_000 * 2 * SECONDS_PER_CUE * SAID.size(), samples.length, 2 * 16, "the recording, converted to 16 kHz");
        int from = 16_000 * 2 * SECONDS_PER_CUE * 2;
        byte[] played = Files.readAllBytes(heard);
        assertEquals(samples.length - from, played.length, "from 0:00:08 to the end");
        assertArrayEquals(Arrays.copyOfRange(samples, from, samples.length), played, "what the device got is the"
                + " recording from the third utterance on");

        minutes.selectUtterance(0);
        SwtDriver.click(play);
        driver.waitUntil("playing again", () -> playback().getText().startsWith("再生中"));
        SwtDriver.click(minutes.button(MinutesUiConstants.ID_STOP));
        driver.waitUntil("停止 stops at once", () -> playback().getText().isEmpty() && marked() == -1);
    }
}
