package org.kairan.approval.ui.internal.kessai;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.client.KairanServerClient;
import org.kairan.core.kessai.RetentionItem;
import org.kairan.core.kessai.RetentionList;
import org.kairan.core.kessai.RetentionList.Disposition;
import org.kairan.ui.BackgroundCall;
import org.kairan.ui.TitledDialog;
import org.kairan.ui.DayPicker;

/**
 * 保存年限の満了: the decided records past their retention as of a day, and for the selected one 廃棄, 移管 or
 * 継続 until a new day. Online only (the list is the server's); administrators only (the server says so).
 */
final class RetentionDialog extends TitledDialog {

    private final KessaiTexts texts;
    private final KairanServerClient client;
    private final UISynchronize ui;
    private DateTime asOf;
    private DateTime keptUntil;
    private Table table;
    private Label count;
    private List<RetentionItem> items = List.of();

    RetentionDialog(Shell parent, KessaiTexts texts, KairanServerClient client, UISynchronize ui) {
        super(parent, texts.messages().kessai_retention_title);
        this.texts = texts;
        this.client = client;
        this.ui = ui;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(texts.messages().kessai_retention_title);
        setMessage(texts.messages().kessai_retention_message);
        Composite page = page(area, 1);
        Composite top = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        new Label(top, SWT.NONE).setText(texts.messages().kessai_retention_asOf);
        asOf = DayPicker.create(top, texts.today());
        Button show = new Button(top, SWT.PUSH);
        show.setText(texts.messages().kessai_retention_show);
        show.addListener(SWT.Selection, e -> load());
        count = new Label(top, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        table = new Table(page, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_RETENTION_TABLE);
        table.setHeaderVisible(true);
        String[] titles = {texts.messages().kessai_col_number, texts.messages().kessai_col_title,
            texts.messages().kessai_retention_class, texts.messages().kessai_retention_period,
            texts.messages().kessai_retention_decided, texts.messages().kessai_retention_keptUntil};
        int[] widths = {100, 280, 110, 70, 130, 130};
        for (int i = 0; i < titles.length; i++) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(titles[i]);
            column.setWidth(widths[i]);
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(840, 260).applyTo(table);
        Composite actions = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(actions);
        action(actions, texts.messages().kessai_retention_dispose, Disposition.DISPOSE);
        action(actions, texts.messages().kessai_retention_transfer, Disposition.TRANSFER);
        action(actions, texts.messages().kessai_retention_extend, Disposition.EXTEND);
        keptUntil = DayPicker.create(actions, texts.today().plusYears(1));
        load();
        return area;
    }

    private void action(Composite parent, String label, Disposition disposition) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> decide(disposition));
    }

    private static LocalDate day(DateTime date) {
        return DayPicker.dayOf(date);
    }

    private void load() {
        LocalDate day = day(asOf);
        BackgroundCall.named(texts.messages().kessai_retention_title, monitor -> client.retention(day))
                .onSuccess(this::show).onFailure(this::failed).start(ui);
    }

    private void show(RetentionList list) {
        if (table.isDisposed()) {
            return;
        }
        items = list.items();
        table.removeAll();
        for (RetentionItem item : items) {
            new TableItem(table, SWT.NONE).setText(new String[] {item.documentNumber() == null ? "" : item.documentNumber(),
                item.title(), item.classification(), item.retention(), texts.date(item.decidedOn()),
                texts.date(item.keptUntil())});
        }
        count.setText(MessageFormat.format(texts.messages().kessai_retention_count, items.size()));
        count.getParent().layout(true);
        setErrorMessage(null);
    }

    private void decide(Disposition disposition) {
        int index = table.getSelectionIndex();
        if (index < 0 || index >= items.size()) {
            return;
        }
        String id = items.get(index).kessaiId();
        LocalDate until = disposition == Disposition.EXTEND ? day(keptUntil) : null;
        BackgroundCall.named(texts.messages().kessai_retention_title, monitor -> {
            client.decideRetention(id, disposition, until);
            return id;
        }).onSuccess(done -> load()).onFailure(this::failed).start(ui);
    }

    private void failed(Exception failure) {
        if (!table.isDisposed()) {
            setErrorMessage(failure.getMessage());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, texts.messages().kessai_retention_close, true);
    }
}
