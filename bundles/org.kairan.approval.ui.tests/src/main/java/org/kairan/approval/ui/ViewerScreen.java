package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The tests' e4 window and its PDF viewer as a person sees them: the page indicator, the message, the
 * pixels of the page area; keys sent as the keyboard would; the event loop run until something is true
 * (the tests run on the UI thread, so waiting means dispatching events).
 */
final class ViewerScreen {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final Display display;

    ViewerScreen() {
        display = Display.getCurrent();
        assertNotNull(display, "the UI harness runs tests on the UI thread");
        waitUntil("the test window is shown", () -> window() != null && window().isVisible());
    }

    Shell window() {
        return Arrays.stream(display.getShells()).filter(s -> s.getData("modelElement") instanceof MTrimmedWindow)
                .findFirst().orElse(null);
    }

    /** The part embedding the viewer (through e4 DI, with the Japanese texts of -nl ja). */
    ViewerTestPart part() {
        MTrimmedWindow model = (MTrimmedWindow) window().getData("modelElement");
        return (ViewerTestPart) model.getContext().get(EPartService.class).findPart(ViewerTestPart.ID).getObject();
    }

    PdfViewer viewer() {
        return part().viewer();
    }

    /** Runs the event loop until the condition holds; fails naming {@code what} after {@link #TIMEOUT}. */
    void waitUntil(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }

    /** Lets queued events and async runnables run. */
    void settle() {
        long end = System.nanoTime() + Duration.ofMillis(100).toNanos();
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }

    /** Opens a document as a screen would and waits until the viewer shows it or says why it cannot. */
    void open(PdfViewer viewer, Path file) {
        viewer.open(file);
        waitUntil("the viewer has opened " + file.getFileName(), () -> viewer.getState() != PdfViewer.State.LOADING);
    }

    /** Waits until the page (1-based) is drawn from its rendered image at the size it is laid out at. */
    void waitUntilDrawn(PdfViewer viewer, int page) {
        waitUntil("page " + page + " is rendered", () -> viewer.pages().isRendered(page - 1));
        viewer.pages().control().update();
        settle();
    }

    static <T extends Control> T find(Control root, String widgetId, Class<T> type) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control control = todo.poll();
            if (widgetId.equals(control.getData(ApprovalUiConstants.WIDGET_ID))) {
                return type.cast(control);
            }
            if (control instanceof Composite composite) {
                todo.addAll(Arrays.asList(composite.getChildren()));
            }
        }
        throw new AssertionError("no widget '" + widgetId + "' in " + root);
    }

    /** What the toolbar reads: the page field and the label beside it, e.g. 「1 / 20 ページ」. */
    static String pageIndicator(PdfViewer viewer) {
        String number = find(viewer, ApprovalUiConstants.ID_PDF_PAGE_NUMBER, Text.class).getText();
        String count = find(viewer, ApprovalUiConstants.ID_PDF_PAGE_COUNT, Label.class).getText();
        return (number + " " + count).strip();
    }

    /** The sentence shown in place of pages. */
    static String message(PdfViewer viewer) {
        Label label = find(viewer, ApprovalUiConstants.ID_PDF_MESSAGE, Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    /** Presses a key in the page area (with SWT.MOD1 etc. in {@code modifiers}). */
    void press(PdfViewer viewer, int keyCode, int modifiers) {
        Control pages = find(viewer, ApprovalUiConstants.ID_PDF_PAGES, Control.class);
        pages.setFocus();
        Event event = new Event();
        event.keyCode = keyCode;
        event.character = keyCode < 0x10000 && keyCode >= ' ' && modifiers == 0 ? (char) keyCode : 0;
        event.stateMask = modifiers;
        pages.notifyListeners(SWT.KeyDown, event);
        settle();
    }

    /** Clicks a button as a person would: only an enabled one. */
    static void click(Button button) {
        if (!button.isEnabled()) {
            throw new AssertionError("the button '" + button.getToolTipText() + "' is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Turns the real mouse wheel over the middle of a control, towards the person, through the X server
     * ({@code xdotool}: SWT cannot post wheel events on GTK, and GTK itself scrolls a scrollable).
     */
    void wheelDown(Control control, int notches) throws IOException, InterruptedException {
        Point centre = display.map(control, null, control.getSize().x / 2, control.getSize().y / 2);
        List<String> command = new ArrayList<>(List.of("xdotool", "mousemove", Integer.toString(centre.x),
                Integer.toString(centre.y)));
        for (int i = 0; i < notches; i++) {
            command.addAll(List.of("click", "5"));
        }
        Process xdotool;
        try {
            xdotool = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("the wheel test needs xdotool (apt-get install xdotool; ./kairan test installs it)", e);
        }
        if (!xdotool.waitFor(20, TimeUnit.SECONDS) || xdotool.exitValue() != 0) {
            throw new AssertionError("xdotool failed: " + new String(xdotool.getInputStream().readAllBytes()));
        }
        settle();
    }

    /** What a control shows, pixel by pixel (drawn into an image the way the screen shows it). */
    static ImageData pixels(Control control) {
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), size.x, size.y);
        try {
            GC gc = new GC(image);
            try {
                control.print(gc);
            } finally {
                gc.dispose();
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    /**
     * With {@code -Dkairan.screenshots=DIR} (or {@code KAIRAN_SCREENSHOTS}), saves the shell as
     * {@code DIR/name.png} (for the docs); does nothing otherwise.
     */
    void screenshot(Shell shell, String name) {
        String dir = System.getProperty("kairan.screenshots", System.getenv("KAIRAN_SCREENSHOTS"));
        if (dir == null || dir.isBlank()) {
            return;
        }
        shell.update();
        settle();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { pixels(shell) };
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loader.save(Path.of(dir, name + ".png").toString(), SWT.IMAGE_PNG);
    }

    static int luminance(ImageData data, int x, int y) {
        RGB rgb = data.palette.getRGB(data.getPixel(x, y));
        return (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
    }

    /** The share of highlighter-yellow pixels (red and green well above blue) in a rectangle, 0..1. */
    static double yellowShare(ImageData data, int left, int top, int width, int height) {
        int yellow = 0;
        int all = 0;
        for (int y = Math.max(0, top); y < Math.min(data.height, top + height); y++) {
            for (int x = Math.max(0, left); x < Math.min(data.width, left + width); x++) {
                all++;
                RGB rgb = data.palette.getRGB(data.getPixel(x, y));
                if (rgb.red > 150 && rgb.green > 130 && rgb.blue < rgb.green - 50) {
                    yellow++;
                }
            }
        }
        return all == 0 ? 0 : yellow / (double) all;
    }

    /** The share of dark pixels (text) in a rectangle of the image, 0..1. */
    static double darkShare(ImageData data, int left, int top, int width, int height) {
        int dark = 0;
        int all = 0;
        for (int y = Math.max(0, top); y < Math.min(data.height, top + height); y++) {
            for (int x = Math.max(0, left); x < Math.min(data.width, left + width); x++) {
                all++;
                if (luminance(data, x, y) < 110) {
                    dark++;
                }
            }
        }
        return all == 0 ? 0 : dark / (double) all;
    }
}
