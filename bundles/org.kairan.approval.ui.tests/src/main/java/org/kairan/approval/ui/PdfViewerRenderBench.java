package org.kairan.approval.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kairan.approval.ui.internal.pdf.PageRaster;
import org.kairan.approval.ui.internal.pdf.PdfDocument;
import org.kairan.approval.ui.internal.pdf.PdfOpener;
import org.kairan.approval.ui.internal.pdf.PdfSource;

/**
 * How long the viewer takes to show an A4 page at fit width, for docs/PERFORMANCE.md: text pages (IPA
 * Gothic embedded) and 300 dpi scans. A benchmark, not a test: its name keeps it out of the test run;
 * run it alone (bench/README.md). Prints figures; asserts nothing.
 */
class PdfViewerRenderBench {

    @TempDir
    static Path folder;

    @Test
    void renderTimes() throws Exception {
        TestPdfs pdfs = new TestPdfs(folder);
        Path text = pdfs.japanese("起案_40頁.pdf", 40);
        Path scans = pdfs.scanned("スキャン_12頁.pdf", 12);
        System.out.printf("PdfViewer bench: load average %s; text PDF %d KB (40 pages), scanned PDF %d KB (12 pages)%n",
                Files.readString(Path.of("/proc/loadavg")).strip(), Files.size(text) / 1024, Files.size(scans) / 1024);
        ViewerScreen screen = new ViewerScreen();
        Shell shell = new Shell(screen.display);
        shell.setLayout(new FillLayout());
        shell.setBounds(40, 40, 1240, 940);
        PdfViewer viewer = new PdfViewer(shell, SWT.NONE, screen.part().messages());
        shell.open();
        screen.settle();
        try {
            for (Path file : List.of(text, scans)) {
                long start = System.nanoTime();
                screen.open(viewer, file);
                screen.waitUntil("page 1 is rendered", () -> viewer.pages().isRendered(0));
                long firstPage = System.nanoTime() - start;
                int width = viewer.pages().layout().box(0).width();
                List<Long> goTo = new ArrayList<>();
                for (int page = 3; page <= viewer.getPageCount(); page += 2) { // never a prefetched neighbour
                    int wanted = page;
                    long t0 = System.nanoTime();
                    viewer.showPage(page);
                    screen.waitUntil("page " + page + " is rendered", () -> viewer.pages().isRendered(wanted - 1));
                    goTo.add(System.nanoTime() - t0);
                }
                System.out.printf("PdfViewer bench: %s at fit width (%d px): open → page 1 drawn %.0f ms; "
                        + "go to a page → drawn %s%n", file.getFileName(), width, firstPage / 1e6, summary(goTo));
                steps(screen, file, width);
            }
        } finally {
            shell.dispose();
        }
    }

    /** The steps of one page, timed one by one: PDFBox's rendering, the pixel copy, the SWT image. */
    private static void steps(ViewerScreen screen, Path file, int width) throws Exception {
        PdfOpener.Opened opened = (PdfOpener.Opened) new PdfOpener().open(new PdfSource.File(file));
        try (PdfDocument document = opened.document()) {
            List<Long> render = new ArrayList<>();
            List<Long> copy = new ArrayList<>();
            List<Long> image = new ArrayList<>();
            IntConsumer one = page -> {
                try {
                    long t0 = System.nanoTime();
                    BufferedImage rendered = document.render(page, width);
                    long t1 = System.nanoTime();
                    ImageData data = PageRaster.imageData(rendered);
                    long t2 = System.nanoTime();
                    new Image(screen.display, data).dispose();
                    long t3 = System.nanoTime();
                    render.add(t1 - t0);
                    copy.add(t2 - t1);
                    image.add(t3 - t2);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            for (int page = 0; page < document.pages().size(); page++) {
                one.accept(page);
            }
            System.out.printf("PdfViewer bench: %s per page at %d px: PDFBox render %s; pixel copy %s; SWT image (UI thread) %s%n",
                    file.getFileName(), width, summary(render), summary(copy), summary(image));
        }
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        long p90 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
        return String.format("median %.1f ms, p90 %.1f ms, max %.1f ms (n=%d)", median / 1e6, p90 / 1e6,
                sorted.getLast() / 1e6, sorted.size());
    }
}
