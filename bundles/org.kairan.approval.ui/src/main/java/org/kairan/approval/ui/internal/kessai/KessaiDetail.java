package org.kairan.approval.ui.internal.kessai;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.PdfViewer;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.kessai.KessaiService;
import org.kairan.core.kessai.Attachment;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiEvent;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.ui.BackgroundCall;

/**
 * The selected 案件: 経路 (every person of the route with what they did and when, the one waiting now in
 * bold, and the history), 内容 (title block and text), 文書 (its files and, once decided, the signed record
 * of decision, shown in the PDF viewer).
 */
final class KessaiDetail {

    private final KessaiService service;
    private final UISynchronize ui;
    private final KessaiTexts texts;
    private final CTabFolder tabs;
    private final Table route;
    private final Table history;
    private final Text content;
    private final Table files;
    private final PdfViewer viewer;
    private final Font bold;
    private final org.eclipse.swt.widgets.Button attach;
    private final List<Runnable> openers = new ArrayList<>();
    /** The files listed, in the order of {@link #openers} (null for the record of decision). */
    private final List<Attachment> listed = new ArrayList<>();
    private String shownKessai;
    private String attachTo;
    /** Counts the documents asked for; a download finishing after another was asked for is not shown. */
    private long opens;
    /** Whether the record of decision was there when the shown 案件 was opened (it arrives after the decision). */
    private boolean shownRecord;

    KessaiDetail(Composite parent, KessaiService service, UISynchronize ui, KessaiTexts texts) {
        this.service = service;
        this.ui = ui;
        this.texts = texts;
        tabs = new CTabFolder(parent, SWT.BORDER | SWT.FLAT);
        tabs.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_TABS);

        SashForm routeTab = new SashForm(tabs, SWT.VERTICAL);
        route = table(routeTab, ApprovalUiConstants.ID_KESSAI_ROUTE, new String[] {texts.messages().kessai_route_stage,
            texts.messages().kessai_route_unit, texts.messages().kessai_route_position, texts.messages().kessai_route_name,
            texts.messages().kessai_route_result, texts.messages().kessai_route_at, texts.messages().kessai_route_comment},
                new int[] {70, 200, 70, 110, 150, 150, 260});
        history = table(routeTab, ApprovalUiConstants.ID_KESSAI_HISTORY, new String[] {texts.messages().kessai_route_at,
            texts.messages().kessai_history, texts.messages().kessai_route_name, texts.messages().kessai_route_comment},
                new int[] {150, 170, 330, 420});
        routeTab.setWeights(60, 40);
        tab(texts.messages().kessai_tab_route, routeTab);

        content = new Text(tabs, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY);
        content.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_CONTENT);
        tab(texts.messages().kessai_tab_content, content);

        SashForm documentTab = new SashForm(tabs, SWT.HORIZONTAL);
        Composite fileSide = new Composite(documentTab, SWT.NONE);
        org.eclipse.jface.layout.GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(fileSide);
        files = new Table(fileSide, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        org.eclipse.jface.layout.GridDataFactory.fillDefaults().grab(true, true).applyTo(files);
        attach = new org.eclipse.swt.widgets.Button(fileSide, SWT.PUSH);
        attach.setText(texts.messages().kessai_attachFile);
        attach.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_ATTACH);
        attach.setEnabled(false);
        attach.addListener(SWT.Selection, e -> attachFile());
        files.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_FILES);
        files.addListener(SWT.Selection, e -> openSelectedFile());
        viewer = new PdfViewer(documentTab, SWT.NONE, texts.messages());
        viewer.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_VIEWER);
        documentTab.setWeights(25, 75);
        tab(texts.messages().kessai_tab_document, documentTab);
        tabs.setSelection(0);

        FontData[] data = route.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(Display.getCurrent(), data);
        tabs.addListener(SWT.Dispose, e -> bold.dispose());
    }

    Composite control() {
        return tabs;
    }

    private void tab(String title, org.eclipse.swt.widgets.Control control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(control);
    }

    private static Table table(Composite parent, String id, String[] titles, int[] widths) {
        Table table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setData(ApprovalUiConstants.WIDGET_ID, id);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        return table;
    }

    /** Shows the 案件 (or nothing); the PDF viewer keeps its document while the same 案件 stays shown. */
    void show(InboxItem item, KessaiSettings settings) {
        route.removeAll();
        history.removeAll();
        files.removeAll();
        openers.clear();
        listed.clear();
        attach.setEnabled(item != null && item.kessai().status() != org.kairan.core.kessai.KessaiStatus.DRAFT
                && item.kessai().status() != org.kairan.core.kessai.KessaiStatus.WITHDRAWN
                && item.kessai().status() != org.kairan.core.kessai.KessaiStatus.REJECTED);
        attachTo = item == null ? null : item.id();
        if (item == null) {
            content.setText(texts.messages().kessai_nothingSelected);
            opens++;
            viewer.clear();
            shownKessai = null;
            return;
        }
        Kessai k = item.kessai();
        for (RouteRow row : RouteRows.of(k, texts::step, texts.messages().kessai_route_drafted,
                texts.messages().kessai_route_reader, texts::outcome)) {
            TableItem line = new TableItem(route, SWT.NONE);
            String name = row.actor() == null ? row.person().name()
                    : row.person().name() + " / " + MessageFormat.format(texts.messages().kessai_route_actingFor,
                            row.actor().name());
            String result = row.current() ? (row.standIn() == null ? texts.messages().kessai_route_waiting
                    : MessageFormat.format(texts.messages().kessai_route_waitingStandIn, KessaiTexts.who(row.standIn())))
                    : row.result();
            line.setText(new String[] {row.stage(), row.person().unitName(), row.person().position(), name, result,
                texts.moment(row.at()), row.comment()});
            if (row.current()) {
                line.setFont(bold);
            }
        }
        for (KessaiEvent event : k.history()) {
            TableItem line = new TableItem(history, SWT.NONE);
            String actor = KessaiTexts.who(event.actor()) + (event.isActing()
                    ? "（" + MessageFormat.format(texts.messages().kessai_route_actingFor, KessaiTexts.who(event.onBehalfOf()))
                            + "）" : "") + "　" + event.actor().unitName();
            line.setText(new String[] {texts.moment(event.at()), texts.outcome(event), actor, event.comment()});
        }
        content.setText(summary(k, settings) + "\n\n" + k.body());
        for (Attachment file : k.attachments()) {
            TableItem line = new TableItem(files, SWT.NONE);
            line.setText(file.version() > 1 ? MessageFormat.format(texts.messages().kessai_fileVersion, file.name(),
                    file.version()) : file.name());
            openers.add(() -> open(file, 0, List.of()));
            listed.add(file);
        }
        if (k.status() == org.kairan.core.kessai.KessaiStatus.DECIDED) {
            TableItem line = new TableItem(files, SWT.NONE);
            line.setText(k.record() == null ? texts.messages().kessai_recordPending : texts.messages().kessai_record);
            openers.add(k.record() == null ? () -> { } : () -> open(texts.messages().kessai_record, true,
                    "application/pdf", () -> service.openRecord(k.id()), 0, List.of()));
            listed.add(null);
        }
        boolean recordArrived = k.id().equals(shownKessai) && !shownRecord && k.record() != null;
        if (!k.id().equals(shownKessai) || recordArrived) {
            shownKessai = k.id();
            shownRecord = k.record() != null;
            viewer.clear();
            if (!openers.isEmpty()) {
                int first = k.record() != null ? openers.size() - 1 : 0;
                files.setSelection(first);
                openers.get(first).run();
            }
        }
    }

    private String summary(Kessai k, KessaiSettings settings) {
        String retention = settings == null ? "" : settings.documentClass(k.classification())
                .map(c -> c.retentionLabel()).orElse("");
        return k.title() + "\n" + MessageFormat.format(texts.messages().kessai_summary,
                k.documentNumber() == null ? texts.messages().kessai_noNumber : k.documentNumber(),
                texts.date(k.draftDate()), k.decisionKind(), texts.amount(k.amountYen()), k.classification(), retention)
                + "\n" + k.route().drafter().unitName() + " " + KessaiTexts.who(k.route().drafter());
    }

    /**
     * Adds a file to the 案件 on its route (or decided): never a replacement — a file of the same name becomes
     * its next version. Queued like any action; the server says if it refuses the file.
     */
    private void attachFile() {
        String kessaiId = attachTo;
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(tabs.getShell(), SWT.OPEN);
        String chosen = dialog.open();
        if (chosen == null || kessaiId == null) {
            return;
        }
        BackgroundCall.named(texts.messages().kessai_attachJob, monitor -> service.attach(kessaiId, Path.of(chosen)))
                .onFailure(failure -> {
                    if (!tabs.isDisposed()) {
                        org.eclipse.jface.dialogs.MessageDialog.openError(tabs.getShell(), texts.messages().kessai_error_title,
                                failure.getMessage());
                    }
                }).start(ui);
    }

    private void openSelectedFile() {
        int index = files.getSelectionIndex();
        if (index >= 0 && index < openers.size()) {
            openers.get(index).run();
        }
    }

    private interface Fetch {
        Path get() throws Exception;
    }

    /**
     * Shows one of the 案件's files in the 文書 tab, selected in the list, at a page (1-based) with the words
     * highlighted; false when the 案件 shown does not list it.
     */
    boolean showAttachment(String attachmentId, int page, List<String> words) {
        for (int index = 0; index < listed.size(); index++) {
            Attachment file = listed.get(index);
            if (file != null && file.id().equals(attachmentId)) {
                files.setSelection(index);
                showDocuments();
                open(file, page, words);
                return true;
            }
        }
        return false;
    }

    /** A file of the 案件 in the viewer (page 0: its first page, nothing highlighted). */
    private void open(Attachment file, int page, List<String> words) {
        open(file.name(), file.isPdf(), file.mediaType(), () -> service.open(file.sha256()), page, words);
    }

    private void open(String name, boolean pdf, String mediaType, Fetch fetch, int page, List<String> words) {
        if (!pdf) {
            opens++;
            viewer.clear(MessageFormat.format(texts.messages().kessai_notPdf, name, mediaType));
            return;
        }
        long request = ++opens;
        BackgroundCall.named(texts.messages().kessai_openJob, monitor -> fetch.get())
                .onSuccess(path -> {
                    if (!viewer.isDisposed() && request == opens) {
                        if (page > 0) {
                            viewer.open(path, page, words);
                        } else {
                            viewer.open(path);
                        }
                    }
                })
                .onFailure(failure -> {
                    if (!viewer.isDisposed() && request == opens) {
                        viewer.clear(MessageFormat.format(texts.messages().kessai_openFailed, failure.getMessage()));
                    }
                }).start(ui);
    }

    /** Shows the 文書 tab (e.g. when the user asks for the PDF). */
    void showDocuments() {
        tabs.setSelection(2);
    }

    PdfViewer viewer() {
        return viewer;
    }
}
