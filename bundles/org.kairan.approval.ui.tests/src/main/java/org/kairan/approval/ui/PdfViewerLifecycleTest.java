package org.kairan.approval.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.approval.ui.internal.pdf.PageImages;

/**
 * What the viewer does behind the pages: opening does not hold up the UI, only pages near the view are
 * rendered and a bounded number kept, and disposing it lets go of the file, the images and the jobs. Each
 * test has a viewer of its own in a window of its own.
 */
class PdfViewerLifecycleTest {

    @TempDir
    static Path folder;
    private static Path twentyPages;

    private ViewerScreen screen;
    private Shell shell;
    private PdfViewer viewer;

    @BeforeAll
    static void writePdfs() throws Exception {
        twentyPages = new TestPdfs(folder).japanese("起案_20頁.pdf", 20);
    }

    @BeforeEach
    void setUp() {
        screen = new ViewerScreen();
        shell = new Shell(screen.display);
        shell.setLayout(new FillLayout());
        shell.setBounds(60, 60, 900, 760);
        viewer = new PdfViewer(shell, SWT.NONE, screen.part().messages());
        shell.open();
        screen.settle();
    }

    @AfterEach
    void tearDown() {
        if (!shell.isDisposed()) {
            shell.dispose();
        }
    }

    @Test
    void openingReturnsAtOnceAndSaysTheDocumentIsBeingRead() {
        long start = System.nanoTime();
        viewer.open(twentyPages);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(PdfViewer.State.LOADING, viewer.getState(), "right after open() the document is still being read");
        assertEquals("文書を読み込んでいます…", ViewerScreen.message(viewer), "meanwhile the viewer says it is reading");
        assertTrue(millis < 200, "open() leaves reading the PDF to a job and returns at once (took " + millis + " ms)");
        screen.waitUntil("the document is shown", () -> viewer.getState() == PdfViewer.State.SHOWING);
    }

    @Test
    void onlyPagesNearTheViewAreRenderedAndABoundedNumberKept() {
        screen.open(viewer, twentyPages);
        screen.waitUntilDrawn(viewer, 1);
        waitUntilRenderingIdle();
        PageImages images = viewer.pages().images();
        assertTrue(images.size() <= 3, "with page 1 in view only it and its neighbour are rendered, not all 20 ("
                + images.size() + " held)");
        assertEquals(null, images.image(19), "page 20 is not rendered before anyone looks at it");

        List<Image> seen = new ArrayList<>();
        for (int page = 1; page <= 20; page++) {
            viewer.showPage(page);
            screen.waitUntilDrawn(viewer, page);
            seen.add(images.image(page - 1));
            assertTrue(images.size() <= PageImages.MAX_PAGES, "at most " + PageImages.MAX_PAGES
                    + " rendered pages are kept (held " + images.size() + " at page " + page + ")");
        }
        assertTrue(seen.get(0).isDisposed(), "the image of page 1, far behind, was disposed when let go of");
        assertFalse(seen.get(19).isDisposed(), "the page in view keeps its image");

        viewer.showPage(1);
        screen.waitUntilDrawn(viewer, 1);
        assertEquals("1 / 20 ページ", ViewerScreen.pageIndicator(viewer), "going back renders page 1 again");
    }

    @Test
    void disposingTheViewerClosesTheFileDisposesTheImagesAndEndsTheJobs() throws Exception {
        Path copy = Files.copy(twentyPages, folder.resolve("閉じる確認.pdf"));
        screen.open(viewer, copy);
        screen.waitUntilDrawn(viewer, 1);
        assertTrue(isOpenByThisProcess(copy), "while it is shown the viewer reads the file");
        List<Image> images = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            if (viewer.pages().images().image(page) != null) {
                images.add(viewer.pages().images().image(page));
            }
        }
        assertFalse(images.isEmpty(), "pages were rendered");
        Job rendering = viewer.pages().rendering().job();

        shell.dispose();
        screen.waitUntil("the file is closed", () -> !isOpenByThisProcess(copy));
        assertTrue(images.stream().allMatch(Image::isDisposed), "every page image is disposed with the viewer");
        screen.waitUntil("the rendering job has ended", () -> rendering.getState() == Job.NONE);
    }

    @Test
    void anotherDocumentClosesTheOneBefore() throws Exception {
        Path first = Files.copy(twentyPages, folder.resolve("一つ目.pdf"));
        screen.open(viewer, first);
        screen.waitUntilDrawn(viewer, 1);
        viewer.clear();
        screen.waitUntil("the first file is closed", () -> !isOpenByThisProcess(first));
        assertEquals(0, viewer.pages().images().size(), "no page images are kept for a document no longer shown");
        assertEquals("文書が選択されていません。", ViewerScreen.message(viewer), "clear() shows the empty state");
    }

    private void waitUntilRenderingIdle() {
        screen.waitUntil("rendering is idle", () -> viewer.pages().rendering().job().getState() == Job.NONE);
        screen.settle();
    }

    /** Whether this JVM has the file open (Linux: a link in /proc/self/fd). */
    private static boolean isOpenByThisProcess(Path file) {
        try (Stream<Path> links = Files.list(Path.of("/proc/self/fd"))) {
            Path real = file.toRealPath();
            return links.anyMatch(link -> {
                try {
                    return Files.readSymbolicLink(link).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false; // closed meanwhile
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list this process's open files", e);
        }
    }
}
