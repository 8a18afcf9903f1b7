package org.kairan.approval.ui.internal.pdf;

import java.awt.image.BufferedImage;
import java.text.MessageFormat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;

/**
 * Renders the pages the viewer asks for, one at a time, in a background {@link Job}, and hands each
 * result to the UI thread. A new request replaces the pages still waiting (the person scrolled on); pages
 * already delivered at that width are not rendered again until the viewer {@link #forget forgets} them.
 * Cancelling stops after the page in progress.
 */
public final class PageRendering {

    private static final Logger LOG = Logger.getLogger(PageRendering.class.getName());

    /** A page (0-based) wanted {@code width} pixels wide. */
    public record Request(int page, int width) {
    }

    /** Where results go; called on the UI thread. */
    public interface Delivery {
        void rendered(PdfDocument document, Request request, ImageData image);

        void failed(PdfDocument document, Request request);
    }

    /** The requests for one open document; a new document starts a new session. */
    private record Session(PdfDocument document, Deque<Request> waiting, Set<Request> delivered) {
    }

    private final Job job;
    private final Executor ui;
    private final Delivery delivery;
    private final String pageText;
    private volatile Session session;

    /**
     * @param jobName  the job's name in progress views
     * @param pageText what the job is doing, with the page number as {0}
     * @param ui       runs results on the UI thread (Display.asyncExec)
     */
    public PageRendering(String jobName, String pageText, Executor ui, Delivery delivery) {
        this.ui = ui;
        this.delivery = delivery;
        this.pageText = pageText;
        this.job = Job.create(jobName, this::run);
        job.setPriority(Job.INTERACTIVE);
    }

    /** Replaces what waits to be rendered with {@code wanted} (most wanted first) and starts the job. */
    public void request(PdfDocument document, List<Request> wanted) {
        Session existing = session;
        Session current = existing != null && existing.document() == document ? existing
                : new Session(document, new ArrayDeque<>(), ConcurrentHashMap.newKeySet());
        session = current;
        synchronized (current) {
            current.waiting().clear();
            wanted.stream().filter(r -> !current.delivered().contains(r)).forEach(current.waiting()::add);
            if (current.waiting().isEmpty()) {
                return;
            }
        }
        job.schedule(); // while it runs, the job runs once more after it ends
    }

    /** The viewer let go of this page image: render it again when it is wanted again. */
    public void forget(PdfDocument document, Request request) {
        Session current = session;
        if (current != null && current.document() == document) {
            current.delivered().remove(request);
        }
    }

    /** Drops every waiting page and cancels the job (it stops after the page in progress). */
    public void stop() {
        session = null;
        job.cancel();
    }

    /** The job, for tests that wait until rendering is idle. */
    public Job job() {
        return job;
    }

    private IStatus run(IProgressMonitor monitor) {
        monitor.beginTask(job.getName(), IProgressMonitor.UNKNOWN);
        try {
            while (!monitor.isCanceled()) {
                Session current = session;
                if (current == null || current.document().isClosed()) {
                    return Status.OK_STATUS;
                }
                Request next;
                synchronized (current) {
                    next = current.waiting().poll();
                }
                if (next == null) {
                    return Status.OK_STATUS;
                }
                if (!current.delivered().contains(next)) {
                    monitor.subTask(MessageFormat.format(pageText, next.page() + 1));
                    render(current, next);
                }
            }
            return Status.CANCEL_STATUS;
        } finally {
            monitor.done();
        }
    }

    private void render(Session current, Request request) {
        PdfDocument document = current.document();
        try {
            BufferedImage image = document.render(request.page(), request.width());
            if (image == null) {
                return; // closed meanwhile
            }
            ImageData data = PageRaster.imageData(image);
            current.delivered().add(request);
            ui.execute(() -> delivery.rendered(document, request, data));
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            // a broken page must not stop the others, nor leave the viewer waiting for it
            LOG.log(Level.INFO, "cannot render page " + (request.page() + 1), e);
            current.delivered().add(request);
            ui.execute(() -> delivery.failed(document, request));
        }
    }
}
