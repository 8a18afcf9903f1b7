package org.kairan.bench.client;

import java.awt.AWTException;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The few X11 actions the bench needs: window names and focus through {@code xdotool}, keystrokes through
 * the XTEST extension ({@link Robot}, in-process, so the moment a key is sent is known to the microsecond),
 * and root-window screenshots through ImageMagick's {@code import}.
 */
final class X11 {

    private final Robot robot;

    X11() throws AWTException {
        robot = new Robot();
        robot.setAutoDelay(0);
        robot.setAutoWaitForIdle(false);
        // the pointer out of every window, so that no hover effect changes what is measured
        robot.mouseMove(0, 0);
    }

    Robot robot() {
        return robot;
    }

    static String windowName(long window) {
        return run("xdotool", "getwindowname", Long.toString(window)).strip();
    }

    static long focusedWindow() {
        String out = run("xdotool", "getwindowfocus").strip();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Rectangle geometry(long window) {
        String out = run("xdotool", "getwindowgeometry", "--shell", Long.toString(window));
        int x = 0;
        int y = 0;
        int w = 0;
        int h = 0;
        for (String line : out.split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "X" -> x = Integer.parseInt(kv[1].strip());
                    case "Y" -> y = Integer.parseInt(kv[1].strip());
                    case "WIDTH" -> w = Integer.parseInt(kv[1].strip());
                    case "HEIGHT" -> h = Integer.parseInt(kv[1].strip());
                    default -> { }
                }
            }
        }
        return new Rectangle(x, y, w, h);
    }

    static void screenshotRoot(java.nio.file.Path png) {
        run("import", "-window", "root", png.toString());
    }

    /** Types text: [a-z0-9-] through XTEST directly, anything else through {@code xdotool type}. */
    void type(String text) {
        if (!text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
            run("xdotool", "type", "--delay", "0", "--", text);
            return;
        }
        for (char c : text.toCharArray()) {
            int key = c == '-' ? KeyEvent.VK_MINUS
                    : c <= '9' ? KeyEvent.VK_0 + (c - '0') : KeyEvent.VK_A + (c - 'a');
            key(key);
        }
    }

    void key(int keyCode) {
        robot.keyPress(keyCode);
        robot.keyRelease(keyCode);
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Which of the tools the bench runs are missing from the PATH. */
    static List<String> missingTools() {
        List<String> missing = new ArrayList<>();
        for (String tool : new String[] {"xdotool", "xev", "import"}) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.add(tool);
            }
        }
        return missing;
    }
}
