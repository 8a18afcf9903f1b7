package org.kairan.app.circular;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.kairan.app.AppConstants;
import org.kairan.app.nls.Messages;
import org.kairan.core.circular.PostCircular;
import org.kairan.core.organisation.OrgUnit;
import org.kairan.core.organisation.OrganisationDirectory;
import org.kairan.core.protocol.SessionUser;
import org.kairan.ui.TitledDialog;

/**
 * 新規回覧: addressee (any unit, the writer's own first), 件名 and 本文. Works offline: OK only queues the
 * post.
 */
public final class NewCircularDialog extends TitledDialog {

    private final Messages messages;
    private final List<OrgUnit> units = new ArrayList<>();
    private final String defaultUnit;
    private final OrganisationDirectory directory;
    private Combo unit;
    private Text title;
    private Text body;
    private final PostCircular draft;
    private PostCircular circular;

    /**
     * @param draft a 回覧 written before that could not be queued, to fill in again; {@code null} for a new one
     */
    public NewCircularDialog(Shell parent, Messages messages, OrganisationDirectory directory, SessionUser writer,
            LocalDate today, PostCircular draft) {
        super(parent, messages.circular_newShell);
        this.messages = messages;
        this.directory = directory;
        this.draft = draft;
        this.defaultUnit = draft != null ? draft.unitCode()
                : directory.primaryPost(writer.staffNo(), today).map(a -> a.unitCode()).orElse(writer.unitCode());
        collect(directory.topLevelUnits());
    }

    private void collect(List<OrgUnit> level) {
        for (OrgUnit u : level) {
            units.add(u);
            collect(directory.childrenOf(u.code()));
        }
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(messages.circular_newTitle);
        setMessage(messages.circular_newIntro);
        Composite page = page(area, 2);
        new Label(page, SWT.NONE).setText(messages.circular_newTo);
        unit = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        unit.setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_NEW_TO);
        unit.setVisibleItemCount(20);
        int selected = 0;
        for (int i = 0; i < units.size(); i++) {
            OrgUnit u = units.get(i);
            unit.add(directory.unitDisplayName(u.code()));
            if (u.code().equals(defaultUnit)) {
                selected = i;
            }
        }
        if (!units.isEmpty()) {
            unit.select(selected);
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(unit);
        new Label(page, SWT.NONE).setText(messages.circular_newSubject);
        title = new Text(page, SWT.BORDER | SWT.SINGLE);
        title.setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_NEW_TITLE);
        title.setTextLimit(PostCircular.MAX_TITLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        Label bodyLabel = new Label(page, SWT.NONE);
        bodyLabel.setText(messages.circular_newBody);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(bodyLabel);
        body = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        body.setData(AppConstants.WIDGET_ID, AppConstants.ID_CIRCULAR_NEW_BODY);
        body.setTextLimit(PostCircular.MAX_BODY);
        GridDataFactory.fillDefaults().grab(true, true).hint(480, 200).applyTo(body);
        if (draft != null) {
            title.setText(draft.title());
            body.setText(draft.body() == null ? "" : draft.body());
        }
        title.setFocus();
        return area;
    }

    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 640), Math.max(size.y, 460));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.circular_newSend, true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.common_cancel, false);
    }

    @Override
    protected void okPressed() {
        String subject = title.getText().strip();
        if (subject.isEmpty()) {
            setErrorMessage(messages.circular_newSubjectEmpty);
            title.setFocus();
            return;
        }
        if (unit.getSelectionIndex() < 0) {
            setErrorMessage(messages.circular_newToEmpty);
            return;
        }
        // a draft keeps its id: if it was queued after all, the server answers ALREADY_EXISTS instead of a twin
        circular = new PostCircular(draft != null ? draft.circularId() : UUID.randomUUID().toString(),
                units.get(unit.getSelectionIndex()).code(), subject, body.getText());
        super.okPressed();
    }

    /** The 回覧 written, after OK. */
    public PostCircular circular() {
        return circular;
    }
}
