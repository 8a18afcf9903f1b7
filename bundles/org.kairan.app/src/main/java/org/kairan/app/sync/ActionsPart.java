package org.kairan.app.sync;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.client.sync.ActionState;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.circular.Circular;
import org.kairan.core.circular.CircularRef;
import org.kairan.core.kessai.AttachFile;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.documents.AddDocument;
import org.kairan.core.documents.AddDocumentVersion;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.sync.CommandTypes;
import org.kairan.core.sync.EntityTypes;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.DateDisplay;
import org.kairan.ui.ViewerColumns;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 送信状況: the person's actions not yet settled (送信待ち, 応答待ち) and the ones the server could not apply,
 * with the reason in words. A conflict stays until the person marks it read (確認済みにする).
 */
public final class ActionsPart {

    private static final Color RED = new Color(190, 30, 30);

    private final SyncService sync;
    private final UISynchronize ui;
    private final Messages messages;
    private final ActionTexts texts;
    private final DateDisplay dates = new DateDisplay(Locale.getDefault());
    private TableViewer viewer;
    private Label summary;
    private Button dismiss;

    @Inject
    public ActionsPart(SyncService sync, UISynchronize ui, @Translation Messages messages) {
        this.sync = sync;
        this.ui = ui;
        this.messages = messages;
        this.texts = new ActionTexts(messages);
    }

    /** An action with the subject it is about, read from the replica. */
    record Line(QueuedAction action, String subject) {
    }

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(8, 6).applyTo(bar);
        Button now = new Button(bar, SWT.PUSH);
        now.setText(messages.action_syncNow);
        now.setData(AppConstants.WIDGET_ID, AppConstants.ID_ACTIONS_SYNC_NOW);
        now.addListener(SWT.Selection, e -> sync.requestSync());
        dismiss = new Button(bar, SWT.PUSH);
        dismiss.setText(messages.action_dismiss);
        dismiss.setData(AppConstants.WIDGET_ID, AppConstants.ID_ACTIONS_DISMISS);
        dismiss.addListener(SWT.Selection, e -> dismissSelected());
        summary = new Label(bar, SWT.NONE);
        summary.setData(AppConstants.WIDGET_ID, AppConstants.ID_ACTIONS_SUMMARY);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(summary);

        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setData(AppConstants.WIDGET_ID, AppConstants.ID_ACTIONS_TABLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(messages.action_columnWhen, 170, line -> dates.moment(line.action().queuedAt(), sync.officeZone(),
                sync.officeToday()));
        column(messages.action_columnWhat, 380, line -> texts.what(line.action(), line.subject()));
        column(messages.action_columnState, 150, line -> texts.state(line.action().state()));
        column(messages.action_columnReason, 420, line -> texts.reason(line.action()));
        viewer.addSelectionChangedListener(e -> dismiss.setEnabled(selected().map(l -> l.action().state().isSettled())
                .orElse(false)));
        dismiss.setEnabled(false);
        reload();
    }

    private void column(String title, int width, java.util.function.Function<Line, String> text) {
        ViewerColumns.add(viewer, Line.class, title, width, text, line -> line.action().state() == ActionState.CONFLICT
                || line.action().state() == ActionState.REJECTED ? RED : null);
    }

    private java.util.Optional<Line> selected() {
        Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return first instanceof Line line ? java.util.Optional.of(line) : java.util.Optional.empty();
    }

    private void dismissSelected() {
        selected().filter(line -> line.action().state().isSettled()).ifPresent(line -> BackgroundCall
                .named(messages.action_loadJob, monitor -> {
                    sync.dismiss(line.action().key());
                    return line;
                }).onSuccess(done -> reload()).quiet().start(ui));
    }

    void reload() {
        BackgroundCall.named(messages.action_loadJob, monitor -> sync.actions().stream()
                .map(action -> new Line(action, subjectOf(action))).toList())
                .onSuccess(this::show).quiet().start(ui);
    }

    private String kessaiTitle(String id) {
        return sync.replica().get(EntityTypes.KESSAI, id, Kessai.class).map(Kessai::title).orElse(null);
    }

    /** The document's title with the new version's file, e.g. 予算編成方針（予算編成方針_改訂.pdf）. */
    private String documentTitle(String id, String fileName) {
        return sync.replica().get(EntityTypes.DOCUMENT, id, LibraryDocument.class)
                .map(d -> d.title() + "（" + fileName + "）").orElse(fileName);
    }

    private String subjectOf(QueuedAction action) {
        return switch (action.type()) {
            case CommandTypes.POST_CIRCULAR -> sync.payloadOf(action, PostCircular.class).title();
            case CommandTypes.ACKNOWLEDGE_CIRCULAR, CommandTypes.WITHDRAW_CIRCULAR -> sync.replica()
                    .get(EntityTypes.CIRCULAR, sync.payloadOf(action, CircularRef.class).circularId(), Circular.class)
                    .map(Circular::title).orElse(null);
            case CommandTypes.SAVE_KESSAI_DRAFT -> sync.payloadOf(action, KessaiDraft.class).title();
            case CommandTypes.ACT_ON_KESSAI -> kessaiTitle(sync.payloadOf(action, KessaiAction.class).kessaiId());
            case CommandTypes.ATTACH_TO_KESSAI -> kessaiTitle(sync.payloadOf(action, AttachFile.class).kessaiId());
            case CommandTypes.ADD_DOCUMENT -> sync.payloadOf(action, AddDocument.class).file().name();
            case CommandTypes.ADD_DOCUMENT_VERSION -> documentTitle(sync.payloadOf(action, AddDocumentVersion.class)
                    .documentId(), sync.payloadOf(action, AddDocumentVersion.class).file().name());
            case CommandTypes.EDIT_DOCUMENT -> sync.payloadOf(action, EditDocument.class).title();
            default -> null;
        };
    }

    private void show(List<Line> lines) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.setInput(lines);
        long waiting = lines.stream().filter(l -> !l.action().state().isSettled()).count();
        long refused = lines.stream().filter(l -> l.action().state() == ActionState.CONFLICT
                || l.action().state() == ActionState.REJECTED).count();
        summary.setText(lines.isEmpty() ? messages.action_none
                : java.text.MessageFormat.format(messages.action_summary, waiting, refused));
        summary.getParent().layout(true);
    }

    @Inject
    @Optional
    void actionChanged(@UIEventTopic(SyncTopics.ACTION) QueuedAction action) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            reload();
        }
    }

    @Focus
    void focus() {
        viewer.getControl().setFocus();
    }
}
