package org.kairan.approval.ui.internal.kessai;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.client.ClientTopics;
import org.kairan.client.KairanServerClient;
import org.kairan.client.Session;
import org.kairan.client.kessai.Inbox;
import org.kairan.client.kessai.InboxFolder;
import org.kairan.client.kessai.InboxItem;
import org.kairan.client.kessai.InboxNotice;
import org.kairan.client.kessai.KessaiService;
import org.kairan.client.kessai.KessaiTopics;
import org.kairan.client.sync.QueuedAction;
import org.kairan.client.sync.SyncService;
import org.kairan.client.sync.SyncTopics;
import org.kairan.core.kessai.AbsenceNotice;
import org.kairan.core.kessai.ActionKind;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiAction;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.KessaiStatus;
import org.kairan.core.kessai.RouteStep;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.sync.EntityTypes;
import org.kairan.ui.BackgroundCall;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * 決裁: the inbox (承認待ち, 後閲, 差戻し, 起案中, 回議中, 供覧, 決裁済, 送信待ち with counts), the 案件 of the chosen
 * folder, and the selected one's route, content and documents. Everything comes from the replica, so it
 * works offline; actions go to the sync queue and show at once as 送信待ち. Keys: Ctrl+Enter 承認,
 * Ctrl+Backspace 差戻し, and each button's mnemonic (Alt+A 承認 …).
 */
public final class KessaiPart {

    private final KessaiService service;
    private final SyncService sync;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private final KessaiTexts texts;
    private final Messages messages;
    private final InboxNotifier notifier;
    private final List<Button> actionButtons = new ArrayList<>();
    private MPart part;
    private String partLabel;
    private Table folders;
    private Table items;
    private Label count;
    private KessaiDetail detail;
    private Button submit;
    private Button approve;
    private Button sendBack;
    private Button pullBack;
    private Button withdraw;
    private Button reject;
    private Button comment;
    private Button postReview;
    private Button read;
    private Button edit;
    private Button retention;
    private Inbox inbox = Inbox.EMPTY;
    private KessaiSettings settings;
    /** The folder shown; null while a 案件 that is in no folder is shown on its own ({@link #outside}). */
    private InboxFolder folder = InboxFolder.AWAITING;
    /** The id of the 案件 opened from elsewhere that is in no folder, or null. */
    private String outsideId;
    private InboxItem outside;
    private List<InboxItem> shown = List.of();
    private long reloads;

    @Inject
    public KessaiPart(KessaiService service, SyncService sync, KairanServerClient client, UISynchronize ui,
            @Translation Messages messages) {
        this.service = service;
        this.sync = sync;
        this.client = client;
        this.ui = ui;
        this.messages = messages;
        this.texts = new KessaiTexts(messages, Locale.getDefault(), sync::officeZone);
        this.notifier = new InboxNotifier(texts);
    }

    @PostConstruct
    void create(Composite parent, MPart modelPart) {
        this.part = modelPart;
        this.partLabel = modelPart.getLocalizedLabel();
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(parent);
        createBar(parent);
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        folders = new Table(sash, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        folders.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_FOLDERS);
        for (InboxFolder f : InboxFolder.values()) {
            new TableItem(folders, SWT.NONE).setText(texts.folder(f));
        }
        folders.setSelection(0);
        folders.addListener(SWT.Selection, e -> {
            folder = InboxFolder.values()[Math.max(0, folders.getSelectionIndex())];
            outsideId = null;
            outside = null;
            show();
        });
        SashForm right = new SashForm(sash, SWT.VERTICAL);
        createItems(right);
        detail = new KessaiDetail(right, service, ui, texts);
        right.setWeights(34, 66);
        sash.setWeights(16, 84);
        reload();
    }

    private void createBar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        GridLayoutFactory.swtDefaults().numColumns(16).margins(8, 6).applyTo(bar);
        button(bar, messages.kessai_new, ApprovalUiConstants.ID_KESSAI_NEW, false).addListener(SWT.Selection,
                e -> draft(null));
        edit = button(bar, messages.kessai_edit, ApprovalUiConstants.ID_KESSAI_EDIT, true);
        edit.addListener(SWT.Selection, e -> selected().ifPresent(i -> draft(i.kessai())));
        submit = button(bar, messages.kessai_submit, ApprovalUiConstants.ID_KESSAI_SUBMIT, true);
        submit.addListener(SWT.Selection, e -> simple(ActionKind.SUBMIT));
        approve = button(bar, messages.kessai_approve, ApprovalUiConstants.ID_KESSAI_APPROVE, true);
        approve.setToolTipText(messages.kessai_approveTooltip);
        approve.addListener(SWT.Selection, e -> simple(ActionKind.APPROVE));
        sendBack = button(bar, messages.kessai_sendBack, ApprovalUiConstants.ID_KESSAI_SEND_BACK, true);
        sendBack.setToolTipText(messages.kessai_sendBackTooltip);
        sendBack.addListener(SWT.Selection, e -> sendBack());
        pullBack = button(bar, messages.kessai_pullBack, ApprovalUiConstants.ID_KESSAI_PULL_BACK, true);
        pullBack.addListener(SWT.Selection, e -> simple(ActionKind.PULL_BACK));
        withdraw = button(bar, messages.kessai_withdraw, ApprovalUiConstants.ID_KESSAI_WITHDRAW, true);
        withdraw.addListener(SWT.Selection, e -> withdraw());
        reject = button(bar, messages.kessai_reject, ApprovalUiConstants.ID_KESSAI_REJECT, true);
        reject.addListener(SWT.Selection, e -> withReason(ActionKind.REJECT, messages.kessai_reject_title,
                messages.kessai_reject_message, true));
        comment = button(bar, messages.kessai_comment, ApprovalUiConstants.ID_KESSAI_COMMENT, true);
        comment.addListener(SWT.Selection, e -> withReason(ActionKind.COMMENT, messages.kessai_comment_title,
                messages.kessai_comment_message, true));
        postReview = button(bar, messages.kessai_postReview, ApprovalUiConstants.ID_KESSAI_POST_REVIEW, true);
        postReview.addListener(SWT.Selection, e -> simple(ActionKind.POST_REVIEW));
        read = button(bar, messages.kessai_read, ApprovalUiConstants.ID_KESSAI_READ, true);
        read.addListener(SWT.Selection, e -> simple(ActionKind.READ));
        button(bar, messages.kessai_absence, ApprovalUiConstants.ID_KESSAI_ABSENCE, false).addListener(SWT.Selection,
                e -> absence());
        button(bar, messages.kessai_register, ApprovalUiConstants.ID_KESSAI_REGISTER, false).addListener(SWT.Selection,
                e -> register());
        retention = button(bar, messages.kessai_retention, ApprovalUiConstants.ID_KESSAI_RETENTION, false);
        retention.addListener(SWT.Selection, e -> new RetentionDialog(shell(), texts, client, ui).open());
        count = new Label(bar, SWT.NONE);
        count.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_COUNT);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.END, SWT.CENTER).applyTo(count);
    }

    private Button button(Composite bar, String text, String id, boolean needsSelection) {
        Button button = new Button(bar, SWT.PUSH);
        button.setText(text);
        button.setData(ApprovalUiConstants.WIDGET_ID, id);
        if (needsSelection) {
            actionButtons.add(button);
            button.setEnabled(false);
        }
        return button;
    }

    private void createItems(Composite parent) {
        items = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.VIRTUAL | SWT.V_SCROLL);
        items.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_KESSAI_ITEMS);
        items.setHeaderVisible(true);
        items.setLinesVisible(true);
        String[] titles = {messages.kessai_col_title, messages.kessai_col_number, messages.kessai_col_drafter,
            messages.kessai_col_where, messages.kessai_col_since};
        int[] widths = {330, 110, 170, 330, 150};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(items, SWT.NONE);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        items.addListener(SWT.SetData, e -> {
            TableItem line = (TableItem) e.item;
            int index = items.indexOf(line);
            if (index >= 0 && index < shown.size()) {
                line.setText(cells(shown.get(index)));
            }
        });
        items.addListener(SWT.Selection, e -> showSelected());
        items.addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) && approve.isEnabled()) {
                simple(ActionKind.APPROVE);
                e.doit = false;
            } else if ((e.stateMask & SWT.MOD1) != 0 && e.keyCode == SWT.BS && sendBack.isEnabled()) {
                sendBack();
                e.doit = false;
            }
        });
    }

    private String[] cells(InboxItem item) {
        Kessai k = item.kessai();
        String title = item.sending() ? MessageFormat.format(messages.kessai_sending, k.title())
                : item.refused().map(r -> MessageFormat.format(messages.kessai_refused, k.title())).orElse(k.title());
        return new String[] {title, k.documentNumber() == null ? "" : k.documentNumber(),
            k.route().drafter().unitName() + " " + k.route().drafter().name(), item.where(), texts.moment(item.since())};
    }

    /** Reads the inbox in a job; only the newest read is shown. */
    void reload() {
        long generation = ++reloads;
        String keep = outsideId;
        BackgroundCall.named(messages.kessai_tab_route, monitor -> new Loaded(service.inbox(),
                service.settings().orElse(null), keep == null ? null : service.find(keep).orElse(null)))
                .quiet().onSuccess(loaded -> {
                    if (generation == reloads && !items.isDisposed()) {
                        inbox = loaded.inbox();
                        settings = loaded.settings();
                        outside = loaded.found();
                        show();
                    }
                }).start(ui);
    }

    private record Loaded(Inbox inbox, KessaiSettings settings, InboxItem found) {
    }

    /**
     * Shows the 案件 selected in the folder that holds it (the first of 承認待ち … 送信待ち), or on its own when it
     * is in none (an old decision found by search); the list gets the focus.
     */
    public void open(String kessaiId) {
        open(kessaiId, null, 1, List.of());
    }

    /**
     * The same, then shows one of its attachments in the 文書 tab at a page (1-based) with the words highlighted, as
     * a search hit inside that attachment asks; when the 案件 does not list it, the 案件 is shown as it is.
     */
    public void open(String kessaiId, String attachmentId, int page, List<String> words) {
        long generation = ++reloads;
        BackgroundCall.named(messages.kessai_tab_route, monitor -> new Loaded(service.inbox(),
                service.settings().orElse(null), service.find(kessaiId).orElse(null))).quiet().onSuccess(loaded -> {
                    if (generation != reloads || items.isDisposed()) {
                        return;
                    }
                    inbox = loaded.inbox();
                    settings = loaded.settings();
                    InboxFolder holder = null;
                    for (InboxFolder f : InboxFolder.values()) {
                        if (holder == null && inbox.get(f).stream().anyMatch(i -> i.id().equals(kessaiId))) {
                            holder = f;
                        }
                    }
                    if (holder == null && loaded.found() == null) {
                        show();
                        MessageDialog.openInformation(shell(), messages.kessai_error_title, messages.kessai_notFound);
                        return;
                    }
                    folder = holder;
                    outsideId = holder == null ? kessaiId : null;
                    outside = holder == null ? loaded.found() : null;
                    if (holder == null) {
                        folders.deselectAll();
                    } else {
                        folders.setSelection(holder.ordinal());
                    }
                    items.deselectAll();
                    show();
                    for (int i = 0; i < shown.size(); i++) {
                        if (shown.get(i).id().equals(kessaiId)) {
                            items.setSelection(i);
                            items.showSelection();
                            showSelected();
                            if (attachmentId != null) {
                                detail.showAttachment(attachmentId, page, words);
                            }
                            break;
                        }
                    }
                    items.setFocus();
                }).start(ui);
    }

    private void show() {
        for (InboxFolder f : InboxFolder.values()) {
            folders.getItem(f.ordinal()).setText(inbox.count(f) == 0 ? texts.folder(f)
                    : MessageFormat.format(messages.kessai_folderCount, texts.folder(f), inbox.count(f)));
        }
        String selectedId = selected().map(InboxItem::id).orElse(null);
        shown = folder != null ? inbox.get(folder) : outside == null ? List.of() : List.of(outside);
        items.clearAll();
        items.setItemCount(shown.size());
        count.setText(folder == null ? messages.kessai_outsideFolders
                : MessageFormat.format(messages.kessai_count, shown.size()));
        count.getParent().layout(true);
        int waiting = inbox.count(InboxFolder.AWAITING) + inbox.count(InboxFolder.POST_REVIEW)
                + inbox.count(InboxFolder.RETURNED);
        if (part != null && partLabel != null) {
            part.setLabel(waiting == 0 ? partLabel : MessageFormat.format(messages.kessai_folderCount, partLabel, waiting));
        }
        int index = -1;
        for (int i = 0; selectedId != null && i < shown.size(); i++) {
            if (shown.get(i).id().equals(selectedId)) {
                index = i;
                break;
            }
        }
        if (index >= 0) {
            items.setSelection(index);
        } else {
            items.deselectAll();
        }
        showSelected();
    }

    private Optional<InboxItem> selected() {
        int index = items == null || items.isDisposed() ? -1 : items.getSelectionIndex();
        return index >= 0 && index < shown.size() ? Optional.of(shown.get(index)) : Optional.empty();
    }

    private Optional<String> me() {
        return client.session().or(sync::session).map(Session::user).map(u -> u.staffNo());
    }

    private void showSelected() {
        retention.setVisible(client.session().or(sync::session).map(Session::user)
                .map(u -> u.has(org.kairan.core.organisation.Role.ADMIN)).orElse(false));
        Optional<InboxItem> item = selected();
        detail.show(item.orElse(null), settings);
        actionButtons.forEach(b -> b.setEnabled(false));
        if (item.isEmpty() || me().isEmpty()) {
            return;
        }
        String me = me().get();
        Kessai k = item.get().kessai();
        boolean drafter = k.drafterNo().equals(me);
        boolean turn = k.awaits(me);
        boolean mayDecide = turn && !k.decisionRestrictedFor(me); // a 代決者 may not decide a restricted matter
        edit.setEnabled(drafter && k.status().isEditable());
        submit.setEnabled(drafter && k.status().isEditable());
        approve.setEnabled(mayDecide);
        sendBack.setEnabled(turn);
        reject.setEnabled(mayDecide && k.step().map(RouteStep::kind).map(s -> s.isDecision()).orElse(false));
        pullBack.setEnabled(k.status() == KessaiStatus.IN_ROUTE && me.equals(k.lastMover()) && k.consented().isEmpty());
        withdraw.setEnabled(drafter && !k.status().isClosed());
        comment.setEnabled(k.involves(me));
        postReview.setEnabled(k.awaitsPostReview(me));
        read.setEnabled(k.status() == KessaiStatus.DECIDED && k.route().readers().stream()
                .anyMatch(r -> r.staffNo().equals(me)) && k.history().stream()
                .noneMatch(e -> e.action() == ActionKind.READ && e.actor().staffNo().equals(me)));
    }

    private void simple(ActionKind action) {
        selected().ifPresent(item -> queue(KessaiAction.on(item.kessai(), action, "")));
    }

    private void withReason(ActionKind action, String title, String message, boolean required) {
        Optional<InboxItem> item = selected();
        if (item.isEmpty()) {
            return;
        }
        ReasonDialog dialog = new ReasonDialog(shell(), messages, title, message, messages.kessai_reason,
                texts.action(action), required, List.of());
        if (dialog.open() == Window.OK) {
            queue(KessaiAction.on(item.get().kessai(), action, dialog.reason()));
        }
    }

    /** 差戻し: to the drafter (the default) or any earlier step, with a reason. */
    private void sendBack() {
        Optional<InboxItem> item = selected();
        if (item.isEmpty()) {
            return;
        }
        Kessai k = item.get().kessai();
        List<ReasonDialog.Target> targets = new ArrayList<>();
        targets.add(new ReasonDialog.Target(MessageFormat.format(messages.kessai_sendBack_toDrafter,
                k.route().drafter().name()), -1));
        for (int i = 0; i < k.currentStep(); i++) {
            RouteStep step = k.route().steps().get(i);
            targets.add(new ReasonDialog.Target(MessageFormat.format(messages.kessai_sendBack_toStep,
                    texts.step(step.kind()), KessaiTexts.who(step.approver())), i));
        }
        ReasonDialog dialog = new ReasonDialog(shell(), messages, messages.kessai_sendBack_title,
                messages.kessai_sendBack_message, messages.kessai_reason, texts.action(ActionKind.SEND_BACK), true, targets)
                .targetLabel(messages.kessai_sendBack_target);
        if (dialog.open() == Window.OK) {
            queue(KessaiAction.sendBack(k, dialog.step(), dialog.reason()));
        }
    }

    private void withdraw() {
        selected().ifPresent(item -> {
            if (MessageDialog.openConfirm(shell(), messages.kessai_error_title,
                    MessageFormat.format(messages.kessai_confirm_withdraw, item.title()))) {
                queue(KessaiAction.on(item.kessai(), ActionKind.WITHDRAW, ""));
            }
        });
    }

    /** 新規起案, or the edit of a draft or of a 案件 sent back; 提出 queues the save and the submission. */
    private void draft(Kessai editing) {
        if (settings == null) {
            // right after a login the replica's changes keep the list's reading going: ask the replica itself (a
            // local read, as the directory below), rather than saying the settings are missing when they are not
            settings = service.settings().orElse(null);
        }
        if (settings == null) {
            MessageDialog.openInformation(shell(), messages.kessai_error_title, messages.kessai_draft_noSettings);
            return;
        }
        OrganisationDirectory directory = new OrganisationDirectory(sync.replica().directory(sync.officeToday()));
        DraftDialog dialog = new DraftDialog(shell(), texts, service, settings, directory, editing);
        if (dialog.open() != Window.OK || dialog.draft() == null) {
            return;
        }
        int round = editing == null ? 0 : editing.round();
        boolean andSubmit = dialog.submit();
        BackgroundCall.named(messages.kessai_draft_title, monitor -> {
            service.saveDraft(dialog.draft());
            if (andSubmit) {
                service.act(new KessaiAction(dialog.draft().kessaiId(), ActionKind.SUBMIT, round, -1, -1, "", false));
            }
            return dialog.draft();
        }).onSuccess(done -> reload()).onFailure(this::failed).start(ui);
    }

    private void absence() {
        Optional<String> me = me();
        AbsenceDialog dialog = new AbsenceDialog(shell(), messages, sync.officeToday());
        if (me.isEmpty() || dialog.open() != Window.OK) {
            return;
        }
        AbsenceNotice notice = new AbsenceNotice(UUID.randomUUID().toString(), me.get(), dialog.first(), dialog.last(),
                dialog.reason(), false);
        BackgroundCall.named(messages.kessai_absence_title, monitor -> service.setAbsence(notice))
                .onSuccess(done -> reload()).onFailure(this::failed).start(ui);
    }

    /** 決裁簿…: a 課 and a period, saved as CSV where the person chooses; the server checks the rights. */
    private void register() {
        LocalDate today = sync.officeToday();
        OrganisationDirectory directory = new OrganisationDirectory(sync.replica().directory(today));
        String own = client.session().or(sync::session).map(Session::user).map(u -> u.unitCode())
                .flatMap(code -> org.kairan.core.kessai.Divisions.divisionOf(directory, code))
                .map(org.kairan.core.organisation.OrgUnit::code).orElse(null);
        List<org.kairan.core.organisation.OrgUnit> divisions = directory.allUnits().stream()
                .filter(u -> u.kind() == org.kairan.core.organisation.UnitKind.DIVISION).toList();
        RegisterDialog dialog = new RegisterDialog(shell(), messages, directory, divisions, own, today);
        if (dialog.open() != Window.OK) {
            return;
        }
        org.eclipse.swt.widgets.FileDialog save = new org.eclipse.swt.widgets.FileDialog(shell(), SWT.SAVE);
        save.setFileName(MessageFormat.format(messages.kessai_register_fileName, dialog.unitCode(),
                dialog.first().toString(), dialog.last().toString()));
        save.setOverwrite(true);
        String target = save.open();
        if (target == null) {
            return;
        }
        BackgroundCall.named(messages.kessai_register_job, monitor -> {
            client.downloadRegister(dialog.unitCode(), dialog.first(), dialog.last(), dialog.shiftJis(),
                    java.nio.file.Path.of(target));
            return target;
        }).onSuccess(saved -> MessageDialog.openInformation(shell(), messages.kessai_register_title,
                MessageFormat.format(messages.kessai_register_saved, saved))).onFailure(this::failed).start(ui);
    }

    private void queue(KessaiAction action) {
        BackgroundCall.named(texts.action(action.action()), monitor -> service.act(action))
                .onSuccess(this::queued).onFailure(this::failed).start(ui);
    }

    private void queued(QueuedAction action) {
        reload();
    }

    private void failed(Exception failure) {
        if (!items.isDisposed()) {
            MessageDialog.openError(shell(), messages.kessai_error_title, failure.getMessage());
        }
    }

    private Shell shell() {
        return items.getShell();
    }

    /** The text of the last "something arrived" notification (for tests). */
    public String lastNotice() {
        return notifier.lastText();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void replicaChanged(@UIEventTopic(SyncTopics.REPLICA_CHANGED) Set<String> types) {
        if (items != null && !items.isDisposed() && (types.isEmpty() || types.contains(EntityTypes.KESSAI)
                || types.contains(EntityTypes.KESSAI_SETTINGS) || types.contains(EntityTypes.ABSENCE))) {
            reload();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void actionChanged(@UIEventTopic(SyncTopics.ACTION) QueuedAction action) {
        if (items != null && !items.isDisposed()
                && (action.type().startsWith("kessai.") || action.type().startsWith("absence."))) {
            reload();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void inboxChanged(@UIEventTopic(KessaiTopics.INBOX) InboxNotice notice) {
        if (items != null && !items.isDisposed()) {
            notifier.show(shell(), notice);
            reload();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void sessionChanged(@UIEventTopic(ClientTopics.SESSION) Object event) {
        if (items != null && !items.isDisposed()) {
            reload();
        }
    }

    @Focus
    void focus() {
        items.setFocus();
    }
}
