package org.kairan.library.ui.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.client.documents.LibraryService;
import org.kairan.core.documents.DocumentVersion;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.documents.LibraryFiles;
import org.kairan.core.documents.PageWords;
import org.kairan.library.ui.LibraryUiConstants;
import org.kairan.ui.BackgroundCall;

/**
 * The selected document: its metadata, its versions (newest first; a double-click previews one) and the preview of
 * a version in the {@link PdfViewer} — a PDF as it is, a scanned image wrapped into a PDF ({@link ImagePdf}). The
 * preview is opened again only when another document or version is shown, not when sync brings progress.
 */
final class DocumentDetails {

    /** What the preview shows (or is opening). */
    private record Shown(String documentId, int version) {
    }

    private final LibraryTexts texts;
    private final LibraryService library;
    private final UISynchronize ui;
    private final SashForm sash;
    private final Composite info;
    private final Table versions;
    private final PdfViewer viewer;
    private final ZoneId zone;
    private LibraryEntry line;
    private Shown shown;
    private long opens;

    DocumentDetails(Composite parent, LibraryTexts texts, org.kairan.approval.ui.nls.Messages viewerMessages,
            LibraryService library, UISynchronize ui, ZoneId zone) {
        this.texts = texts;
        this.library = library;
        this.ui = ui;
        this.zone = zone;
        sash = new SashForm(parent, SWT.VERTICAL);
        Composite top = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 4).applyTo(top);
        info = new Composite(top, SWT.NONE);
        info.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_DETAILS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(info);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(10, 3).applyTo(info);
        Label versionsLabel = new Label(top, SWT.NONE);
        versionsLabel.setText(texts.messages().library_versions);
        versions = new Table(top, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        versions.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_VERSIONS);
        versions.setHeaderVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 60).applyTo(versions);
        column(texts.messages().library_ver_number, 40);
        column(texts.messages().library_ver_file, 200);
        column(texts.messages().library_ver_pages, 60);
        column(texts.messages().library_ver_by, 100);
        column(texts.messages().library_ver_at, 120);
        column(texts.messages().library_ver_state, 140);
        versions.addListener(SWT.DefaultSelection, e -> {
            if (versions.getSelectionCount() == 1 && versions.getSelection()[0].getData() instanceof Integer number) {
                preview(number, 0, List.of());
            }
        });
        viewer = new PdfViewer(sash, SWT.NONE, viewerMessages);
        viewer.setData(LibraryUiConstants.WIDGET_ID, LibraryUiConstants.ID_VIEWER);
        sash.setWeights(32, 68);
        show(null);
    }

    private void column(String text, int width) {
        TableColumn c = new TableColumn(versions, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
    }

    SashForm control() {
        return sash;
    }

    PdfViewer viewer() {
        return viewer;
    }

    /** Shows a line (or nothing); the preview moves to its current version when it is another document or version. */
    void show(LibraryEntry next) {
        line = next;
        for (var child : info.getChildren()) {
            child.dispose();
        }
        versions.removeAll();
        if (next == null) {
            Label none = new Label(info, SWT.WRAP);
            none.setText(texts.messages().library_nothingSelected);
            GridDataFactory.fillDefaults().span(4, 1).grab(true, false).applyTo(none);
            shown = null;
            viewer.clear();
            info.getParent().layout(true, true);
            return;
        }
        LibraryDocument d = next.document();
        field(texts.messages().library_detail_title, next.title(), 3);
        field(texts.messages().library_detail_unit, d == null ? next.unitCode() : d.unitName(), 1);
        field(texts.messages().library_detail_class, next.classification(), 1);
        field(texts.messages().library_detail_year, texts.fiscalYear(next.fiscalYear()), 1);
        if (d != null) {
            field(texts.messages().library_detail_retention, d.keptUntil() == null ? texts.retention(d.retentionYears())
                    : MessageFormat.format(texts.messages().library_detail_keptUntil, texts.retention(d.retentionYears()),
                            texts.day(d.keptUntil())), 1);
            field(texts.messages().library_detail_tags, String.join("、", d.tags()), 1);
            field(texts.messages().library_detail_created, d.createdByName() + "　"
                    + (d.createdAt() == null ? "" : texts.day(LocalDate.ofInstant(d.createdAt(), zone))), 1);
        }
        if (next.reason() != null) {
            field(texts.messages().library_detail_reason, next.reason(), 3);
        }
        if (next.state().unsent() || next.state() == LibraryEntry.State.REFUSED) {
            TableItem pending = new TableItem(versions, SWT.NONE);
            pending.setText(new String[] { Integer.toString(next.version()), next.fileName(), "", "", "", texts.state(next) });
            pending.setData(next.state() == LibraryEntry.State.REFUSED ? null : next.version());
        }
        if (d != null) {
            for (DocumentVersion v : d.versions().reversed()) {
                TableItem item = new TableItem(versions, SWT.NONE);
                item.setText(new String[] { Integer.toString(v.number()), v.fileName(), Integer.toString(v.pages()),
                        v.uploadedByName() == null ? "" : v.uploadedByName(),
                        v.uploadedAt() == null ? "" : texts.day(LocalDate.ofInstant(v.uploadedAt(), zone)),
                        texts.state(v.extraction()) });
                item.setData(v.number());
            }
        }
        info.getParent().layout(true, true);
        if (shown == null || !shown.documentId().equals(next.documentId())) {
            if (next.state() == LibraryEntry.State.REFUSED && d == null) {
                shown = new Shown(next.documentId(), 0);
                viewer.clear(next.reason());
            } else {
                preview(d != null && d.current().isPresent() ? d.current().get().number() : next.version(), 0, List.of());
            }
        }
    }

    private void field(String name, String value, int span) {
        Label label = new Label(info, SWT.NONE);
        label.setText(name);
        label.setForeground(info.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        Label text = new Label(info, SWT.WRAP);
        text.setText(value == null ? "" : value);
        GridDataFactory.fillDefaults().grab(true, false).span(span == 3 ? 3 : 1, 1).hint(span == 3 ? 480 : 160,
                SWT.DEFAULT).applyTo(text);
    }

    /** The line shown, or null. */
    LibraryEntry line() {
        return line;
    }

    /**
     * Previews a version of the shown document at {@code page} (1-based, 0 for the first) with {@code words}
     * highlighted: the file is fetched (or taken from the cache) in a job.
     */
    /** A version ready to show: a PDF file, or a scan wrapped into a PDF; and where OCR found its words. */
    private record Opened(Object file, List<PageWords> scanned) {
    }

    void preview(int number, int page, List<String> words) {
        if (line == null) {
            return;
        }
        String documentId = line.documentId();
        shown = new Shown(documentId, number);
        long request = ++opens;
        String mediaType = mediaTypeOf(line, number);
        if (LibraryFiles.isOffice(mediaType)) { // nothing on this desktop draws Word or Excel; the text is searchable
            viewer.clear(MessageFormat.format(texts.messages().library_officeNoPreview, fileNameOf(line, number)));
            return;
        }
        BackgroundCall.named(texts.messages().library_openJob, monitor -> {
            Path file = library.open(documentId, number);
            List<PageWords> scanned = words.isEmpty() ? List.of() : library.scannedWords(documentId, number);
            return new Opened(LibraryFiles.PDF.equals(mediaType) ? file : ImagePdf.of(file), scanned);
        }).onSuccess(opened -> {
            if (viewer.isDisposed() || request != opens) {
                return;
            }
            if (opened.file() instanceof byte[] pdf) {
                viewer.open(pdf, Math.max(1, page), words, opened.scanned());
            } else {
                viewer.open((Path) opened.file(), Math.max(1, page), words, opened.scanned());
            }
        }).onFailure(failure -> {
            if (!viewer.isDisposed() && request == opens) {
                viewer.clear(MessageFormat.format(texts.messages().library_openFailed,
                        Objects.requireNonNullElse(failure.getMessage(), failure.toString())));
            }
        }).start(ui);
    }

    private static String fileNameOf(LibraryEntry line, int number) {
        return line.document() == null ? line.fileName()
                : line.document().version(number).map(DocumentVersion::fileName).orElse(line.fileName());
    }

    /** The version's media type: as the server recognised it, else what the file's name says. */
    private static String mediaTypeOf(LibraryEntry line, int number) {
        if (line.document() != null) {
            var v = line.document().version(number);
            if (v.isPresent()) {
                return v.get().mediaType();
            }
        }
        return LibraryFiles.mediaTypeOfName(line.fileName()).orElse(LibraryFiles.PDF);
    }
}
