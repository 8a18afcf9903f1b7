package org.kairan.core.minutes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The WebVTT reader against the W3C web-platform-tests file-parsing data (src/test/resources/wpt-webvtt, see its
 * README): for each file, the cues a conforming parser keeps, as the project's .html tests state them (count, ids,
 * text, start and end), and how many cues we report as skipped (the blocks with a timings line the parser drops).
 * Settings and region blocks are not kept by Kairan; those files show they never drop or add a cue. An utterance's
 * text is trimmed (minutes are not positioned captions), so the expected WPT cue text is compared trimmed too:
 * {@code "   text1"} of whitespace-chars.vtt is read as {@code "text1"}.
 */
class WptWebVttFilesTest {

    private static final Duration ZERO = Duration.ZERO;
    private static final Duration ONE = Duration.ofSeconds(1);

    /** What a file must give: the cues in order and the number skipped. */
    record Expected(String file, List<Cue> cues, int skipped) {
        @Override
        public String toString() {
            return file;
        }
    }

    record Cue(String id, String text, Duration start, Duration end) {
    }

    static Stream<Expected> files() {
        return Stream.of(
                new Expected("arrows.vtt", numbered(6, "text", ""), 9),
                new Expected("ids.vtt", List.of(cue(" leading space", "text1"), cue("trailing space ", "text2"),
                        cue("-- >", "text3"), cue("->", "text4"), cue(" ", "text5")), 0),
                new Expected("timings-negative.vtt", List.of(
                        new Cue("", "text1", ZERO, ZERO),
                        new Cue("", "text2", Duration.ofMillis(1000), Duration.ofMillis(999)),
                        new Cue("", "text3", Duration.ofMillis(60_000), Duration.ofMillis(59_999)),
                        new Cue("", "text4", Duration.ofMillis(3_600_000), Duration.ofMillis(3_599_999))), 0),
                new Expected("timings-omitted-hours.vtt", numbered(3, "text", ""), 0),
                new Expected("timings-too-long.vtt", numbered(2, "text", ""), 13),
                new Expected("timings-too-short.vtt", numbered(2, "text", ""), 30),
                new Expected("settings-align.vtt", numbered(13, "text", ""), 0),
                new Expected("settings-line.vtt", settingsLine(), 0),
                new Expected("settings-multiple.vtt", numbered(2, "text", "id"), 0),
                new Expected("settings-position.vtt", concat(numbered(10, "text", ""), same(12, "invalid")), 0),
                new Expected("settings-size.vtt", concat(numbered(7, "text", ""), same(9, "invalid")), 0),
                new Expected("settings-vertical.vtt", concat(numbered(4, "text", ""), same(4, "invalid")), 0),
                new Expected("settings-region.vtt", concat(numbered(5, "text", ""), same(4, "invalid")), 0),
                new Expected("regions-old.vtt", numbered(2, "text", ""), 0),
                new Expected("regions-scroll.vtt", same(6, "text"), 0),
                new Expected("regions-regionanchor.vtt", same(20, "text"), 0),
                new Expected("regions-viewportanchor.vtt", same(20, "text"), 0),
                new Expected("regions-id.vtt", same(4, "valid"), 0),
                new Expected("newlines.vtt", List.of(cue("cr", "text1"), cue("lf", "text2"), cue("crlf", "text3"),
                        cue("lfcr", "text4")), 0),
                new Expected("whitespace-chars.vtt", List.of(cue("spaces", "   text1"), cue("tabs", "text2"),
                        cue("form feed", "text3")), 1),
                new Expected("nulls.vtt", List.of(cue("", "text1"), cue("\uFFFD (null in id)", "text2"),
                        cue("\uFFFD (null in cue data)", "\uFFFDtext\uFFFD3"), cue("", "text4"), cue("", "text5"),
                        cue("", "text6"), cue("", "text7")), 55),
                new Expected("signature-no-newline.vtt", List.of(), 0),
                // The WPT test checks only the style sheet; the two cues (ids foo and bar) are what the spec gives.
                new Expected("stylesheets-newlines.vtt", List.of(cue("foo", "text"), cue("bar", "text")), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void eachFileGivesTheCuesAConformingParserKeeps(Expected expected) throws Exception {
        Transcript transcript = new WebVttReader().read(DecodedText.utf8(resource(expected.file())),
                TranscriptLimits.DEFAULT);
        List<Cue> actual = transcript.utterances().stream()
                .map(u -> new Cue(u.cueId(), u.text(), u.start(), u.end())).toList();
        List<Cue> trimmed = expected.cues().stream()
                .map(c -> new Cue(c.id(), c.text().strip(), c.start(), c.end())).toList();
        assertEquals(trimmed, actual, expected.file() + ": the cues, in order, with id, text and times");
        assertEquals(expected.skipped(), transcript.skippedCues(),
                expected.file() + ": the blocks whose timings cannot be read are skipped and counted");
    }

    @Test
    void everyFileOfTheDirectoryIsChecked() throws IOException {
        List<String> listed = new ArrayList<>(files().map(Expected::file).toList());
        List<String> present = new ArrayList<>();
        try (InputStream dir = WptWebVttFilesTest.class.getResourceAsStream("/wpt-webvtt/")) {
            assertNotNull(dir, "the wpt-webvtt directory is on the test class path");
            for (String name : new String(dir.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.endsWith(".vtt")) {
                    present.add(name);
                }
            }
        }
        Collections.sort(listed);
        Collections.sort(present);
        assertEquals(present, listed, "each copied WPT file has its expectations here");
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = WptWebVttFilesTest.class.getResourceAsStream("/wpt-webvtt/" + file)) {
            assertNotNull(in, file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Cue cue(String id, String text) {
        return new Cue(id, text, ZERO, ONE);
    }

    /** text1, text2, … (with ids id1, id2, … when an id prefix is given), each from 0 to 1 s. */
    private static List<Cue> numbered(int count, String text, String idPrefix) {
        List<Cue> cues = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            cues.add(cue(idPrefix.isEmpty() ? "" : idPrefix + i, text + i));
        }
        return cues;
    }

    /** valid0…valid14, invalid15…invalid35, text36…text44; the cues with extreme numbers carry an id naming them. */
    private static List<Cue> settingsLine() {
        Map<Integer, String> ids = Map.of(11, "Number.MAX_VALUE", 12, "-1 * Number.MAX_VALUE", 13, "Number.MIN_VALUE",
                14, "Less than Number.MIN_VALUE", 33, "Greater than Number.MAX_VALUE", 34,
                "Less than -1 * Number.MAX_VALUE", 35, "exponential notation", 43, "Number.MIN_VALUE %", 44,
                "Less than Number.MIN_VALUE %");
        List<Cue> cues = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            cues.add(cue(ids.getOrDefault(i, ""), (i < 15 ? "valid" : i < 36 ? "invalid" : "text") + i));
        }
        return cues;
    }

    private static List<Cue> same(int count, String text) {
        return Collections.nCopies(count, cue("", text));
    }

    @SafeVarargs
    private static List<Cue> concat(List<Cue>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }
}
