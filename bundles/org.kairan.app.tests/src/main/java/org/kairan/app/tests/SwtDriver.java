package org.kairan.app.tests;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Widget;
import org.kairan.app.AppConstants;

/**
 * Drives SWT directly (SWTBot is not available): finds widgets by their Kairan widget id, types and
 * clicks by setting values and sending the events a person's input would, and runs the event loop until
 * something is true. Modal dialogs run nested event loops, so steps that must happen inside a dialog are
 * given to {@link #script} and run from timer callbacks, which every event loop dispatches.
 */
final class SwtDriver {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Display display;

    SwtDriver(Display display) {
        this.display = display;
    }

    /** A driver of the application's display; the UI harness runs each test on its UI thread. */
    static SwtDriver onUiThread() {
        Display display = Display.getCurrent();
        if (display == null) {
            throw new AssertionError("the UI harness runs tests on the UI thread");
        }
        return new SwtDriver(display);
    }

    /** Runs the event loop until the condition holds; fails with {@code what} after {@link #TIMEOUT}. */
    void waitUntil(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
    }

    /** Lets queued events and async runnables run. */
    void settle() {
        long end = System.nanoTime() + Duration.ofMillis(150).toNanos();
        while (System.nanoTime() < end) {
            if (!display.readAndDispatch()) {
                display.timerExec(10, () -> { });
                display.sleep();
            }
        }
    }

    List<Shell> shells() {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed()).toList();
    }

    /** The visible shell containing a widget with this id. */
    Optional<Shell> shellWith(String widgetId) {
        return shells().stream().filter(Shell::isVisible).filter(s -> find(s, widgetId).isPresent()).findFirst();
    }

    /** The visible shell whose JFace window is of the given type (JFace keeps the window in the shell's data). */
    Optional<Shell> shellOf(Class<? extends Window> type) {
        return shells().stream().filter(Shell::isVisible).filter(s -> type.isInstance(s.getData())).findFirst();
    }

    static Optional<Widget> find(Control root, String widgetId) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control control = todo.poll();
            if (control.isDisposed()) {
                continue;
            }
            if (widgetId.equals(control.getData(AppConstants.WIDGET_ID))) {
                return Optional.of(control);
            }
            if (control instanceof Composite composite) {
                todo.addAll(Arrays.asList(composite.getChildren()));
            }
        }
        return Optional.empty();
    }

    static <T extends Widget> T find(Control root, String widgetId, Class<T> type) {
        return type.cast(find(root, widgetId)
                .orElseThrow(() -> new AssertionError("no widget '" + widgetId + "' in " + root)));
    }

    static List<Control> all(Control root, Predicate<Control> filter) {
        List<Control> out = new ArrayList<>();
        Deque<Control> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Control control = todo.poll();
            if (filter.test(control)) {
                out.add(control);
            }
            if (control instanceof Composite composite) {
                todo.addAll(Arrays.asList(composite.getChildren()));
            }
        }
        return out;
    }

    /** Types into a text field: focus, replace the text (Modify fires), as a person would. */
    static void type(Text text, String value) {
        text.setFocus();
        text.setText(value);
        text.notifyListeners(SWT.Modify, new Event());
    }

    /** Clicks a push button. */
    static void click(Button button) {
        if (!button.isEnabled()) {
            throw new AssertionError("button '" + button.getText() + "' is disabled");
        }
        button.notifyListeners(SWT.Selection, new Event());
    }

    /** The dialog button with a JFace id (IDialogConstants.OK_ID ...). */
    static Button dialogButton(Shell shell, int id) {
        return all(shell, c -> c instanceof Button b && Integer.valueOf(id).equals(b.getData())).stream()
                .map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no dialog button " + id + " in " + shell.getText()));
    }

    /** Closes every open JFace dialog (after a failed step), so that nested event loops end. */
    void closeDialogs() {
        for (Shell shell : shells()) {
            if (shell.getData() instanceof org.eclipse.jface.dialogs.Dialog dialog) {
                dialog.close();
            }
        }
    }

    /** A sequence of steps, each run once its condition holds, from timer callbacks. */
    Script script() {
        return new Script();
    }

    final class Script {

        private record Step(String what, BooleanSupplier ready, Runnable action) {
        }

        private final List<Step> steps = new ArrayList<>();
        private int next;
        private long stepSince = System.nanoTime();
        private Throwable failure;

        /** When {@code ready} holds, run {@code action}. */
        Script when(String what, BooleanSupplier ready, Runnable action) {
            steps.add(new Step(what, ready, action));
            return this;
        }

        /** Starts polling; returns at once. */
        Script start() {
            display.timerExec(50, this::poll);
            return this;
        }

        private void poll() {
            if (failure != null || next >= steps.size()) {
                return;
            }
            Step step = steps.get(next);
            try {
                if (step.ready().getAsBoolean()) {
                    next++;
                    stepSince = System.nanoTime();
                    step.action().run();
                } else if (System.nanoTime() - stepSince > TIMEOUT.toNanos()) {
                    throw new AssertionError("timed out after " + TIMEOUT.toSeconds() + " s waiting until " + step.what());
                }
            } catch (Throwable e) {
                failure = e;
                closeDialogs(); // a modal dialog's event loop would otherwise keep the test waiting
                return;
            }
            display.timerExec(50, this::poll);
        }

        boolean done() {
            return failure != null || next >= steps.size();
        }

        /** Runs the event loop until every step ran; rethrows the first failure. */
        void await() {
            waitUntil("the step '" + (next < steps.size() ? steps.get(next).what() : "end") + "'", this::done);
            if (failure instanceof AssertionError e) {
                throw e;
            }
            if (failure != null) {
                throw new AssertionError("step failed: " + failure, failure);
            }
        }
    }

    /**
     * Drops files on a control as the file manager does: a FileTransfer drop through the control's DropTarget (SWT
     * makes these events itself; a test cannot reach the native drag and drop, hence the reflection).
     */
    static void dropFiles(Control control, Path... paths) throws Exception {
        DropTarget target = (DropTarget) control
                .getData(DND.DROP_TARGET_KEY);
        if (target == null) {
            throw new AssertionError("files cannot be dropped on " + control);
        }
        Constructor<?> make = Class.forName("org.eclipse.swt.dnd.DNDEvent").getDeclaredConstructor();
        make.setAccessible(true);
        Event event = (Event) make.newInstance();
        event.widget = target;
        event.display = target.getDisplay();
        event.detail = DND.DROP_COPY;
        event.doit = true;
        Field dataType = event.getClass().getDeclaredField("dataType");
        dataType.setAccessible(true);
        dataType.set(event, FileTransfer.getInstance().getSupportedTypes()[0]);
        event.data = Arrays.stream(paths).map(Path::toString).toArray(String[]::new);
        target.notifyListeners(DND.Drop, event);
    }
}
