package org.kairan.approval.ui.internal.kessai;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.kairan.approval.ui.ApprovalUiConstants;
import org.kairan.approval.ui.nls.Messages;
import org.kairan.core.kessai.ApproverPost;
import org.kairan.core.kessai.Consent;
import org.kairan.core.organisation.Assignment;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.organisation.UnitKind;
import org.kairan.ui.TitledDialog;

/** 合議の追加: a 課 (or 係) and one of the posts held there on the draft date, all or any one consenting. */
final class ConsultationDialog extends TitledDialog {

    private final Messages messages;
    private final OrganisationDirectory directory;
    private final LocalDate day;
    private final List<OrgUnit> units;
    private Combo unit;
    private Combo position;
    private Button anyOne;
    private ApproverPost chosen;
    private Consent consent = Consent.ALL;

    ConsultationDialog(Shell parent, Messages messages, OrganisationDirectory directory, LocalDate day) {
        super(parent, messages.kessai_consult_title);
        this.messages = messages;
        this.directory = directory;
        this.day = day;
        this.units = directory.allUnits().stream()
                .filter(u -> u.kind() == UnitKind.DIVISION || u.kind() == UnitKind.SECTION)
                .sorted(Comparator.comparing(OrgUnit::code)).toList();
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.kessai_consult_title);
        setMessage(messages.kessai_consult_message);
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(messages.kessai_consult_unit);
        unit = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        unit.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_CONSULT_UNIT);
        units.forEach(u -> unit.add(directory.unitDisplayName(u.code())));
        unit.setVisibleItemCount(20);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(unit);
        new Label(page, SWT.NONE).setText(messages.kessai_consult_position);
        position = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        position.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_CONSULT_POSITION);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(position);
        anyOne = new Button(page, SWT.CHECK);
        anyOne.setText(messages.kessai_consult_anyOne);
        anyOne.setData(ApprovalUiConstants.WIDGET_ID, ApprovalUiConstants.ID_CONSULT_ANY_ONE);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(anyOne);
        unit.addListener(SWT.Selection, e -> positions());
        return area;
    }

    /** The posts held in the chosen unit on the day, most senior first. */
    private void positions() {
        position.removeAll();
        if (unit.getSelectionIndex() < 0) {
            return;
        }
        directory.postsIn(units.get(unit.getSelectionIndex()).code(), day).stream().map(Assignment::position).distinct()
                .sorted(Comparator.comparingInt(directory::rank).reversed()).forEach(position::add);
        if (position.getItemCount() > 0) {
            position.select(0);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        buttons(parent, messages.kessai_add, messages.kessai_cancel);
    }

    @Override
    protected void okPressed() {
        if (unit.getSelectionIndex() < 0 || position.getSelectionIndex() < 0) {
            return;
        }
        chosen = new ApproverPost(units.get(unit.getSelectionIndex()).code(), position.getText());
        consent = anyOne.getSelection() ? Consent.ANY_ONE : Consent.ALL;
        super.okPressed();
    }

    ApproverPost post() {
        return chosen;
    }

    Consent consent() {
        return consent;
    }
}
