package org.kairan.ui;

import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;

/**
 * Runs blocking work (a server call) in a named {@link Job} and hands its result or failure to the UI
 * thread through {@link UISynchronize}, so that the UI thread never waits on the network. A cancelled
 * job delivers nothing.
 *
 * @param <T> the result type
 */
public final class BackgroundCall<T> {

    /**
     * The job family of every call not made {@link #quiet()}: what a person started (a save, a submission …).
     * {@code Job.getJobManager().find(USER_WORK)} is empty when none is under way — a logout or a test can wait
     * for it.
     */
    public static final Object USER_WORK = new Object();

    /** The blocking part; runs in a worker thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(IProgressMonitor monitor) throws Exception;
    }

    private final String name;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<? super Exception> onFailure = failure -> { };
    private boolean system;

    private BackgroundCall(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A call named for the progress view, e.g. 「組織情報を取得しています」. */
    public static <T> BackgroundCall<T> named(String name, Work<T> work) {
        return new BackgroundCall<>(name, work);
    }

    /** What to do with the result, on the UI thread. */
    public BackgroundCall<T> onSuccess(Consumer<? super T> consumer) {
        this.onSuccess = Objects.requireNonNull(consumer);
        return this;
    }

    /** What to do with a failure, on the UI thread. */
    public BackgroundCall<T> onFailure(Consumer<? super Exception> consumer) {
        this.onFailure = Objects.requireNonNull(consumer);
        return this;
    }

    /** Hides the job from progress views (for periodic checks). */
    public BackgroundCall<T> quiet() {
        this.system = true;
        return this;
    }

    /** Schedules the job and returns it (to cancel or join). */
    public Job start(UISynchronize ui) {
        Objects.requireNonNull(ui, "ui");
        boolean quiet = system;
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return BackgroundCall.this.run(ui, monitor);
            }

            @Override
            public boolean belongsTo(Object family) {
                return !quiet && family == USER_WORK;
            }
        };
        job.setSystem(system);
        job.setUser(false);
        job.schedule();
        return job;
    }

    private IStatus run(UISynchronize ui, IProgressMonitor monitor) {
        monitor.beginTask(name, IProgressMonitor.UNKNOWN);
        try {
            T result = work.run(monitor);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            ui.asyncExec(() -> onSuccess.accept(result));
        } catch (Exception e) {
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            ui.asyncExec(() -> onFailure.accept(e));
        } catch (LinkageError | AssertionError e) {
            // a broken installation must still end the wait on screen, not leave it busy forever
            ui.asyncExec(() -> onFailure.accept(new IllegalStateException(e.toString(), e)));
        } finally {
            monitor.done();
        }
        return Status.OK_STATUS;
    }
}
