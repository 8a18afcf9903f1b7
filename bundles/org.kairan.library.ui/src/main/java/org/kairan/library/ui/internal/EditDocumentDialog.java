package org.kairan.library.ui.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.client.documents.LibraryEntry;
import org.kairan.core.documents.EditDocument;
import org.kairan.core.documents.LibraryDocument;
import org.kairan.core.kessai.DocumentClass;
import org.kairan.library.ui.LibraryUiConstants;

/**
 * 「情報を編集…」: 表題, 文書分類 (the city's list), 年度 (this year and the nine before, 和暦 in Japanese), タグ and
 * 保存年限 (the 文書分類's, or 1, 3, 5, 10, 30 years, 永年). OK gives the {@link EditDocument} with every field.
 */
final class EditDocumentDialog extends TitleAreaDialog {

    private static final int[] RETENTIONS = { 1, 3, 5, 10, 30, LibraryDocument.PERMANENT };

    private final LibraryTexts texts;
    private final LibraryEntry line;
    private final List<DocumentClass> classes;
    private final List<Integer> years = new ArrayList<>();
    private Text title;
    private Combo classification;
    private Combo fiscalYear;
    private Text tags;
    private Combo retention;
    private EditDocument result;

    EditDocumentDialog(Shell parent, LibraryTexts texts, LibraryEntry line, List<DocumentClass> classes, int thisYear) {
        super(parent);
        this.texts = texts;
        this.line = line;
        this.classes = classes;
        LinkedHashSet<Integer> offered = new LinkedHashSet<>();
        for (int y = thisYear + 1; y >= thisYear - 9; y--) {
            offered.add(y);
        }
        offered.add(line.fiscalYear());
        years.addAll(offered);
        years.sort((a, b) -> b - a);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(texts.messages().library_editTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(texts.messages().library_editTitle);
        setMessage(texts.messages().library_editMessage);
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 10).applyTo(form);

        label(form, texts.messages().library_edit_title);
        title = new Text(form, SWT.BORDER);
        title.setText(line.title());
        title.setTextLimit(LibraryDocument.MAX_TITLE);
        id(title, LibraryUiConstants.ID_EDIT_TITLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(title);

        label(form, texts.messages().library_edit_class);
        classification = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        id(classification, LibraryUiConstants.ID_EDIT_CLASS);
        for (DocumentClass c : classes) {
            classification.add(c.name());
        }
        classification.select(Math.max(0, Arrays.asList(classification.getItems()).indexOf(line.classification())));
        classification.addListener(SWT.Selection, e -> describeClassRetention());

        label(form, texts.messages().library_edit_year);
        fiscalYear = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        id(fiscalYear, LibraryUiConstants.ID_EDIT_YEAR);
        for (int y : years) {
            fiscalYear.add(texts.fiscalYear(y));
        }
        fiscalYear.select(years.indexOf(line.fiscalYear()));

        label(form, texts.messages().library_edit_tags);
        tags = new Text(form, SWT.BORDER);
        tags.setMessage(texts.messages().library_edit_tagsHint);
        id(tags, LibraryUiConstants.ID_EDIT_TAGS);
        if (line.document() != null) {
            tags.setText(String.join("、", line.document().tags()));
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(tags);

        label(form, texts.messages().library_edit_retention);
        retention = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        id(retention, LibraryUiConstants.ID_EDIT_RETENTION);
        retention.add("");
        for (int r : RETENTIONS) {
            retention.add(texts.retention(r));
        }
        describeClassRetention();
        int current = line.document() == null ? -1 : line.document().retentionYears();
        int index = 0;
        for (int i = 0; i < RETENTIONS.length; i++) {
            if (RETENTIONS[i] == current) {
                index = i + 1;
            }
        }
        retention.select(index);
        return area;
    }

    private void describeClassRetention() {
        int selected = retention.getSelectionIndex();
        String ofClass = classes.isEmpty() || classification.getSelectionIndex() < 0 ? "—"
                : texts.retention(classes.get(classification.getSelectionIndex()).retentionYears());
        retention.setItem(0, MessageFormat.format(texts.messages().library_edit_retentionOfClass, ofClass));
        retention.select(Math.max(0, selected));
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private static void id(Control control, String id) {
        control.setData(LibraryUiConstants.WIDGET_ID, id);
    }

    @Override
    protected void okPressed() {
        List<String> tagList = Arrays.stream(tags.getText().split("[、,，\\s]+")).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
        int r = retention.getSelectionIndex();
        result = new EditDocument(line.documentId(), title.getText().strip(),
                classification.getSelectionIndex() < 0 ? line.classification() : classification.getText(),
                years.get(Math.max(0, fiscalYear.getSelectionIndex())), tagList, r <= 0 ? null : RETENTIONS[r - 1]);
        super.okPressed();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** The edit, after OK. */
    EditDocument result() {
        return result;
    }
}
