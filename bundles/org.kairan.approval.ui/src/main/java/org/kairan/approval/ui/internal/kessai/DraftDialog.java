package org.kairan.approval.ui.internal.kessai;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.client.kessai.KessaiService;
import org.kairan.core.kessai.ApprovalRoute;
import org.kairan.core.kessai.ApproverPost;
import org.kairan.core.kessai.Consent;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.core.kessai.FileRef;
import org.kairan.core.kessai.Kessai;
import org.kairan.core.kessai.KessaiDraft;
import org.kairan.core.kessai.KessaiSettings;
import org.kairan.core.kessai.PostHolder;
import org.kairan.core.kessai.RouteException;
import org.kairan.core.kessai.RouteStep;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.DayPicker;

/**
 * 起案: subject, 文書分類, 決裁区分 and amount, 起案日, text and files; the route the 事務決裁規程 gives appears
 * as they are typed (computed offline, as the server will check it), and 合議 and 供覧 can be added. Saves as
 * a draft (一時保存) or submits (提出). Opens a draft or a 案件 sent back for editing too.
 */
final class DraftDialog extends TitledDialog {

    /** A 合議 (or a serial 回議 step) the drafter added: kept as posts so it follows a new base route. */
    private record Consultation(List<ApproverPost> posts, Consent consent, boolean review) {
    }

    private final Messages messages;
    private final KessaiTexts texts;
    private final KessaiService service;
    private final KessaiSettings settings;
    private final OrganisationDirectory directory;
    private final Kessai editing;
    private final String id;
    private final List<FileRef> files = new ArrayList<>();
    private final List<Consultation> consultations = new ArrayList<>();
    private final List<String> readers = new ArrayList<>();
    private Text subject;
    private Combo documentClass;
    private Combo kind;
    private Text amount;
    private DateTime date;
    private Button restricted;
    private Text body;
    private Table fileTable;
    private Table routeTable;
    private ApprovalRoute route;
    private int baseSteps;
    private KessaiDraft result;
    private boolean submit;

    DraftDialog(Shell parent, KessaiTexts texts, KessaiService service, KessaiSettings settings,
            OrganisationDirectory directory, Kessai editing) {
        super(parent, texts.messages().kessai_draft_title);
        this.messages = texts.messages();
        this.texts = texts;
        this.service = service;
        this.settings = settings;
        this.directory = directory;
        this.editing = editing;
        this.id = editing == null ? UUID.randomUUID().toString() : editing.id();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.kessai_draft_title);
        setMessage(messages.kessai_draft_message);
        Composite page = page(area, 4);
        subject = text(page, messages.kessai_draft_subject, ApprovalUiConstants.ID_DRAFT_SUBJECT, 3);
        documentClass = combo(page, messages.kessai_draft_class, ApprovalUiConstants.ID_DRAFT_CLASS);
        settings.classes().forEach(c -> documentClass.add(c.name() + "（" + c.retentionLabel() + "）"));
        kind = combo(page, messages.kessai_draft_kind, ApprovalUiConstants.ID_DRAFT_KIND);
        settings.rules().kinds().forEach(kind::add);
        amount = text(page, messages.kessai_draft_amount, ApprovalUiConstants.ID_DRAFT_AMOUNT, 1);
        new Label(page, SWT.NONE).setText(messages.kessai_draft_date);
        date = DayPicker.create(page, texts.today());
        restricted = new Button(page, SWT.CHECK);
        restricted.setText(messages.kessai_draft_restricted);
        restricted.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_RESTRICTED);
        GridDataFactory.fillDefaults().span(4, 1).applyTo(restricted);
        Label bodyLabel = new Label(page, SWT.NONE);
        bodyLabel.setText(messages.kessai_draft_body);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(bodyLabel);
        body = new Text(page, SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
        body.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_BODY);
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(560, 110).applyTo(body);
        createFiles(page);
        createRoute(page);
        fill();
        for (Control input : new Control[] {kind, amount, date}) {
            input.addListener(input == amount ? SWT.Modify : SWT.Selection, e -> recompute());
        }
        subject.addListener(SWT.Modify, e -> check());
        recompute();
        return area;
    }

    private static Text text(Composite page, String label, String id, int span) {
        new Label(page, SWT.NONE).setText(label);
        Text text = new Text(page, SWT.BORDER);
        text.setData(ApprovalUiConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).span(span, 1).hint(180, SWT.DEFAULT).applyTo(text);
        return text;
    }

    private static Combo combo(Composite page, String label, String id) {
        new Label(page, SWT.NONE).setText(label);
        Combo combo = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setData(ApprovalUiConstants.WIDGET_ID, id);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        return combo;
    }

    private void createFiles(Composite page) {
        Label label = new Label(page, SWT.NONE);
        label.setText(messages.kessai_draft_files);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        fileTable = new Table(page, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION);
        fileTable.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_FILES);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(SWT.DEFAULT, 60).applyTo(fileTable);
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        Button add = button(buttons, messages.kessai_addFile, ApprovalUiConstants.ID_DRAFT_ADD_FILE);
        add.addListener(SWT.Selection, e -> addFile());
        Button remove = button(buttons, messages.kessai_draft_removeFile, null);
        remove.addListener(SWT.Selection, e -> removeFile());
    }

    private void createRoute(Composite page) {
        Label label = new Label(page, SWT.NONE);
        label.setText(messages.kessai_draft_route);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(label);
        routeTable = new Table(page, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION);
        routeTable.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_ROUTE);
        routeTable.setHeaderVisible(true);
        for (String title : new String[] {messages.kessai_route_stage, messages.kessai_route_unit,
            messages.kessai_route_position, messages.kessai_route_name}) {
            new TableColumn(routeTable, SWT.NONE).setText(title);
        }
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 120).applyTo(routeTable);
        Composite buttons = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        button(buttons, messages.kessai_draft_addConsultation, ApprovalUiConstants.ID_DRAFT_ADD_CONSULTATION)
                .addListener(SWT.Selection, e -> addConsultation());
        button(buttons, messages.kessai_draft_addReader, ApprovalUiConstants.ID_DRAFT_ADD_READER)
                .addListener(SWT.Selection, e -> addReader());
        button(buttons, messages.kessai_draft_removeStep, null).addListener(SWT.Selection, e -> removeStep());
    }

    private static Button button(Composite parent, String text, String id) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        if (id != null) {
            button.setData(ApprovalUiConstants.WIDGET_ID, id);
        }
        GridDataFactory.fillDefaults().applyTo(button);
        return button;
    }

    /** Puts an edited 案件's content into the fields; a new draft starts with today and the first class and kind. */
    private void fill() {
        documentClass.select(0);
        kind.select(0);
        amount.setText("0");
        if (editing == null) {
            return;
        }
        subject.setText(editing.title());
        select(documentClass, settings.classes().stream().map(DocumentClass::name).toList(), editing.classification());
        select(kind, settings.rules().kinds(), editing.decisionKind());
        amount.setText(Long.toString(editing.amountYen()));
        DayPicker.show(date, editing.draftDate());
        restricted.setSelection(editing.restricted());
        body.setText(editing.body());
        editing.currentAttachments().forEach(a -> files.add(new FileRef(a.id(), a.name(), a.sha256())));
        showFiles();
        ApprovalRoute base = baseRoute();
        for (RouteStep step : editing.route().steps()) {
            boolean added = !step.kind().isDecision() && (base == null || !base.steps().contains(step));
            if (added) {
                consultations.add(new Consultation(step.approvers().stream()
                        .map(p -> new ApproverPost(p.unitCode(), p.position())).toList(), step.consent(),
                        step.kind() == org.kairan.core.kessai.StepKind.REVIEW));
            }
        }
        editing.route().readers().forEach(r -> readers.add(r.staffNo()));
    }

    private static void select(Combo combo, List<String> values, String value) {
        int index = values.indexOf(value);
        if (index >= 0) {
            combo.select(index);
        }
    }

    private LocalDate draftDate() {
        return DayPicker.dayOf(date);
    }

    private long amountYen() {
        String text = java.text.Normalizer.normalize(amount.getText(), java.text.Normalizer.Form.NFKC)
                .replace(",", "").strip();
        try {
            long value = text.isEmpty() ? 0 : Long.parseLong(text);
            return value < 0 ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ApprovalRoute baseRoute() {
        long yen = amountYen();
        if (yen < 0 || kind.getSelectionIndex() < 0) {
            return null;
        }
        return service.proposeRoute(kind.getText(), yen, draftDate());
    }

    /** The rules' route for the kind, amount and day, plus the drafter's 合議 and 供覧; or why there is none. */
    private void recompute() {
        route = null;
        String problem = null;
        try {
            if (amountYen() < 0) {
                problem = messages.kessai_draft_amountInvalid;
            } else {
                ApprovalRoute built = baseRoute();
                baseSteps = built.steps().size();
                for (Consultation c : consultations) {
                    built = c.review()
                            ? service.routeEditor().insertReview(built, built.steps().size() - 1, c.posts().getFirst())
                            : service.routeEditor().addConsultation(built, c.posts(), c.consent());
                }
                route = service.routeEditor().addReaders(built, readers);
            }
        } catch (RouteException e) {
            problem = e.getMessage();
        }
        showRoute();
        setErrorMessage(problem);
        check();
    }

    private void showRoute() {
        routeTable.removeAll();
        if (route == null) {
            return;
        }
        for (RouteStep step : route.steps()) {
            for (PostHolder person : step.approvers()) {
                row(texts.step(step.kind()), person);
            }
        }
        route.readers().forEach(r -> row(messages.kessai_route_reader, r));
        for (TableColumn column : routeTable.getColumns()) {
            column.pack();
        }
    }

    private void row(String stage, PostHolder person) {
        new TableItem(routeTable, SWT.NONE).setText(new String[] {stage, person.unitName(), person.position(),
            person.name()});
    }

    private void check() {
        Button save = getButton(IDialogConstants.CLIENT_ID);
        Button ok = getButton(IDialogConstants.OK_ID);
        boolean valid = route != null && !subject.getText().isBlank();
        if (save != null) {
            save.setEnabled(valid);
            ok.setEnabled(valid);
        }
        if (route != null && subject.getText().isBlank()) {
            setMessage(messages.kessai_draft_subjectMissing);
        } else if (route != null) {
            setMessage(messages.kessai_draft_message);
        }
    }

    private void addFile() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
        if (dialog.open() == null) {
            return;
        }
        for (String name : dialog.getFileNames()) {
            Path file = Path.of(dialog.getFilterPath(), name);
            try {
                files.add(service.prepareAttachment(file));
            } catch (Exception e) {
                setErrorMessage(e.getMessage());
            }
        }
        showFiles();
    }

    /** Adds a file as 「ファイルを追加…」 would, without the file chooser (for keyboard-free tests and drops). */
    void addFile(Path file) throws java.io.IOException {
        files.add(service.prepareAttachment(file));
        showFiles();
    }

    private void removeFile() {
        int index = fileTable.getSelectionIndex();
        if (index < 0) {
            return;
        }
        FileRef file = files.get(index);
        boolean submitted = editing != null && editing.attachments().stream()
                .anyMatch(a -> a.id().equals(file.attachmentId()) && a.submitted());
        if (!submitted) {
            files.remove(index);
            showFiles();
        }
    }

    private void showFiles() {
        fileTable.removeAll();
        files.forEach(f -> new TableItem(fileTable, SWT.NONE).setText(f.name()));
    }

    private void addConsultation() {
        ConsultationDialog dialog = new ConsultationDialog(getShell(), messages, directory, draftDate());
        if (dialog.open() == Window.OK && dialog.post() != null) {
            consultations.add(new Consultation(List.of(dialog.post()), dialog.consent(), dialog.review()));
            recompute();
            if (route == null) {
                consultations.removeLast();
                String problem = getErrorMessage();
                recompute();
                setErrorMessage(problem);
            }
        }
    }

    private void addReader() {
        ReasonDialog dialog = new ReasonDialog(getShell(), messages, messages.kessai_reader_title,
                messages.kessai_reader_message, messages.kessai_reader_staffNo, messages.kessai_add, true, List.of());
        if (dialog.open() == Window.OK) {
            readers.add(java.text.Normalizer.normalize(dialog.reason(), java.text.Normalizer.Form.NFKC).strip());
            recompute();
            if (route == null) {
                readers.removeLast();
                String problem = getErrorMessage();
                recompute();
                setErrorMessage(problem);
            }
        }
    }

    /** Removes a step or reader the drafter added; the rules' own steps stay. */
    private void removeStep() {
        int index = routeTable.getSelectionIndex();
        if (route == null || index < 0) {
            return;
        }
        int people = 0;
        for (int s = 0; s < route.steps().size(); s++) {
            RouteStep step = route.steps().get(s);
            if (index < people + step.approvers().size()) {
                int added = s - (baseSteps - 1);
                if (added >= 0 && added < consultations.size()) {
                    consultations.remove(added);
                    recompute();
                } else {
                    setErrorMessage(messages.kessai_draft_removeAdded);
                }
                return;
            }
            people += step.approvers().size();
        }
        int reader = index - people;
        if (reader >= 0 && reader < readers.size()) {
            readers.remove(reader);
            recompute();
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Button save = createButton(parent, IDialogConstants.CLIENT_ID, messages.kessai_draft_save, false);
        save.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_SAVE);
        Button ok = createButton(parent, IDialogConstants.OK_ID, messages.kessai_draft_submit, true);
        ok.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_DRAFT_SUBMIT);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.kessai_cancel, false);
        check();
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLIENT_ID) {
            finish(false);
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        finish(true);
    }

    private void finish(boolean andSubmit) {
        if (route == null || subject.getText().isBlank()) {
            return;
        }
        String className = settings.classes().get(documentClass.getSelectionIndex()).name();
        result = new KessaiDraft(id, subject.getText().strip(), className, body.getText(), kind.getText(), amountYen(),
                restricted.getSelection(), draftDate(), route, List.copyOf(files));
        submit = andSubmit;
        setReturnCode(Window.OK);
        close();
    }

    /** What to save, once closed with 一時保存 or 提出. */
    KessaiDraft draft() {
        return result;
    }

    /** Whether the drafter asked to submit it too. */
    boolean submit() {
        return submit;
    }
}
